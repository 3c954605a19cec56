package dev.slipway.ipa;

import dev.slipway.ipa.profile.ProvisioningProfile;
import java.util.List;

/**
 * What one bundle in an IPA says about itself: the main app, an app extension or a Watch app.
 *
 * @param path the bundle folder inside the archive, e.g. {@code Payload/Demo.app/}
 * @param bundleId {@code CFBundleIdentifier}
 * @param version {@code CFBundleShortVersionString} (null if absent)
 * @param build {@code CFBundleVersion} (null if absent)
 * @param name {@code CFBundleDisplayName}, else {@code CFBundleName}, else {@code CFBundleExecutable}, else the folder name
 * @param executable {@code CFBundleExecutable} (null if absent)
 * @param minimumOsVersion {@code MinimumOSVersion} (null if absent)
 * @param deviceFamilies from {@code UIDeviceFamily}; iPhone when the key is absent, as iOS assumes
 * @param supportedDevices {@code UISupportedDevices} (model identifiers), empty if absent
 * @param requiredCapabilities {@code UIRequiredDeviceCapabilities}: the array, or the keys set to true
 * @param platform from {@code CFBundleSupportedPlatforms}, else {@code DTPlatformName}
 * @param sdk {@code DTSDKName}, e.g. {@code iphoneos17.0}
 * @param xcodeVersion {@code DTXcode} as a version, e.g. {@code 15.0} for "1500"
 * @param xcodeBuild {@code DTXcodeBuild}
 * @param extensionPoint {@code NSExtension.NSExtensionPointIdentifier} for app extensions, else null
 * @param profile the bundle's own {@code embedded.mobileprovision}, or null if it has none
 */
public record AppBundle(String path, String bundleId, String version, String build, String name, String executable,
                        String minimumOsVersion, List<DeviceFamily> deviceFamilies, List<String> supportedDevices,
                        List<String> requiredCapabilities, Platform platform, String sdk, String xcodeVersion,
                        String xcodeBuild, String extensionPoint, ProvisioningProfile profile) {
}
