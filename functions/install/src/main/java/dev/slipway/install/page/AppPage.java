package dev.slipway.install.page;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The page of one app: the newest build on each channel (when there are several), then its builds,
 * newest first, each with its badge and, where this visitor can install it, its own Install
 * button.
 *
 * @param app the app's name, bundle id and icon (of its newest build)
 * @param latestPerChannel the newest build on each channel
 * @param history the newest builds, newest first
 * @param olderBuildsUrl the page listing older builds as well, or null when the history shows them all
 * @param touchCheck whether the Install buttons wait for the touch check (a Mac user agent: Mac or iPad)
 */
public record AppPage(App app, List<BuildRow> latestPerChannel, List<BuildRow> history, String olderBuildsUrl,
                      boolean touchCheck) {

    /** @throws NullPointerException if the app is null */
    public AppPage {
        Objects.requireNonNull(app, "app");
        latestPerChannel = latestPerChannel == null ? List.of() : List.copyOf(latestPerChannel);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** True if the page lists builds of more than one channel, so "Latest" says something "All" does not. */
    public boolean severalChannels() {
        return latestPerChannel.size() > 1;
    }

    /**
     * The app as its newest build shows it.
     *
     * @param name the display name
     * @param bundleId the bundle identifier
     * @param iconUrl the icon's URL, or null for a lettered placeholder
     */
    public record App(String name, String bundleId, String iconUrl) {
        /** @throws NullPointerException if the name or bundle id is null */
        public App {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(bundleId, "bundleId");
        }
    }

    /**
     * One build in a list.
     *
     * @param build what it is
     * @param badge whether this visitor can install it, in one word
     * @param pageUrl the build's install page
     * @param installLink its own {@code itms-services://} link (a manifest token minted for this request),
     *                    or null where this visitor cannot install it from here
     */
    public record BuildRow(Build build, Verdict.Badge badge, String pageUrl, String installLink) {
        /** @throws NullPointerException if the build, badge or page URL is null */
        public BuildRow {
            Objects.requireNonNull(build, "build");
            Objects.requireNonNull(badge, "badge");
            Objects.requireNonNull(pageUrl, "pageUrl");
        }

        /** True if the row is shown greyed: this visitor cannot install the build. */
        public boolean unavailable() {
            return badge != Verdict.Badge.INSTALLABLE;
        }
    }

    /**
     * What a row says about a build.
     *
     * @param version the marketing version
     * @param build the build number
     * @param channel the channel it was uploaded to
     * @param uploadedAt when it arrived
     * @param sizeBytes the IPA's size
     */
    public record Build(String version, String build, String channel, Instant uploadedAt, long sizeBytes) {
        /** @throws NullPointerException if a field is null */
        public Build {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(build, "build");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(uploadedAt, "uploadedAt");
        }
    }
}
