package dev.slipway.install.page;

import dev.slipway.ipa.Installability;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the install page of one build shows, ready to display. The handler fills it from the
 * build record, the signed links and the request; the page decides nothing the handler must know.
 *
 * @param appName the app's display name
 * @param bundleId the bundle identifier, e.g. {@code com.example.app}
 * @param version the marketing version ({@code CFBundleShortVersionString}), e.g. {@code 2.4.1}
 * @param build the build number ({@code CFBundleVersion}), e.g. {@code 512}
 * @param iconUrl the icon's URL, or null to show a lettered placeholder
 * @param sizeBytes the IPA's size
 * @param uploadedAt when the IPA arrived
 * @param channel the channel it was uploaded to, e.g. {@code beta}
 * @param releaseNotes plain-text notes (line breaks and URLs allowed, never HTML), or null
 * @param minimumOsVersion {@code MinimumOSVersion}, e.g. {@code 16.0}, or null if the app names none
 * @param deviceFamilies device family labels, e.g. {@code iPhone}, {@code iPad}
 * @param profileType {@code development}, {@code ad-hoc}, {@code enterprise}, {@code app-store}, or null if unsigned
 * @param profileExpiresAt when the provisioning profile expires, or null
 * @param teamName the signing team's name, or null
 * @param installLink the raw {@code itms-services://} link from {@code InstallLink.forManifest}; the
 *                    template HTML-escapes it, so it must not be escaped here
 * @param pageUrl this page's own https URL, for the QR code and "open in Safari"
 * @param findings what {@code Installability.assess} found
 * @param visitor who is looking
 */
public record BuildPage(String appName, String bundleId, String version, String build, String iconUrl, long sizeBytes,
                        Instant uploadedAt, String channel, String releaseNotes, String minimumOsVersion,
                        List<String> deviceFamilies, String profileType, Instant profileExpiresAt, String teamName,
                        String installLink, String pageUrl, List<Installability.Finding> findings, Visitor visitor) {

    /**
     * @throws NullPointerException if a field the page cannot do without is null
     * @throws IllegalArgumentException if the size is negative
     */
    public BuildPage {
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(bundleId, "bundleId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(installLink, "installLink");
        Objects.requireNonNull(pageUrl, "pageUrl");
        Objects.requireNonNull(visitor, "visitor");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("negative size: " + sizeBytes);
        }
        deviceFamilies = deviceFamilies == null ? List.of() : List.copyOf(deviceFamilies);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** The profile type as people say it: "Ad hoc", "Development", "Enterprise", "App Store"; null if unknown. */
    public String profileLabel() {
        if (profileType == null) {
            return null;
        }
        return switch (profileType) {
            case "development" -> "Development";
            case "ad-hoc" -> "Ad hoc";
            case "enterprise" -> "Enterprise";
            case "app-store" -> "App Store";
            default -> profileType;
        };
    }

    /** The device families in running text: "iPhone and iPad"; null when none are known. */
    public String deviceFamiliesLabel() {
        if (deviceFamilies.isEmpty()) {
            return null;
        }
        if (deviceFamilies.size() == 1) {
            return deviceFamilies.get(0);
        }
        return String.join(", ", deviceFamilies.subList(0, deviceFamilies.size() - 1)) + " and "
                + deviceFamilies.get(deviceFamilies.size() - 1);
    }
}
