package dev.slipway.install.page;

import dev.slipway.ipa.Installability.Finding;
import dev.slipway.ipa.Installability.Severity;
import dev.slipway.ipa.profile.DistributionType;
import dev.slipway.manifest.InstallLink;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Test fixture: build pages as the handler will fill them, with one field changed at a time. */
public final class BuildPages {
    /** Real user agents. */
    public static final String IPHONE_SAFARI_17 = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1";
    public static final String IPHONE_SAFARI_15 = "Mozilla/5.0 (iPhone; CPU iPhone OS 15_6 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6 Mobile/15E148 Safari/604.1";
    public static final String IPAD_SAFARI_16 = "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1";
    public static final String IPHONE_CHROME = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/123.0.6312.52 Mobile/15E148 Safari/604.1";
    public static final String IPHONE_INSTAGRAM = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 324.0.4.26.52 "
            + "(iPhone14,5; iOS 17_4; en_US; en; scale=3.00; 1170x2532; 577210397)";
    public static final String IPHONE_WEBVIEW = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
    public static final String MAC_SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.4 Safari/605.1.15";
    public static final String WINDOWS_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36";
    public static final String ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/123.0.0.0 Mobile Safari/537.36";

    /** A manifest URL with a query of its own, so the link shows all three encoding layers. */
    public static final URI MANIFEST_URL = URI.create("https://install.example.com/m/01JD5S7Q.plist?t=v1.k2.Xq3L&build=512");
    /** The raw link: {@code &} unescaped, the manifest URL percent-encoded as a whole. */
    public static final String INSTALL_LINK = InstallLink.forManifest(MANIFEST_URL);
    public static final String PAGE_URL = "https://install.example.com/b/01JD5S7Q?t=v1.k2.1767225600.Xq3LJ9s0dPz-4kQm8c1VfT2yH7nB5aR0wE6";
    /** When the tests pretend it is. */
    public static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");

    public static final Finding DEVICES = new Finding(Severity.NOTE, "devices",
            "installs only on the 3 devices registered in the profile; on iOS 16 or later, Developer Mode must be on");

    private String appName = "Harbour";
    private String iconUrl;
    private String releaseNotes = "Faster sync.\nFixed the crash when opening settings: https://example.com/issues/42";
    private String minimumOsVersion = "16.0";
    private List<String> deviceFamilies = List.of("iPhone", "iPad");
    private DistributionType profileType = DistributionType.AD_HOC;
    private Instant profileExpiresAt = Instant.parse("2027-03-01T00:00:00Z");
    private String teamName = "Example Ltd";
    private List<Finding> findings = List.of(DEVICES);
    private String userAgent = IPHONE_SAFARI_17;
    private String pageUrl = PAGE_URL;
    private BuildPage.NewerBuild newerBuild;

    private BuildPages() {
    }

    /** An ad hoc build of "Harbour" 2.4.1 (512) for iPhone and iPad, seen from Safari on iOS 17.4.1. */
    public static BuildPages aBuild() {
        return new BuildPages();
    }

    public BuildPages appName(String appName) {
        this.appName = appName;
        return this;
    }

    public BuildPages iconUrl(String iconUrl) {
        this.iconUrl = iconUrl;
        return this;
    }

    public BuildPages releaseNotes(String releaseNotes) {
        this.releaseNotes = releaseNotes;
        return this;
    }

    public BuildPages minimumOsVersion(String minimumOsVersion) {
        this.minimumOsVersion = minimumOsVersion;
        return this;
    }

    public BuildPages deviceFamilies(String... deviceFamilies) {
        this.deviceFamilies = List.of(deviceFamilies);
        return this;
    }

    /** The profile type and the findings the shared assessment gives for it. */
    public BuildPages profileType(DistributionType profileType, Finding... findings) {
        this.profileType = profileType;
        this.findings = List.of(findings);
        return this;
    }

    public BuildPages profileExpiresAt(Instant profileExpiresAt) {
        this.profileExpiresAt = profileExpiresAt;
        return this;
    }

    public BuildPages teamName(String teamName) {
        this.teamName = teamName;
        return this;
    }

    public BuildPages findings(Finding... findings) {
        this.findings = List.of(findings);
        return this;
    }

    public BuildPages pageUrl(String pageUrl) {
        this.pageUrl = pageUrl;
        return this;
    }

    public BuildPages seenFrom(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    public BuildPages newerBuild(BuildPage.NewerBuild newerBuild) {
        this.newerBuild = newerBuild;
        return this;
    }

    public BuildPage create() {
        return BuildPage.builder().app(appName, "com.example.harbour", iconUrl).version("2.4.1", "512")
                .upload(48_200_000L, Instant.parse("2026-11-20T14:05:00Z"), "beta").releaseNotes(releaseNotes)
                .requirements(minimumOsVersion, deviceFamilies)
                .signing(profileType, profileExpiresAt, teamName, findings)
                .links(INSTALL_LINK, pageUrl).visitor(Visitor.fromUserAgent(userAgent)).newerBuild(newerBuild).build();
    }
}
