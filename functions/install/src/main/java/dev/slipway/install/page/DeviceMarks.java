package dev.slipway.install.page;

import java.util.Map;

/**
 * The app page's mark on each build for the visitor's known device, by build page URL; builds
 * without a mark (unknown device, not looked up) show none.
 *
 * @param byPageUrl the verdict per build page URL
 */
public record DeviceMarks(Map<String, DeviceCheck.Status> byPageUrl) {
    public DeviceMarks {
        byPageUrl = Map.copyOf(byPageUrl);
    }

    /** No device known: no marks. */
    public static DeviceMarks none() {
        return new DeviceMarks(Map.of());
    }

    /** The mark for a build's page, or {@link DeviceCheck.Status#NONE}. */
    public DeviceCheck.Status of(String pageUrl) {
        return byPageUrl.getOrDefault(pageUrl, DeviceCheck.Status.NONE);
    }
}
