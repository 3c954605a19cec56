package dev.slipway.ipa;

import java.util.Optional;

/** A value of {@code UIDeviceFamily}: 1 iPhone, 2 iPad, 3 Apple TV, 4 Apple Watch, 6 Mac, 7 Apple Vision. */
public enum DeviceFamily {
    IPHONE(1, "iphone", "iPhone"),
    IPAD(2, "ipad", "iPad"),
    TV(3, "tv", "Apple TV"),
    WATCH(4, "watch", "Apple Watch"),
    MAC(6, "mac", "Mac"),
    VISION(7, "vision", "Apple Vision");

    private final int code;
    private final String id;
    private final String label;

    DeviceFamily(int code, String id, String label) {
        this.code = code;
        this.id = id;
        this.label = label;
    }

    /** The stable id used in JSON, e.g. "iphone". */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<DeviceFamily> fromCode(int code) {
        for (DeviceFamily family : values()) {
            if (family.code == code) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }
}
