package dev.slipway.access;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Revocations held in memory, for tests and the local stack; safe to share between threads. */
public final class InMemoryRevocations implements Revocations {
    private final Map<Scope, Instant> revoked = new ConcurrentHashMap<>();

    /**
     * Revokes every token for the scope issued at or before {@code at}. A later revocation of the
     * same scope moves the instant forward; an earlier one changes nothing, so revoking never
     * revives a link.
     *
     * @param scope the build, app and channel, or whole app ({@code AppScope(app, null)})
     * @param at the instant
     */
    public void revoke(Scope scope, Instant at) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(at, "at");
        revoked.merge(scope, at, (kept, offered) -> offered.isAfter(kept) ? offered : kept);
    }

    @Override
    public Optional<Instant> revokedBefore(Scope scope) {
        return Optional.ofNullable(revoked.get(scope));
    }
}
