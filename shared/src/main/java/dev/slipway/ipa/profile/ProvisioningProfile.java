package dev.slipway.ipa.profile;

import java.time.Instant;
import java.util.List;

/**
 * A parsed {@code embedded.mobileprovision} (or macOS {@code embedded.provisionprofile}).
 *
 * @param name the profile's display name ({@code Name})
 * @param uuid {@code UUID}
 * @param teamId {@code TeamIdentifier[0]}, else {@code ApplicationIdentifierPrefix[0]}, else {@code null}
 * @param teamName {@code TeamName}, or {@code null}
 * @param appIdName {@code AppIDName}, or {@code null}
 * @param createdAt {@code CreationDate}
 * @param expiresAt {@code ExpirationDate}
 * @param platforms {@code Platform}, e.g. {@code iOS}, {@code xrOS}, {@code OSX}; empty for old profiles
 * @param devices UDIDs of {@code ProvisionedDevices}; empty when the profile lists none
 * @param provisionsAllDevices {@code ProvisionsAllDevices} (enterprise and Developer ID profiles)
 * @param entitlements the entitlements that matter for distribution
 * @param certificates the certificates an app signed under this profile may be signed with
 * @param type how the profile lets the app be installed
 * @param signed whether the file was a CMS signed message; {@code false} for a bare property list
 *     as some tools write. The signature itself is not verified: the device does that.
 */
public record ProvisioningProfile(String name, String uuid, String teamId, String teamName, String appIdName,
        Instant createdAt, Instant expiresAt, List<String> platforms, List<String> devices,
        boolean provisionsAllDevices, Entitlements entitlements, List<DeveloperCertificate> certificates,
        DistributionType type, boolean signed) {

    public ProvisioningProfile {
        platforms = List.copyOf(platforms);
        devices = List.copyOf(devices);
        certificates = List.copyOf(certificates);
    }

    /** Whether the profile has expired at {@code now}; it is valid up to, not including, {@link #expiresAt}. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * Whether a device may install an app carrying this profile: every device for an all-devices
     * profile, otherwise only the listed ones. UDIDs are compared ignoring case because older ones
     * are usually written in lower case and newer ones in upper case.
     */
    public boolean includesDevice(String udid) {
        return provisionsAllDevices || devices.stream().anyMatch(device -> device.equalsIgnoreCase(udid));
    }

    /**
     * Whether the profile is valid for a platform named as in {@code Platform} ({@code iOS},
     * {@code xrOS}, {@code OSX}, …; exact spelling). Profiles from before Apple added the key
     * carry no platform and were all for iOS.
     */
    public boolean supportsPlatform(String platform) {
        return platforms.isEmpty() ? "iOS".equals(platform) : platforms.contains(platform);
    }
}
