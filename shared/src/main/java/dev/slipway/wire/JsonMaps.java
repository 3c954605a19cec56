package dev.slipway.wire;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON objects as Slipway writes them (catalog records, {@code inspect --json}, the update check):
 * ordered maps of plain values (strings, numbers, booleans, lists, maps, nulls), times in ISO-8601,
 * nulls written as null, serialised by jackson-jr.
 */
public final class JsonMaps {
    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private JsonMaps() {
    }

    /** An ordered, modifiable map of name, value, name, value… (nulls kept: they are written as null). */
    public static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** {@code 2026-11-20T10:15:00Z}, or null for null. */
    public static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The map as UTF-8 JSON. */
    public static byte[] write(Map<String, Object> map) {
        try {
            return WRITER.asBytes(map);
        } catch (IOException e) {
            throw new UncheckedIOException("a map of plain values always serialises", e);
        }
    }
}
