package dev.slipway.ipa.profile;

/**
 * How a provisioning profile lets an app be installed. Only {@link #DEVELOPMENT}, {@link #AD_HOC}
 * and {@link #ENTERPRISE} builds can be installed over the air; an {@link #APP_STORE} build is
 * refused by the device.
 */
public enum DistributionType {
    /** Listed devices, debuggable ({@code get-task-allow}); on macOS, any profile listing devices. */
    DEVELOPMENT("development"),
    /** Listed devices, not debuggable. */
    AD_HOC("ad-hoc"),
    /** Every device ({@code ProvisionsAllDevices}); on macOS this is a Developer ID profile. */
    ENTERPRISE("enterprise"),
    /** No devices at all: only the App Store (or TestFlight) can install it. */
    APP_STORE("app-store");

    private final String id;

    DistributionType(String id) {
        this.id = id;
    }

    /** The lower-case id used in manifests and URLs, e.g. {@code ad-hoc}. */
    public String id() {
        return id;
    }
}
