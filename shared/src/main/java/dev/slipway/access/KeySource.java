package dev.slipway.access;

/**
 * Where {@link LinkSigner} gets the link-signing keys each time it signs or verifies: a fixed
 * {@link KeyRing}, or {@link SecretKeySource}, which rereads a secret so a rotation takes effect
 * without a redeploy.
 */
@FunctionalInterface
public interface KeySource {
    /**
     * The keys to use now.
     *
     * @throws IllegalStateException if no keys could ever be read (the source names why, never a key)
     */
    KeyRing keys();
}
