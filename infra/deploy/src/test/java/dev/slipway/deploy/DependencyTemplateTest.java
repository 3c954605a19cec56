package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What each resource refers to, as CloudFormation orders their creation: a loop is a template that
 * cannot deploy ("Circular dependency between resources"). SAM turns an {@code HttpApi} event into
 * a route inside the API that calls the function, so that edge runs from the API to the function.
 */
class DependencyTemplateTest {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z0-9.]+)?}");

    private final Template template = Template.load();

    @Test
    void resources_formNoLoop() {
        // when
        Map<String, Set<String>> graph = graph();
        // then
        for (String resource : graph.keySet()) {
            assertThat(reachable(graph, resource)).as("%s depends on itself through %s", resource, graph.get(resource))
                    .doesNotContain(resource);
        }
    }

    @Test
    void issue10Defect6_installFunction_doesNotNeedTheDistribution() {
        // given: the distribution's origin is the API, whose route calls the function
        Map<String, Set<String>> graph = graph();
        // then: the function learns the viewer's host from CloudFront at request time, never from the template
        assertThat(reachable(graph, "Distribution")).contains("HttpApi", "InstallFunction", "OriginSecret");
        assertThat(reachable(graph, "InstallFunction")).doesNotContain("Distribution").contains("OriginSecret");
    }

    private Map<String, Set<String>> graph() {
        Map<String, Object> resources = template.section("Resources");
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        resources.keySet().forEach(id -> graph.put(id, new LinkedHashSet<>()));
        for (String id : resources.keySet()) {
            Map<String, Object> resource = new LinkedHashMap<>(template.resource(id));
            Map<String, Object> properties = new LinkedHashMap<>(template.properties(id));
            Object events = properties.remove("Events");
            resource.put("Properties", properties);
            collect(resource, graph.get(id), resources.keySet());
            for (Object event : events == null ? List.of() : Nodes.map(events, id + ".Events").values()) {
                Object api = Nodes.at(event, "Properties", "ApiId");
                Set<String> apis = new LinkedHashSet<>();
                collect(api, apis, resources.keySet());
                apis.forEach(a -> graph.get(a).add(id));
                Set<String> others = new LinkedHashSet<>();
                collect(Nodes.at(event, "Properties", "Bucket"), others, resources.keySet());
                // S3 notifications are added to the bucket by SAM: the bucket depends on the function.
                others.forEach(b -> graph.get(b).add(id));
            }
        }
        return graph;
    }

    private static void collect(Object node, Set<String> into, Set<String> resources) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object value = entry.getValue();
                switch (String.valueOf(entry.getKey())) {
                    case "Ref" -> add(String.valueOf(value), into, resources);
                    case "DependsOn" -> Nodes.oneOrMany(value).forEach(v -> add(String.valueOf(v), into, resources));
                    case "Fn::GetAtt" -> add(value instanceof List<?> list ? String.valueOf(list.get(0))
                            : String.valueOf(value).split("\\.")[0], into, resources);
                    case "Fn::Sub" -> {
                        String text = value instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(value);
                        Matcher m = SUB_VARIABLE.matcher(text);
                        while (m.find()) {
                            add(m.group(1), into, resources);
                        }
                        if (value instanceof List<?> list && list.size() > 1) {
                            collect(list.get(1), into, resources);
                        }
                    }
                    default -> collect(value, into, resources);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, into, resources));
        }
    }

    private static void add(String name, Set<String> into, Set<String> resources) {
        if (resources.contains(name)) {
            into.add(name);
        }
    }

    private static Set<String> reachable(Map<String, Set<String>> graph, String from) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(graph.get(from));
        while (!queue.isEmpty()) {
            String next = queue.remove(queue.size() - 1);
            if (seen.add(next)) {
                queue.addAll(graph.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }
}
