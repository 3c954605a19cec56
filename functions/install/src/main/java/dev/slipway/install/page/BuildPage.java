package dev.slipway.install.page;

import dev.slipway.ipa.Installability;
import dev.slipway.ipa.profile.DistributionType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the install page of one build shows, ready to display. The route fills it from the
 * build record, the signed links and the request, through {@link #builder()}; the page decides
 * nothing the route must know.
 */
public final class BuildPage {
    /**
     * The newest installable build of the same app and channel, offered when this one cannot install.
     *
     * @param version its version and build, e.g. {@code 2.5.0 (520)}
     * @param uploadedAt when it arrived
     * @param pageUrl its install page
     */
    public record NewerBuild(String version, Instant uploadedAt, String pageUrl) {
        /** @throws NullPointerException if a field is null */
        public NewerBuild {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(uploadedAt, "uploadedAt");
            Objects.requireNonNull(pageUrl, "pageUrl");
        }
    }

    private final String appName;
    private final String bundleId;
    private final String version;
    private final String build;
    private final String iconUrl;
    private final long sizeBytes;
    private final Instant uploadedAt;
    private final String channel;
    private final String releaseNotes;
    private final String minimumOsVersion;
    private final List<String> deviceFamilies;
    private final DistributionType profileType;
    private final Instant profileExpiresAt;
    private final String teamName;
    private final String installLink;
    private final String pageUrl;
    private final List<Installability.Finding> findings;
    private final Visitor visitor;
    private final NewerBuild newerBuild;

    private BuildPage(Builder b) {
        appName = Objects.requireNonNull(b.appName, "appName");
        bundleId = Objects.requireNonNull(b.bundleId, "bundleId");
        version = Objects.requireNonNull(b.version, "version");
        build = Objects.requireNonNull(b.build, "build");
        uploadedAt = Objects.requireNonNull(b.uploadedAt, "uploadedAt");
        channel = Objects.requireNonNull(b.channel, "channel");
        installLink = Objects.requireNonNull(b.installLink, "installLink");
        pageUrl = Objects.requireNonNull(b.pageUrl, "pageUrl");
        visitor = Objects.requireNonNull(b.visitor, "visitor");
        if (b.sizeBytes < 0) {
            throw new IllegalArgumentException("negative size: " + b.sizeBytes);
        }
        sizeBytes = b.sizeBytes;
        iconUrl = b.iconUrl;
        releaseNotes = b.releaseNotes;
        minimumOsVersion = b.minimumOsVersion;
        deviceFamilies = List.copyOf(b.deviceFamilies);
        profileType = b.profileType;
        profileExpiresAt = b.profileExpiresAt;
        teamName = b.teamName;
        findings = List.copyOf(b.findings);
        newerBuild = b.newerBuild;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The app's display name. */
    public String appName() {
        return appName;
    }

    /** The bundle identifier, e.g. {@code com.example.app}. */
    public String bundleId() {
        return bundleId;
    }

    /** The marketing version ({@code CFBundleShortVersionString}), e.g. {@code 2.4.1}. */
    public String version() {
        return version;
    }

    /** The build number ({@code CFBundleVersion}), e.g. {@code 512}. */
    public String build() {
        return build;
    }

    /** The icon's URL, or null to show a lettered placeholder. */
    public String iconUrl() {
        return iconUrl;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public String channel() {
        return channel;
    }

    /** The notes as written (a small Markdown subset, never HTML), or null. */
    public String releaseNotes() {
        return releaseNotes;
    }

    /** {@code MinimumOSVersion}, e.g. {@code 16.0}, or null if the app names none. */
    public String minimumOsVersion() {
        return minimumOsVersion;
    }

    /** Device family labels, e.g. {@code iPhone}, {@code iPad}. */
    public List<String> deviceFamilies() {
        return deviceFamilies;
    }

    /** The profile's type, or null if unsigned. */
    public DistributionType profileType() {
        return profileType;
    }

    public Instant profileExpiresAt() {
        return profileExpiresAt;
    }

    public String teamName() {
        return teamName;
    }

    /** The raw {@code itms-services://} link; the template HTML-escapes it, so it is never escaped here. */
    public String installLink() {
        return installLink;
    }

    /** This page's own https URL, for the QR code, "Open in Safari" and Copy link. */
    public String pageUrl() {
        return pageUrl;
    }

    /** This page in Safari, from another iOS browser: {@code x-safari-https://…} (iOS 17 and later). */
    public String safariUrl() {
        return pageUrl.startsWith("https://") || pageUrl.startsWith("http://") ? "x-safari-" + pageUrl : null;
    }

    /** What {@code Installability.assess} found. */
    public List<Installability.Finding> findings() {
        return findings;
    }

    public Visitor visitor() {
        return visitor;
    }

    /** The newest installable build of the same app and channel, or null. */
    public NewerBuild newerBuild() {
        return newerBuild;
    }

    /** What a verdict needs of this build. */
    public Verdict.Build verdictInput() {
        return new Verdict.Build(findings, deviceFamilies, minimumOsVersion);
    }

    /** The profile type as people say it: "Ad hoc", "Development", "Enterprise", "App Store"; null if unknown. */
    public String profileLabel() {
        if (profileType == null) {
            return null;
        }
        return switch (profileType) {
            case DEVELOPMENT -> "Development";
            case AD_HOC -> "Ad hoc";
            case ENTERPRISE -> "Enterprise";
            case APP_STORE -> "App Store";
        };
    }

    /** The device families in running text: "iPhone and iPad"; null when none are known. */
    public String deviceFamiliesLabel() {
        return deviceFamilies.isEmpty() ? null : Verdict.familiesLabel(deviceFamilies);
    }

    /** Fills a {@link BuildPage}; {@link #build()} checks what the page cannot do without. */
    public static final class Builder {
        private String appName;
        private String bundleId;
        private String version;
        private String build;
        private String iconUrl;
        private long sizeBytes;
        private Instant uploadedAt;
        private String channel;
        private String releaseNotes;
        private String minimumOsVersion;
        private List<String> deviceFamilies = List.of();
        private DistributionType profileType;
        private Instant profileExpiresAt;
        private String teamName;
        private String installLink;
        private String pageUrl;
        private List<Installability.Finding> findings = List.of();
        private Visitor visitor;
        private NewerBuild newerBuild;

        private Builder() {
        }

        /** Name, bundle id and icon URL (null for a lettered placeholder). */
        public Builder app(String appName, String bundleId, String iconUrl) {
            this.appName = appName;
            this.bundleId = bundleId;
            this.iconUrl = iconUrl;
            return this;
        }

        /** Marketing version and build number. */
        public Builder version(String version, String build) {
            this.version = version;
            this.build = build;
            return this;
        }

        /** The IPA's size, when it arrived and on which channel. */
        public Builder upload(long sizeBytes, Instant uploadedAt, String channel) {
            this.sizeBytes = sizeBytes;
            this.uploadedAt = uploadedAt;
            this.channel = channel;
            return this;
        }

        public Builder releaseNotes(String releaseNotes) {
            this.releaseNotes = releaseNotes;
            return this;
        }

        /** {@code MinimumOSVersion} (or null) and the device family labels. */
        public Builder requirements(String minimumOsVersion, List<String> deviceFamilies) {
            this.minimumOsVersion = minimumOsVersion;
            this.deviceFamilies = deviceFamilies == null ? List.of() : deviceFamilies;
            return this;
        }

        /** The profile's type, expiry and team (each null when unknown) and what the assessment found. */
        public Builder signing(DistributionType profileType, Instant profileExpiresAt, String teamName,
                               List<Installability.Finding> findings) {
            this.profileType = profileType;
            this.profileExpiresAt = profileExpiresAt;
            this.teamName = teamName;
            this.findings = findings == null ? List.of() : findings;
            return this;
        }

        /** The raw itms-services link and this page's own URL. */
        public Builder links(String installLink, String pageUrl) {
            this.installLink = installLink;
            this.pageUrl = pageUrl;
            return this;
        }

        public Builder visitor(Visitor visitor) {
            this.visitor = visitor;
            return this;
        }

        public Builder newerBuild(NewerBuild newerBuild) {
            this.newerBuild = newerBuild;
            return this;
        }

        /**
         * @throws NullPointerException if a field the page cannot do without is missing
         * @throws IllegalArgumentException if the size is negative
         */
        public BuildPage build() {
            return new BuildPage(this);
        }
    }
}
