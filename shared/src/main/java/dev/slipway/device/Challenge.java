package dev.slipway.device;

import java.time.Instant;

/**
 * A verified enrolment challenge: which site issued it, for which page, and until when.
 *
 * @param host the site's host (and port) the profile was served on
 * @param link the page the device returns to
 * @param issuedAt when the profile was served
 * @param expiresAt when the device's answer stops being accepted
 */
public record Challenge(String host, EnrolmentLink link, Instant issuedAt, Instant expiresAt) {
}
