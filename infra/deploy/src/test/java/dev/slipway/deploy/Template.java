package dev.slipway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * template.yaml as SAM reads it: resources, parameters, conditions, and each function's properties
 * with the {@code Globals} section merged in the way SAM merges them.
 */
final class Template {
    static final String FUNCTION = "AWS::Serverless::Function";
    /** SAM treats a one-key map with one of these keys as a value, not as a map to merge. */
    private static final Set<String> INTRINSIC_KEYS = Set.of("Ref", "Condition");

    private final Map<String, Object> root;

    private Template(Map<String, Object> root) {
        this.root = root;
    }

    /** The repository's template.yaml. */
    static Template load() {
        return load(Repository.root().resolve("template.yaml"));
    }

    static Template load(Path file) {
        try {
            return new Template(CloudFormationYaml.load(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A top-level section ({@code Parameters}, {@code Conditions}, {@code Outputs}, …), empty if absent. */
    Map<String, Object> section(String name) {
        return Nodes.map(root.getOrDefault(name, Map.of()), name);
    }

    Map<String, Object> resource(String logicalId) {
        Object resource = section("Resources").get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("template has no resource " + logicalId);
        }
        return Nodes.map(resource, logicalId);
    }

    String type(String logicalId) {
        return (String) resource(logicalId).get("Type");
    }

    /** The resource's own properties, as written. */
    Map<String, Object> properties(String logicalId) {
        return Nodes.map(resource(logicalId).getOrDefault("Properties", Map.of()), logicalId + ".Properties");
    }

    /** Logical ids of the resources of one type, in template order. */
    List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        section("Resources").forEach((id, resource) -> {
            if (type.equals(Nodes.map(resource, id).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    List<String> functions() {
        return resourcesOfType(FUNCTION);
    }

    /** The functions of the repository's template: the arguments of every test run once per function. */
    static List<String> functionIds() {
        return load().functions();
    }

    /** A function's properties with {@code Globals.Function} merged in, as SAM does before it translates. */
    Map<String, Object> function(String logicalId) {
        if (!FUNCTION.equals(type(logicalId))) {
            throw new IllegalArgumentException(logicalId + " is not an " + FUNCTION);
        }
        Object globals = Nodes.map(section("Globals").getOrDefault("Function", Map.of()), "Globals.Function");
        return Nodes.map(merge(globals, properties(logicalId)), logicalId);
    }

    /**
     * SAM's rules: maps merge key by key, lists concatenate (globals first), anything else (a
     * scalar, an intrinsic function, or two different kinds) takes the resource's own value.
     */
    private static Object merge(Object global, Object local) {
        if (isPlainMap(global) && isPlainMap(local)) {
            Map<String, Object> merged = new LinkedHashMap<>(Nodes.map(global, "global"));
            Nodes.map(local, "local").forEach((key, value) ->
                    merged.put(key, merged.containsKey(key) ? merge(merged.get(key), value) : value));
            return merged;
        }
        if (global instanceof List<?> globalList && local instanceof List<?> localList) {
            List<Object> merged = new ArrayList<>(globalList);
            merged.addAll(localList);
            return merged;
        }
        return local;
    }

    private static boolean isPlainMap(Object node) {
        if (!(node instanceof Map<?, ?> map)) {
            return false;
        }
        if (map.size() != 1) {
            return true;
        }
        String key = String.valueOf(map.keySet().iterator().next());
        return !(INTRINSIC_KEYS.contains(key) || key.startsWith("Fn::"));
    }
}
