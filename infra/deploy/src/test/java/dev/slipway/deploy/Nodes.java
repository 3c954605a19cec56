package dev.slipway.deploy;

import java.util.List;
import java.util.Map;

/** Casts for the maps and lists a parsed template is made of, failing with where the shape was wrong. */
final class Nodes {
    private Nodes() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String where) {
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + " is not a map: " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String where) {
        if (!(node instanceof List<?>)) {
            throw new IllegalArgumentException(where + " is not a list: " + node);
        }
        return (List<Object>) node;
    }

    /** A value that may be written as one item or as a list of items (IAM's Action and Resource). */
    static List<Object> oneOrMany(Object node) {
        return node instanceof List<?> ? list(node, "list") : node == null ? List.of() : List.of(node);
    }

    /** The node at a path of map keys, or null where the path ends early. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }
}
