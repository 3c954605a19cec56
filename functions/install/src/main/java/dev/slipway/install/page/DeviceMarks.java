package dev.slipway.install.page;

import java.util.Map;

/**
 * The app page's mark on each build for the visitor's known device, by build page URL (builds
 * without a mark show none), or, for an unknown device, the offer to check it.
 *
 * @param byPageUrl the verdict per build page URL
 * @param offer "Check this device" for this app page, or {@link DeviceCheck#none()}
 */
public record DeviceMarks(Map<String, DeviceCheck.Status> byPageUrl, DeviceCheck offer) {
    public DeviceMarks {
        byPageUrl = Map.copyOf(byPageUrl);
        java.util.Objects.requireNonNull(offer, "offer");
    }

    /** No device known and nothing offered: no marks. */
    public static DeviceMarks none() {
        return new DeviceMarks(Map.of(), DeviceCheck.none());
    }

    /** The known device's verdict per build page URL. */
    public static DeviceMarks of(Map<String, DeviceCheck.Status> byPageUrl) {
        return new DeviceMarks(byPageUrl, DeviceCheck.none());
    }

    /** No device known yet: offer the check. */
    public static DeviceMarks offering(DeviceCheck offer) {
        return new DeviceMarks(Map.of(), offer);
    }

    /** The mark for a build's page, or {@link DeviceCheck.Status#NONE}. */
    public DeviceCheck.Status of(String pageUrl) {
        return byPageUrl.getOrDefault(pageUrl, DeviceCheck.Status.NONE);
    }
}
