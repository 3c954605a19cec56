package dev.slipway.enrol;

import dev.slipway.device.DeviceAttributes;

/**
 * A device answer whose CMS signature and certificate chain were verified: what the device said,
 * and the challenge it signed back (still to be checked against the site and the clock).
 *
 * @param attributes the device's attributes
 * @param challenge the {@code CHALLENGE} value
 */
public record SignedAnswer(DeviceAttributes attributes, String challenge) {
}
