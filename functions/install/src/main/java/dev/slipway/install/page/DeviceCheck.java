package dev.slipway.install.page;

import dev.slipway.wire.WireNames;
import java.util.Objects;

/**
 * What a build page says about the visitor's own device ("Check this device"): nothing, an offer
 * to check it, or a verdict against the build's provisioning profile. Rendered by
 * {@code device.jte}, apart from the rest of the page.
 *
 * @param status which of those
 * @param checkUrl the "Check this device" link (the enrol function's profile for this page), or null
 * @param touchOnly offer the check only where the touch script finds a touch screen (an iPad in
 *     desktop mode sends a Mac's user agent)
 * @param udid the device's UDID, shown only when it is not registered (to send to the developer)
 * @param model the device's model name, e.g. "iPhone 15 Pro", or null when unknown
 * @param message the prepared text for the developer (not registered), or null
 */
public record DeviceCheck(Status status, String checkUrl, boolean touchOnly, String udid, String model, String message) {

    /** What the page shows. */
    public enum Status {
        /** No device check here (not iOS, or a build every device or no device installs). */
        NONE,
        /** The device is not known yet: "Check this device". */
        UNKNOWN,
        /** In the build's profile: Install as usual. */
        REGISTERED,
        /** Not in the profile: Install withheld, the UDID to send. */
        NOT_REGISTERED,
        /** Enterprise (all devices): no check needed. */
        ANY_DEVICE;

        /** The value of the section's {@code data-verdict} attribute, e.g. {@code not-registered}. */
        public String id() {
            return WireNames.of(this);
        }
    }

    /** @throws NullPointerException if the status is null */
    public DeviceCheck {
        Objects.requireNonNull(status, "status");
    }

    /** No device check on this page. */
    public static DeviceCheck none() {
        return new DeviceCheck(Status.NONE, null, false, null, null, null);
    }

    /** "Check this device", linking to the enrol function's profile for this page. */
    public static DeviceCheck offer(String checkUrl, boolean touchOnly) {
        return new DeviceCheck(Status.UNKNOWN, Objects.requireNonNull(checkUrl, "checkUrl"), touchOnly, null, null, null);
    }

    /** A verdict for a known device. */
    public static DeviceCheck verdict(Status status, String udid, String model, String appName, String version) {
        String message = status == Status.NOT_REGISTERED ? "Hello, please register my device for " + appName + " "
                + version + " and send me a new build.\n\nUDID: " + udid + "\nModel: " + model + "\n" : null;
        return new DeviceCheck(status, null, false, status == Status.NOT_REGISTERED ? udid : null, model, message);
    }

    /** Whether the Install button is withheld: iOS would refuse the build on this device. */
    public boolean withholdsInstall() {
        return status == Status.NOT_REGISTERED;
    }
}
