package dev.slipway.ipa;

import java.util.Locale;

/** The platform an app bundle is built for, from {@code CFBundleSupportedPlatforms} or {@code DTPlatformName}. */
public enum Platform {
    IOS("iOS", "iphoneos"),
    IOS_SIMULATOR("iOS Simulator", "iphonesimulator"),
    TVOS("tvOS", "appletvos"),
    VISIONOS("visionOS", "xros"),
    WATCHOS("watchOS", "watchos"),
    MACOS("macOS", "macosx"),
    UNKNOWN("unknown", "");

    private final String label;
    private final String sdkName;

    Platform(String label, String sdkName) {
        this.label = label;
        this.sdkName = sdkName;
    }

    /** The name people use, e.g. "iOS". */
    public String label() {
        return label;
    }

    /** Only these install on a device over the air. */
    public boolean installableOverTheAir() {
        return this == IOS || this == TVOS || this == VISIONOS;
    }

    /** From an SDK platform name such as {@code iPhoneOS} or {@code xros}; {@link #UNKNOWN} if none fits. */
    public static Platform fromSdkName(String name) {
        if (name != null) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (Platform platform : values()) {
                if (!platform.sdkName.isEmpty() && platform.sdkName.equals(lower)) {
                    return platform;
                }
            }
        }
        return UNKNOWN;
    }
}
