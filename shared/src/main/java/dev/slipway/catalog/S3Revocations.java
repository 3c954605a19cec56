package dev.slipway.catalog;

import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import dev.slipway.access.Revocations;
import dev.slipway.access.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revoked links, kept in the bucket under {@code revocations/}: each object holds the instant
 * before which links for its scope stop working. Reads are cached briefly, so a revocation takes
 * effect within {@link #CACHE_FOR} on a warm function; link tokens themselves live minutes to days.
 */
public final class S3Revocations implements Revocations {
    /** How long a looked-up revocation (or its absence) is trusted. */
    public static final Duration CACHE_FOR = Duration.ofSeconds(30);

    private record Cached(Optional<Instant> value, Instant until) {
    }

    private final S3Catalog catalog;
    private final Clock clock;
    private final Duration cacheFor;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** Caching each answer for {@link #CACHE_FOR}, as the deployed function does. */
    public S3Revocations(S3Catalog catalog, Clock clock) {
        this(catalog, clock, CACHE_FOR);
    }

    /**
     * @param cacheFor how long an answer is trusted; {@link Duration#ZERO} reads the bucket every
     *     time (the local stack, where S3 is a folder and a revocation should show at once)
     */
    public S3Revocations(S3Catalog catalog, Clock clock, Duration cacheFor) {
        this.catalog = catalog;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    @Override
    public Optional<Instant> revokedBefore(Scope scope) {
        String key = key(scope);
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.value();
        }
        Optional<Instant> value = catalog.get(key).flatMap(S3Revocations::parse);
        if (!cacheFor.isZero()) {
            cache.put(key, new Cached(value, now.plus(cacheFor)));
        }
        return value;
    }

    /** Revokes every link for the scope issued up to {@code at}. */
    public void revoke(Scope scope, Instant at) {
        catalog.put(key(scope), at.toString().getBytes(StandardCharsets.UTF_8), "text/plain");
        cache.remove(key(scope));
    }

    static String key(Scope scope) {
        if (scope instanceof BuildScope build) {
            return Layout.revokedBuild(build.buildId());
        }
        AppScope app = (AppScope) scope;
        return app.channel() == null ? Layout.revokedApp(app.bundleId()) : Layout.revokedChannel(app.bundleId(), app.channel());
    }

    private static Optional<Instant> parse(byte[] bytes) {
        try {
            return Optional.of(Instant.parse(new String(bytes, StandardCharsets.UTF_8).trim()));
        } catch (DateTimeParseException e) {
            // An unreadable entry revokes everything up to now rather than nothing.
            return Optional.of(Instant.MAX);
        }
    }
}
