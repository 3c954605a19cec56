package dev.slipway.access;

import java.util.Objects;

/**
 * The builds of an app on one channel, or on every channel.
 *
 * @param bundleId the app's bundle identifier, not empty
 * @param channel the channel, or {@code null} for every channel of the app (never empty: an empty
 *     name would be a second way to say "every channel")
 */
public record AppScope(String bundleId, String channel) implements Scope {

    /**
     * @throws NullPointerException if {@code bundleId} is null
     * @throws IllegalArgumentException if {@code bundleId} or {@code channel} is empty
     */
    public AppScope {
        Objects.requireNonNull(bundleId, "bundleId");
        if (bundleId.isEmpty()) {
            throw new IllegalArgumentException("bundle id is empty");
        }
        if (channel != null && channel.isEmpty()) {
            throw new IllegalArgumentException("channel is empty (use null for every channel)");
        }
    }

    /** Every channel of an app. */
    public static AppScope allChannels(String bundleId) {
        return new AppScope(bundleId, null);
    }

    @Override
    public boolean covers(String buildId, String bundleId, String channel) {
        return this.bundleId.equals(bundleId) && (this.channel == null || this.channel.equals(channel));
    }

    @Override
    public String toString() {
        return "app " + LogText.quote(bundleId)
                + (channel == null ? " (every channel)" : " channel " + LogText.quote(channel));
    }
}
