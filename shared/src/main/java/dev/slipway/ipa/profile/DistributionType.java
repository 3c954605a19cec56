package dev.slipway.ipa.profile;

import dev.slipway.wire.WireNames;
import java.util.Optional;

/**
 * How a provisioning profile lets an app be installed. Only {@link #DEVELOPMENT}, {@link #AD_HOC}
 * and {@link #ENTERPRISE} builds can be installed over the air; an {@link #APP_STORE} build is
 * refused by the device.
 */
public enum DistributionType {
    /** Listed devices, debuggable ({@code get-task-allow}); on macOS, any profile listing devices. */
    DEVELOPMENT,
    /** Listed devices, not debuggable. */
    AD_HOC,
    /** Every device ({@code ProvisionsAllDevices}); on macOS this is a Developer ID profile. */
    ENTERPRISE,
    /** No devices at all: only the App Store (or TestFlight) can install it. */
    APP_STORE;

    /** The lower-case id used in manifests and URLs, e.g. {@code ad-hoc}. */
    public String id() {
        return WireNames.of(this);
    }

    /** The type with that {@link #id()}, if any. */
    public static Optional<DistributionType> fromId(String id) {
        return WireNames.find(values(), DistributionType::id, id);
    }
}
