package dev.slipway.catalog;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.ipa.profile.DistributionType;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON in for catalog records (they are written with {@link dev.slipway.wire.JsonMaps}): reading goes
 * through {@link Fields}, whose errors name the object and the key.
 */
final class Json {
    private Json() {
    }

    /**
     * @param what the object, for messages, e.g. {@code build record}
     * @throws CatalogException if the bytes are not a JSON object
     */
    static Fields read(byte[] bytes, String what) throws CatalogException {
        try {
            return new Fields(JSON.std.mapFrom(bytes), what);
        } catch (IOException | RuntimeException e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new CatalogException(what + " is not a JSON object: " + reason);
        }
    }

    /** The keys of one JSON object, read with the type each must have. */
    static final class Fields {
        private final Map<String, Object> map;
        private final String what;

        Fields(Map<String, Object> map, String what) {
            this.map = map;
            this.what = what;
        }

        /** The same keys, named otherwise in messages (once the object's id is known). */
        Fields named(String name) {
            return new Fields(map, name);
        }

        /** A string, or null if absent or null. */
        String string(String key) throws CatalogException {
            Object value = map.get(key);
            if (value == null || value instanceof String) {
                return (String) value;
            }
            throw error(key, "is not a string");
        }

        String requiredString(String key) throws CatalogException {
            return required(key, string(key));
        }

        /** A whole number, or 0 if absent or null. */
        long number(String key) throws CatalogException {
            Object value = map.get(key);
            if (value == null) {
                return 0;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                return ((Number) value).longValue();
            }
            throw error(key, "is not a whole number");
        }

        long requiredNumber(String key) throws CatalogException {
            required(key, map.get(key));
            return number(key);
        }

        boolean bool(String key) throws CatalogException {
            Object value = map.get(key);
            if (value == null || value instanceof Boolean) {
                return Boolean.TRUE.equals(value);
            }
            throw error(key, "is not true or false");
        }

        /** An ISO-8601 instant, or null if absent or null. */
        Instant instant(String key) throws CatalogException {
            String text = string(key);
            try {
                return text == null ? null : Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw error(key, "is not a time (" + text + ")");
            }
        }

        Instant requiredInstant(String key) throws CatalogException {
            return required(key, instant(key));
        }

        /** A profile's distribution type by its {@link DistributionType#id()}, or null if absent or null. */
        DistributionType distributionType(String key) throws CatalogException {
            String id = string(key);
            return id == null ? null : DistributionType.fromId(id)
                    .orElseThrow(() -> error(key, "is not a distribution type (" + id + ")"));
        }

        /** A nested object, or null if absent or null. */
        @SuppressWarnings("unchecked")
        Fields object(String key) throws CatalogException {
            Object value = map.get(key);
            if (value == null) {
                return null;
            }
            if (value instanceof Map<?, ?> nested) {
                return new Fields((Map<String, Object>) nested, what + " " + key);
            }
            throw error(key, "is not an object");
        }

        /** A list of strings, empty if absent or null. */
        List<String> strings(String key) throws CatalogException {
            Object value = map.get(key);
            if (value == null) {
                return List.of();
            }
            if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                return list.stream().map(String.class::cast).toList();
            }
            throw error(key, "is not a list of strings");
        }

        /** The keys not among {@code known}, in their order, values as read (kept for writers that know them). */
        Map<String, Object> others(Set<String> known) {
            Map<String, Object> rest = new LinkedHashMap<>(map);
            rest.keySet().removeAll(known);
            return rest;
        }

        CatalogException error(String key, String problem) {
            return new CatalogException(what + ": key \"" + key + "\" " + problem);
        }

        private <T> T required(String key, T value) throws CatalogException {
            if (value == null) {
                throw error(key, "is missing");
            }
            return value;
        }
    }
}
