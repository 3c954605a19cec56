package dev.slipway.device;

import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.InvalidTokenException.Reason;
import dev.slipway.access.KeySource;
import dev.slipway.access.Seal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Issues and checks the {@code Challenge} string of a Profile Service profile. The device signs
 * it back with its attributes, so a genuine answer proves it was made for this profile: this site,
 * this page link, within minutes. Nothing is stored; the challenge carries its own terms under the
 * link keys' HMAC.
 */
public final class Challenges {
    /** How long a tester has from tapping "Check this device" to installing the profile in Settings. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    private static final String CONTEXT = "device-challenge";
    private static final int MAX_CHARS = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Seal seal;
    private final Clock clock;
    private final Duration ttl;

    /**
     * @param keys the link keys
     * @param clock issue and check times
     * @param ttl how long a challenge is accepted
     */
    public Challenges(KeySource keys, Clock clock, Duration ttl) {
        this.seal = new Seal(keys, MAX_CHARS);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /**
     * A new challenge for a page on a site.
     *
     * @param host the host the visitor used (as in the profile's {@code URL})
     * @param link the page to return to
     * @return the challenge text (URL-safe)
     */
    public String issue(String host, EnrolmentLink link) {
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(clock.instant().getEpochSecond());
            out.writeInt((int) ttl.getSeconds());
            // The nonce makes every challenge distinct, so two profiles never carry the same string.
            out.write(nonce);
            out.writeUTF(host);
            out.writeUTF(link.path());
            out.writeUTF(link.pageToken());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return seal.seal(CONTEXT, bytes.toByteArray());
    }

    /**
     * Checks a challenge the device signed back.
     *
     * @param text the device's {@code CHALLENGE} value
     * @param host the host the answer was posted to
     * @return the challenge's terms
     * @throws InvalidTokenException if it is not genuine ({@code MALFORMED}, {@code UNKNOWN_KEY},
     *     {@code BAD_SIGNATURE}), {@code EXPIRED}, or {@code WRONG_SCOPE} for another site
     */
    public Challenge verify(String text, String host) throws InvalidTokenException {
        byte[] content = seal.open(CONTEXT, text);
        Challenge challenge;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
            Instant issuedAt = Instant.ofEpochSecond(in.readLong());
            Instant expiresAt = issuedAt.plusSeconds(in.readInt());
            in.skipNBytes(8);
            String issuedHost = in.readUTF();
            EnrolmentLink link = new EnrolmentLink(in.readUTF(), in.readUTF());
            if (in.available() != 0) {
                throw new IOException("trailing bytes");
            }
            challenge = new Challenge(issuedHost, link, issuedAt, expiresAt);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidTokenException(Reason.MALFORMED, "challenge content has the wrong layout");
        }
        Instant now = clock.instant();
        if (!now.isBefore(challenge.expiresAt())) {
            throw new InvalidTokenException(Reason.EXPIRED, "challenge expired at " + challenge.expiresAt()
                    + " (now " + now + ")");
        }
        if (challenge.issuedAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new InvalidTokenException(Reason.NOT_YET_VALID, "challenge issued at " + challenge.issuedAt()
                    + ", ahead of the clock (" + now + ")");
        }
        if (!challenge.host().equalsIgnoreCase(host)) {
            throw new InvalidTokenException(Reason.WRONG_SCOPE, "challenge was issued for another site");
        }
        return challenge;
    }
}
