/**
 * Devices that proved who they are: iOS's Profile Service enrolment (Apple's "Over-the-Air
 * Profile Delivery and Configuration", phase 1). A page's "Check this device" link serves a
 * profile whose signed {@link dev.slipway.device.Challenge} is bound to the page link and the site;
 * the device answers with its attributes signed by its Apple-issued identity (verified by the enrol
 * function, which alone carries BouncyCastle); the accepted {@link dev.slipway.device.Device} is
 * stored under {@code devices/} and the page learns it through a {@link dev.slipway.device.DeviceTokens
 * device token}. Everything here is HMAC and JSON only, so the install function can read it.
 */
package dev.slipway.device;
