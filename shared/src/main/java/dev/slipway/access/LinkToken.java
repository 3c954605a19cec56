package dev.slipway.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified token's content. Only {@link LinkSigner#verify} makes these from untrusted input.
 *
 * @param scope what the token grants access to
 * @param purpose what it may be used for
 * @param keyId the id of the key that signed it
 * @param issuedAt when it was signed, to the second (the revocation check compares against this)
 * @param expiresAt the first instant at which it is no longer accepted
 */
public record LinkToken(Scope scope, Purpose purpose, String keyId, Instant issuedAt, Instant expiresAt) {

    /** @throws NullPointerException if any component is null */
    public LinkToken {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * Whether this token's scope reaches a build; see {@link Scope#covers}.
     *
     * @param buildId the build's id
     * @param bundleId the build's app
     * @param channel the build's channel, or {@code null}
     * @return true if the scope covers that build
     */
    public boolean covers(String buildId, String bundleId, String channel) {
        return scope.covers(buildId, bundleId, channel);
    }
}
