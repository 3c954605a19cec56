package dev.slipway.device;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a device said about itself in its signed Profile Service answer, checked for shape. Apple
 * sends {@code VERSION} as the OS build (e.g. {@code 21A329}), not the marketing version.
 *
 * @param udid {@code UDID}: 40 hex digits (before the iPhone XS) or 8 and 16 hex digits joined by a dash
 * @param product {@code PRODUCT}, e.g. {@code iPhone16,1}
 * @param osBuild {@code VERSION}, e.g. {@code 21A329}
 * @param deviceName {@code DEVICE_NAME}, the name the owner gave it, or null if not sent
 */
public record DeviceAttributes(String udid, String product, String osBuild, String deviceName) {
    private static final Pattern UDID = Pattern.compile("[0-9A-Fa-f]{40}|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{16}");
    private static final Pattern PRODUCT = Pattern.compile("[A-Za-z]{1,16}[0-9]{1,3},[0-9]{1,3}");
    private static final Pattern BUILD = Pattern.compile("[0-9A-Za-z.]{1,16}");
    private static final int MAX_NAME = 64;

    /**
     * @throws IllegalArgumentException naming the attribute that is missing or malformed (never its
     *     value: the UDID must not reach a log)
     */
    public DeviceAttributes {
        if (udid == null || !UDID.matcher(udid).matches()) {
            throw new IllegalArgumentException("UDID is " + (udid == null ? "missing" : "malformed"));
        }
        if (product == null || !PRODUCT.matcher(product).matches()) {
            throw new IllegalArgumentException("PRODUCT is " + (product == null ? "missing" : "malformed"));
        }
        if (osBuild == null || !BUILD.matcher(osBuild).matches()) {
            throw new IllegalArgumentException("VERSION is " + (osBuild == null ? "missing" : "malformed"));
        }
        deviceName = deviceName == null ? null : printable(deviceName);
    }

    /** The name without control characters, tabs or line breaks (it lands in a TSV and in logs), at most 64 characters. */
    private static String printable(String name) {
        String clean = name.codePoints().filter(c -> !Character.isISOControl(c) && c != '\u2028' && c != '\u2029')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.codePointCount(0, clean.length()) > MAX_NAME) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, MAX_NAME));
        }
        return clean.isEmpty() ? null : clean;
    }

    /** Whether two UDIDs are the same device: profiles list old UDIDs in lower case, new ones in upper. */
    public static boolean sameUdid(String a, String b) {
        return Objects.requireNonNull(a, "a").equalsIgnoreCase(Objects.requireNonNull(b, "b"));
    }
}
