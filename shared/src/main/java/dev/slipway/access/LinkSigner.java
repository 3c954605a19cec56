package dev.slipway.access;

import dev.slipway.access.InvalidTokenException.Reason;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Signs and verifies link tokens, statelessly: a token carries its scope, purpose, issue time,
 * lifetime and key id, and an HMAC-SHA256 over exactly those bytes. See {@code package-info.java}
 * for the layout.
 *
 * <p>{@link #verify} answers whether a token is genuine, current and for the expected purpose; it
 * knows nothing of builds or revocations. Whether it reaches a particular build is
 * {@link AccessPolicy}'s question.
 */
public final class LinkSigner {
    /** How far ahead of this clock a token's issue time may be: other signers' clocks drift. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final long MAX_EPOCH_SECOND = 0xFFFF_FFFFL;

    /**
     * Each thread's Mac, kept between tokens: looking one up and keying it is most of a token's
     * cost, and an app page signs a token a row. A Mac is not thread-safe, so one per thread keeps
     * the signer safe to share; it is keyed again when the key changes (a rotation).
     */
    private static final ThreadLocal<KeyedMac> MACS = ThreadLocal.withInitial(KeyedMac::new);

    private final KeySource keys;
    private final Clock clock;

    /**
     * @param keys the current key signs, every key verifies; consulted at every sign and verify, so
     *     a source that rereads its secret rotates keys without a restart
     * @param clock the time tokens are issued at and checked against
     */
    public LinkSigner(KeySource keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Signs a token with its purpose's {@linkplain Purpose#defaultTtl() default lifetime}.
     *
     * @param scope what the token grants
     * @param purpose what it may be used for
     * @return the token, URL-safe as is
     * @throws IllegalArgumentException if a scope field is too long or not valid Unicode
     */
    public String sign(Scope scope, Purpose purpose) {
        return sign(scope, purpose, purpose.defaultTtl());
    }

    /**
     * Signs a token with the current key, issued now (to the second).
     *
     * @param scope what the token grants
     * @param purpose what it may be used for
     * @param ttl how long it lives, in whole seconds (a fraction is dropped): at least one second,
     *     at most the purpose's {@linkplain Purpose#maxTtl() maximum}
     * @return the token: base64url without padding, so only {@code A-Z a-z 0-9 - _}
     * @throws IllegalArgumentException if the lifetime is out of bounds, or a scope field is too long
     *     or not valid Unicode
     * @throws IllegalStateException if the clock is before 1970 or after 2106 (the token's range)
     */
    public String sign(Scope scope, Purpose purpose, Duration ttl) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.getSeconds() < 1) {
            throw new IllegalArgumentException("token lifetime must be at least one second: " + ttl);
        }
        if (ttl.compareTo(purpose.maxTtl()) > 0) {
            throw new IllegalArgumentException(
                    "token lifetime " + ttl + " exceeds the " + purpose + " maximum of " + purpose.maxTtl());
        }
        Instant now = clock.instant();
        long issuedAt = now.getEpochSecond();
        if (issuedAt < 0 || issuedAt > MAX_EPOCH_SECOND - ttl.getSeconds()) {
            throw new IllegalStateException("clock reads " + now + ", outside the years a token can carry");
        }
        KeyRing ring = keys.keys();
        byte[] payload = TokenFormat.payload(ring.currentKeyId(), purpose, issuedAt, ttl.getSeconds(), scope);
        String token = TokenFormat.text(payload, tag(ring.currentKey(), payload, payload.length));
        if (token.length() > TokenFormat.MAX_CHARS) {
            throw new IllegalArgumentException("scope is too long for a token: " + token.length()
                    + " characters, at most " + TokenFormat.MAX_CHARS);
        }
        return token;
    }

    /**
     * Verifies a token: shape and length before decoding, version, key id, signature (in constant
     * time), purpose, lifetime within the purpose's maximum, issue time not ahead of the clock by
     * more than {@link #MAX_CLOCK_SKEW}, and expiry.
     *
     * @param token the token from the URL; may be null or anything at all
     * @param expected the purpose the caller is serving
     * @return the token's content
     * @throws InvalidTokenException if any check fails; callers answer every reason alike
     */
    public LinkToken verify(String token, Purpose expected) throws InvalidTokenException {
        Objects.requireNonNull(expected, "expected");
        byte[] raw = TokenFormat.decode(token);
        int headerEnd = TokenFormat.headerEnd(raw);
        String keyId = TokenFormat.keyId(raw, headerEnd);
        SecretKey key = keys.keys().key(keyId);
        if (key == null) {
            throw new InvalidTokenException(Reason.UNKNOWN_KEY, "token signed with unknown key id " + LogText.quote(keyId));
        }
        int payloadLength = raw.length - TokenFormat.TAG_BYTES;
        byte[] expectedTag = tag(key, raw, payloadLength);
        byte[] actualTag = Arrays.copyOfRange(raw, payloadLength, raw.length);
        // Constant time: an early-exit comparison would tell a prober, byte by byte, how much of a
        // forged tag is right.
        if (!MessageDigest.isEqual(expectedTag, actualTag)) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE,
                    "token signature does not match (key " + LogText.quote(keyId) + ")");
        }
        TokenFormat.Body body = TokenFormat.body(raw, headerEnd, payloadLength);
        Instant issuedAt = Instant.ofEpochSecond(body.issuedAt());
        Instant expiresAt = issuedAt.plusSeconds(body.ttlSeconds());
        LinkToken verified = new LinkToken(body.scope(), body.purpose(), keyId, issuedAt, expiresAt);
        check(verified, expected, body.ttlSeconds());
        return verified;
    }

    private void check(LinkToken token, Purpose expected, long ttlSeconds) throws InvalidTokenException {
        String what = token.purpose() + " token for " + token.scope();
        if (token.purpose() != expected) {
            throw new InvalidTokenException(Reason.WRONG_PURPOSE, what + " used as " + expected);
        }
        long maxSeconds = token.purpose().maxTtl().getSeconds();
        if (ttlSeconds > maxSeconds) {
            throw new InvalidTokenException(Reason.TTL_TOO_LONG,
                    what + " lives " + ttlSeconds + " s, more than the " + maxSeconds + " s allowed");
        }
        Instant now = clock.instant();
        if (token.issuedAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new InvalidTokenException(Reason.NOT_YET_VALID, what + " issued at " + token.issuedAt()
                    + ", ahead of the clock (" + now + ") by more than " + MAX_CLOCK_SKEW);
        }
        if (!now.isBefore(token.expiresAt())) {
            throw new InvalidTokenException(Reason.EXPIRED,
                    what + " expired at " + token.expiresAt() + " (now " + now + ")");
        }
    }

    /** HMAC-SHA256 of {@code data[0, length)}, truncated to {@link TokenFormat#TAG_BYTES}. */
    private static byte[] tag(SecretKey key, byte[] data, int length) {
        Mac mac = MACS.get().keyedWith(key);
        mac.update(data, 0, length);
        return Arrays.copyOf(mac.doFinal(), TokenFormat.TAG_BYTES);
    }

    private static final class KeyedMac {
        private Mac mac;
        private SecretKey key;

        /** The thread's Mac, reset (a finished or failed tag leaves nothing behind) and keyed with {@code key}. */
        Mac keyedWith(SecretKey key) {
            try {
                if (mac == null) {
                    mac = Mac.getInstance("HmacSHA256");
                }
                if (this.key != key) {
                    this.key = null;
                    mac.init(key);
                    this.key = key;
                } else {
                    mac.reset();
                }
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
            }
        }
    }
}
