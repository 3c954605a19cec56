package dev.slipway.access;

import java.time.Instant;
import java.util.Optional;

/**
 * Where revocations are kept. Revoking a scope at an instant rejects every token issued at or
 * before it that reaches the scope; tokens issued later work again, so re-sharing a revoked build
 * is just handing out a new link. {@link AccessPolicy} decides which scopes a token reaches.
 */
@FunctionalInterface
public interface Revocations {

    /**
     * The latest revocation of exactly this scope ({@code AppScope(app, null)} is the whole app;
     * an app-and-channel scope does not see it, the caller asks for both).
     *
     * @param scope the scope
     * @return the instant tokens issued at or before are revoked, or empty if never revoked
     */
    Optional<Instant> revokedBefore(Scope scope);

    /** Nothing is ever revoked. */
    static Revocations none() {
        return scope -> Optional.empty();
    }
}
