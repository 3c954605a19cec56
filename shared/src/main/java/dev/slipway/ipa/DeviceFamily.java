package dev.slipway.ipa;

import dev.slipway.wire.WireNames;
import java.util.Optional;

/** A value of {@code UIDeviceFamily}: 1 iPhone, 2 iPad, 3 Apple TV, 4 Apple Watch, 6 Mac, 7 Apple Vision. */
public enum DeviceFamily {
    IPHONE(1, "iPhone"),
    IPAD(2, "iPad"),
    TV(3, "Apple TV"),
    WATCH(4, "Apple Watch"),
    MAC(6, "Mac"),
    VISION(7, "Apple Vision");

    private final int code;
    private final String label;

    DeviceFamily(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The stable id used in JSON, e.g. "iphone". */
    public String id() {
        return WireNames.of(this);
    }

    public String label() {
        return label;
    }

    public static Optional<DeviceFamily> fromCode(int code) {
        return WireNames.find(values(), family -> family.code, code);
    }
}
