package dev.slipway.install.page;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The page of one app: the newest build on each channel, then every build, newest first.
 *
 * @param appName the app's display name (of its newest build)
 * @param bundleId the bundle identifier
 * @param iconUrl the newest icon's URL, or null for a lettered placeholder
 * @param latestPerChannel the newest build on each channel
 * @param history every build, newest first
 */
public record AppPage(String appName, String bundleId, String iconUrl, List<ChannelLatest> latestPerChannel,
                      List<BuildRow> history) {

    /** @throws NullPointerException if the name or bundle id is null */
    public AppPage {
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(bundleId, "bundleId");
        latestPerChannel = latestPerChannel == null ? List.of() : List.copyOf(latestPerChannel);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * The newest build of one channel.
     *
     * @param channel the channel, e.g. {@code beta}
     * @param version the marketing version
     * @param build the build number
     * @param uploadedAt when it arrived
     * @param pageUrl the build's install page
     */
    public record ChannelLatest(String channel, String version, String build, Instant uploadedAt, String pageUrl) {
        /** @throws NullPointerException if a field is null */
        public ChannelLatest {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(build, "build");
            Objects.requireNonNull(uploadedAt, "uploadedAt");
            Objects.requireNonNull(pageUrl, "pageUrl");
        }
    }

    /**
     * One build in the history.
     *
     * @param version the marketing version
     * @param build the build number
     * @param channel the channel it was uploaded to
     * @param uploadedAt when it arrived
     * @param sizeBytes the IPA's size
     * @param pageUrl the build's install page
     */
    public record BuildRow(String version, String build, String channel, Instant uploadedAt, long sizeBytes,
                           String pageUrl) {
        /** @throws NullPointerException if a field is null */
        public BuildRow {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(build, "build");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(uploadedAt, "uploadedAt");
            Objects.requireNonNull(pageUrl, "pageUrl");
        }
    }
}
