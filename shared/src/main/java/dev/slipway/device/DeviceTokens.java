package dev.slipway.device;

import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.InvalidTokenException.Reason;
import dev.slipway.access.KeySource;
import dev.slipway.access.Seal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The device token a page receives after enrolment (in the redirect, then in a cookie): the
 * device's {@linkplain Device#idOf opaque id} under the link keys' HMAC, never the UDID. The
 * install function checks it with HMAC alone and reads the device record it names.
 */
public final class DeviceTokens {
    /** How long a page remembers a device: a tester keeps the same phone for months. */
    public static final Duration TTL = Duration.ofDays(180);
    /** The cookie carrying the token on pages. */
    public static final String COOKIE = "slipway_device";
    private static final String CONTEXT = "device-token";
    private static final int MAX_CHARS = 256;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    private final Seal seal;
    private final Clock clock;

    public DeviceTokens(KeySource keys, Clock clock) {
        this.seal = new Seal(keys, MAX_CHARS);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param deviceId the device's id ({@link Device#id()})
     * @return the token, URL- and cookie-safe
     * @throws IllegalArgumentException if the id is not a device id
     */
    public String issue(String deviceId) {
        if (!ID.matcher(deviceId).matches()) {
            throw new IllegalArgumentException("not a device id");
        }
        byte[] id = deviceId.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer content = ByteBuffer.allocate(8 + id.length);
        content.putLong(clock.instant().plus(TTL).getEpochSecond()).put(id);
        return seal.seal(CONTEXT, content.array());
    }

    /**
     * @param token the token from the URL or cookie; may be null or anything
     * @return the device id it names
     * @throws InvalidTokenException if it is not genuine or has expired
     */
    public String verify(String token) throws InvalidTokenException {
        byte[] content = seal.open(CONTEXT, token);
        if (content.length != 8 + 32) {
            throw new InvalidTokenException(Reason.MALFORMED, "device token has the wrong layout");
        }
        ByteBuffer buffer = ByteBuffer.wrap(content);
        Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
        if (!clock.instant().isBefore(expiresAt)) {
            throw new InvalidTokenException(Reason.EXPIRED, "device token expired at " + expiresAt);
        }
        String id = new String(content, 8, 32, StandardCharsets.US_ASCII);
        if (!ID.matcher(id).matches()) {
            throw new InvalidTokenException(Reason.MALFORMED, "device token names no device id");
        }
        return id;
    }
}
