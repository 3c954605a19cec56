package dev.slipway.device;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An enrolled device, as stored under {@code devices/{id}.json}. The serial number is asked for
 * (Apple's own tools show it) but not kept: nothing here needs it.
 *
 * @param udid the device's UDID, as the device sent it
 * @param product the product identifier, e.g. {@code iPhone16,1}
 * @param model the human name, e.g. {@code iPhone 15 Pro} (the product identifier if unknown)
 * @param osBuild the OS build it reported, e.g. {@code 21A329}
 * @param deviceName the name its owner gave it, or null
 * @param firstSeen first accepted enrolment
 * @param lastSeen latest accepted enrolment
 * @param links the page paths it enrolled from, oldest first, each once, at most {@value #MAX_LINKS}
 */
public record Device(String udid, String product, String model, String osBuild, String deviceName,
                     Instant firstSeen, Instant lastSeen, List<String> links) {
    public static final int MAX_LINKS = 20;

    public Device {
        links = List.copyOf(links);
    }

    /** A device enrolling for the first time. */
    public static Device enrolled(DeviceAttributes attributes, String linkPath, Instant now) {
        return new Device(attributes.udid(), attributes.product(), ModelNames.nameOf(attributes.product()),
                attributes.osBuild(), attributes.deviceName(), now, now, List.of(linkPath));
    }

    /** This device enrolling again: the new attributes and link, the first-seen time kept. */
    public Device again(DeviceAttributes attributes, String linkPath, Instant now) {
        List<String> merged = new ArrayList<>(links);
        merged.remove(linkPath);
        merged.add(linkPath);
        while (merged.size() > MAX_LINKS) {
            merged.remove(0);
        }
        return new Device(attributes.udid(), attributes.product(), ModelNames.nameOf(attributes.product()),
                attributes.osBuild(), attributes.deviceName(), firstSeen, now, merged);
    }

    /** The opaque id that names this device in keys, tokens and logs. */
    public String id() {
        return idOf(udid);
    }

    /**
     * The opaque id of a UDID: the first 16 bytes of SHA-256 over a label and the upper-case UDID,
     * in hex. It names the device in keys, tokens and logs without spelling out the UDID.
     */
    public static String idOf(String udid) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("slipway-device\0".getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha.digest(udid.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public byte[] toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema", 1);
        json.put("udid", udid);
        json.put("product", product);
        json.put("model", model);
        json.put("osBuild", osBuild);
        json.put("deviceName", deviceName);
        json.put("firstSeen", firstSeen.toString());
        json.put("lastSeen", lastSeen.toString());
        json.put("links", links);
        try {
            return JSON.std.asBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a map of plain values always serialises", e);
        }
    }

    /**
     * @throws DeviceStoreException if the bytes are not a device record
     */
    public static Device parse(byte[] bytes, String key) throws DeviceStoreException {
        try {
            Map<String, Object> json = JSON.std.mapFrom(bytes);
            List<String> links = json.get("links") instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : List.of();
            return new Device(string(json, "udid"), string(json, "product"), string(json, "model"),
                    string(json, "osBuild"), (String) json.get("deviceName"), Instant.parse(string(json, "firstSeen")),
                    Instant.parse(string(json, "lastSeen")), links);
        } catch (IOException | RuntimeException e) {
            throw new DeviceStoreException("device record " + key + " is not valid");
        }
    }

    private static String string(Map<String, Object> json, String field) {
        if (!(json.get(field) instanceof String value)) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }
}
