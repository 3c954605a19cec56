package dev.slipway.funnel;

import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import dev.slipway.access.Scope;
import java.time.Instant;
import java.util.Objects;

/**
 * Which requests a funnel counts: those for a build, or for an app (one channel or all), since a time.
 *
 * @param scope a build, or an app with or without channel
 * @param since the earliest request counted (event sources apply it)
 */
public record FunnelTarget(Scope scope, Instant since) {

    /** Whether an event is about this target. */
    public boolean covers(FunnelEvent event) {
        if (scope instanceof BuildScope build) {
            return build.buildId().equals(event.build());
        }
        AppScope app = (AppScope) scope;
        return app.bundleId().equals(event.app()) && (app.channel() == null || Objects.equals(app.channel(), event.channel()));
    }
}
