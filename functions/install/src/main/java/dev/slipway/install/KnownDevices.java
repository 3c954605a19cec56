package dev.slipway.install;

import dev.slipway.access.InvalidTokenException;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.device.Device;
import dev.slipway.device.DeviceStore;
import dev.slipway.device.DeviceStoreException;
import dev.slipway.device.DeviceTokens;
import dev.slipway.device.ProfileDevices;
import dev.slipway.install.page.DeviceCheck;
import dev.slipway.install.page.Visitor;
import java.util.Optional;

/**
 * The visitor's own device, as "Check this device" made it known: a device token (HMAC only, no
 * BouncyCastle here) in the enrol function's redirect, then in a cookie, naming a record under
 * {@code devices/}. The UDID is never in a URL or a log line; the log gets the opaque device id.
 */
final class KnownDevices {
    /** The query parameter of the enrol function's redirect ({@code dev.slipway.enrol.EnrolService.DEVICE_PARAM}). */
    static final String REDIRECT_PARAM = "device";
    private static final long COOKIE_SECONDS = DeviceTokens.TTL.getSeconds();

    private final DeviceTokens tokens;
    private final DeviceStore store;

    KnownDevices(DeviceTokens tokens, DeviceStore store) {
        this.tokens = tokens;
        this.store = store;
    }

    /** Whether the request is the enrol function's redirect, carrying a fresh device token. */
    static boolean isRedirect(RequestContext request) {
        return request.request().param(REDIRECT_PARAM) != null;
    }

    /**
     * The answer to the enrol function's redirect: the same page without the token in its URL, and
     * the token moved into a cookie (if genuine).
     */
    HttpResponse moveToCookie(RequestContext request, String cleanUrl) {
        String token = request.request().param(REDIRECT_PARAM);
        HttpResponse response = HttpResponse.redirect(cleanUrl);
        try {
            request.log("deviceId", tokens.verify(token), "deviceCookie", "set");
            return response.withHeader("Set-Cookie", DeviceTokens.COOKIE + "=" + token + "; Path=/; Max-Age="
                    + COOKIE_SECONDS + "; Secure; HttpOnly; SameSite=Lax");
        } catch (InvalidTokenException e) {
            request.log("deviceCookie", "refused " + e.reason());
            return response;
        }
    }

    /**
     * The device the visitor's cookie names, or empty if none, not genuine, expired, unknown, or
     * its record unreadable (the page then simply offers the check again).
     */
    Optional<Device> of(RequestContext request) {
        String token = cookie(request.request().header("cookie"));
        if (token == null) {
            return Optional.empty();
        }
        String id;
        try {
            id = tokens.verify(token);
        } catch (InvalidTokenException e) {
            request.log("deviceId", "refused " + e.reason());
            return Optional.empty();
        }
        request.log("deviceId", id);
        try {
            return store.find(id);
        } catch (DeviceStoreException e) {
            request.log("deviceRecord", "unreadable");
            return Optional.empty();
        }
    }

    /**
     * What a build page says about the visitor's device.
     *
     * @param checkUrl the build's "Check this device" link
     */
    static DeviceCheck check(Optional<Device> device, BuildRecord build, Visitor visitor, String checkUrl) {
        ProfileDevices profile = ProfileDevices.of(build);
        if (device.isEmpty()) {
            boolean mac = visitor.kind() == Visitor.Kind.MAC;
            // Only Safari hands a profile to Settings; a Mac agent may be an iPad in desktop mode.
            return profile.limitsDevices() && (visitor.kind() == Visitor.Kind.IOS_SAFARI || mac)
                    ? DeviceCheck.offer(checkUrl, mac) : DeviceCheck.none();
        }
        DeviceCheck.Status status = status(profile, device.get());
        return status == DeviceCheck.Status.NONE ? DeviceCheck.none() : DeviceCheck.verdict(status, device.get().udid(),
                device.get().model(), build.name(), Text.orDash(build.version()) + " (" + Text.orDash(build.build()) + ")");
    }

    /** A build's mark for a known device. */
    static DeviceCheck.Status status(ProfileDevices profile, Device device) {
        return switch (profile.verdict(device.udid())) {
            case REGISTERED -> DeviceCheck.Status.REGISTERED;
            case NOT_REGISTERED -> DeviceCheck.Status.NOT_REGISTERED;
            case ANY_DEVICE -> DeviceCheck.Status.ANY_DEVICE;
            case NO_DEVICE -> DeviceCheck.Status.NONE;
        };
    }

    /** The device token from a Cookie header ({@code a=b; slipway_device=…}), or null. */
    static String cookie(String header) {
        if (header == null) {
            return null;
        }
        for (String pair : header.split(";")) {
            String trimmed = pair.strip();
            if (trimmed.startsWith(DeviceTokens.COOKIE + "=")) {
                return trimmed.substring(DeviceTokens.COOKIE.length() + 1);
            }
        }
        return null;
    }
}
