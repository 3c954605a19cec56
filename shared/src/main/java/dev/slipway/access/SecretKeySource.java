package dev.slipway.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The link-signing keys read from a secret (Secrets Manager in AWS) and kept for a short time: a
 * rotated secret reaches every running function within {@link #TTL} without a redeploy. A failed
 * reread keeps the keys already held and tries again after {@link #RETRY}, so a throttled or
 * unreachable Secrets Manager never turns valid links away. {@link #expire()} forces a reread, for a
 * SnapStart restore whose snapshot may hold keys from long ago.
 */
public final class SecretKeySource implements KeySource {
    /** How long keys are used before the secret is read again. */
    public static final Duration TTL = Duration.ofMinutes(5);
    /** How soon a failed reread is tried again while the old keys are still served. */
    public static final Duration RETRY = Duration.ofSeconds(30);

    private final Supplier<String> secret;
    private final Clock clock;
    private KeyRing keys;
    private Instant expires = Instant.MIN;

    /**
     * @param secret reads the secret's current string (a call to Secrets Manager); may throw
     * @param clock when the keys were read, against {@link #TTL}
     */
    public SecretKeySource(Supplier<String> secret, Clock clock) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws IllegalStateException if the secret has never been read successfully, or holds no
     *     usable key ring (the message describes its shape, never its content)
     */
    @Override
    public synchronized KeyRing keys() {
        Instant now = clock.instant();
        if (keys != null && now.isBefore(expires)) {
            return keys;
        }
        try {
            keys = KeyRing.parse(secret.get());
            expires = now.plus(TTL);
        } catch (RuntimeException e) {
            if (keys == null) {
                throw new IllegalStateException("cannot read the link-signing secret: " + e.getMessage(), e);
            }
            expires = now.plus(RETRY);
        }
        return keys;
    }

    /** Makes the next {@link #keys()} read the secret again. */
    public synchronized void expire() {
        expires = Instant.MIN;
    }
}
