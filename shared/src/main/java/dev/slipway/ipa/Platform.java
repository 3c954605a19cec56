package dev.slipway.ipa;

import dev.slipway.wire.WireNames;
import java.util.Locale;

/** The platform an app bundle is built for, from {@code CFBundleSupportedPlatforms} or {@code DTPlatformName}. */
public enum Platform {
    IOS("iOS", "iphoneos", "iOS"),
    IOS_SIMULATOR("iOS Simulator", "iphonesimulator", null),
    TVOS("tvOS", "appletvos", "tvOS"),
    VISIONOS("visionOS", "xros", "xrOS"),
    WATCHOS("watchOS", "watchos", null),
    MACOS("macOS", "macosx", "OSX"),
    UNKNOWN("unknown", "", null);

    private final String label;
    private final String sdkName;
    private final String profilePlatform;

    Platform(String label, String sdkName, String profilePlatform) {
        this.label = label;
        this.sdkName = sdkName;
        this.profilePlatform = profilePlatform;
    }

    /** The name a provisioning profile's {@code Platform} array uses for it, or null if none is checked. */
    public String profilePlatform() {
        return profilePlatform;
    }

    /** The name people use, e.g. "iOS". */
    public String label() {
        return label;
    }

    /** Only these install on a device over the air. */
    public boolean installableOverTheAir() {
        return this == IOS || this == TVOS || this == VISIONOS;
    }

    /** From its {@link #label()}, as records store it; {@link #UNKNOWN} if none fits. */
    public static Platform fromLabel(String label) {
        return WireNames.find(values(), Platform::label, label).orElse(UNKNOWN);
    }

    /** From an SDK platform name such as {@code iPhoneOS} or {@code xros}; {@link #UNKNOWN} if none fits. */
    public static Platform fromSdkName(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        // UNKNOWN's SDK name is "": an empty name finds UNKNOWN, as no name does.
        return WireNames.find(values(), platform -> platform.sdkName, name.toLowerCase(Locale.ROOT)).orElse(UNKNOWN);
    }
}
