package dev.slipway.catalog;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** JSON in and out for catalog records: ordered maps of plain values, via jackson-jr. */
final class Json {
    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private Json() {
    }

    static byte[] write(Map<String, Object> map) {
        try {
            return WRITER.asBytes(map);
        } catch (IOException e) {
            throw new UncheckedIOException("a map of plain values always serialises", e);
        }
    }

    /**
     * @throws CatalogException if the bytes are not a JSON object
     */
    static Map<String, Object> read(byte[] bytes, String what) throws CatalogException {
        try {
            return JSON.std.mapFrom(bytes);
        } catch (IOException | RuntimeException e) {
            throw new CatalogException(what + " is not valid JSON");
        }
    }

    static String string(Map<String, Object> map, String key) {
        return map.get(key) instanceof String s ? s : null;
    }

    static long number(Map<String, Object> map, String key) {
        return map.get(key) instanceof Number n ? n.longValue() : 0;
    }

    static boolean bool(Map<String, Object> map, String key) {
        return Boolean.TRUE.equals(map.get(key));
    }

    static Instant instant(Map<String, Object> map, String key) {
        String text = string(map, key);
        return text == null ? null : Instant.parse(text);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> map, String key) {
        return map.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    static List<String> strings(Map<String, Object> map, String key) {
        return map.get(key) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
