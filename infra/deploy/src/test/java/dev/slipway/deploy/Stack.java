package dev.slipway.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template as CloudFormation would evaluate it for one set of parameter values: parameters
 * checked against their constraints, {@code Rules} asserted, conditions decided, and intrinsic
 * functions worked out to plain values, so tests can assert the exact names, ARNs and settings a
 * deployment gets. Pseudo parameters are those of a stack named {@code slipway} in eu-west-1.
 *
 * <p>Attributes known only once deployed come out as {@code {Resource}} or
 * {@code {Resource.Attribute}}; the bucket's are worked out from its name, as S3 forms them. A
 * reference to something the template does not define fails: CloudFormation would refuse it too.
 */
final class Stack {
    static final String STACK_UUID = "8c1f6c60-a3b4-11ef-9a3b-0a1b2c3d4e5f";
    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    /** What {@code !Ref AWS::NoValue} evaluates to: the property or list item is dropped. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };
    private static final Map<String, String> PSEUDO = Map.of(
            "AWS::Partition", "aws",
            "AWS::Region", REGION,
            "AWS::AccountId", ACCOUNT,
            "AWS::StackName", "slipway",
            "AWS::StackId", "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/slipway/" + STACK_UUID,
            "AWS::URLSuffix", "amazonaws.com");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Template template;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /**
     * @param values parameter values given at deploy time; the others take their defaults
     * @throws IllegalArgumentException as CloudFormation would refuse the deployment: a value
     *     outside its parameter's constraints, a parameter without value, or a failed rule
     */
    Stack(Template template, Map<String, String> values) {
        this.template = template;
        template.section("Parameters").forEach((name, declaration) -> {
            Map<String, Object> parameter = Nodes.map(declaration, name);
            Object value = values.containsKey(name) ? values.get(name) : parameter.get("Default");
            if (value == null) {
                throw new IllegalArgumentException("parameter " + name + " has no value");
            }
            parameters.put(name, checked(name, parameter, String.valueOf(value)));
        });
        values.keySet().stream().filter(name -> !parameters.containsKey(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("template has no parameter " + name);
        });
        checkRules();
    }

    /** With every parameter at its default. */
    Stack(Template template) {
        this(template, Map.of());
    }

    /** The evaluated node at a path from the template's root, e.g. {@code "Outputs", "BucketName", "Value"}. */
    Object at(String... path) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (String section : List.of("Resources", "Outputs", "Globals", "Conditions")) {
            root.put(section, template.section(section));
        }
        Object node = Nodes.at(root, path);
        if (node == null) {
            throw new IllegalArgumentException("template has nothing at " + String.join(".", path));
        }
        return evaluate(node);
    }

    /** A resource's evaluated properties. */
    Map<String, Object> properties(String logicalId) {
        return Nodes.map(evaluate(template.properties(logicalId)), logicalId);
    }

    /** A function's evaluated properties, Globals merged in. */
    Map<String, Object> function(String logicalId) {
        return Nodes.map(evaluate(template.function(logicalId)), logicalId);
    }

    /** The function's inline policy statements, evaluated (statements under a false condition dropped). */
    List<Map<String, Object>> statements(String logicalId) {
        return Nodes.oneOrMany(function(logicalId).get("Policies")).stream()
                .flatMap(policy -> Nodes.oneOrMany(Nodes.map(policy, "policy").get("Statement")).stream())
                .map(statement -> Nodes.map(statement, "statement"))
                .toList();
    }

    boolean condition(String name) {
        Object expression = template.section("Conditions").get(name);
        if (expression == null) {
            throw new IllegalArgumentException("template has no condition " + name);
        }
        return bool(expression);
    }

    Object evaluate(Object node) {
        if (node instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            for (Object item : list) {
                Object value = evaluate(item);
                if (value != NO_VALUE) {
                    items.add(value);
                }
            }
            return items;
        }
        if (!(node instanceof Map<?, ?>)) {
            return node;
        }
        Map<String, Object> map = Nodes.map(node, "node");
        if (map.size() == 1) {
            Map.Entry<String, Object> only = map.entrySet().iterator().next();
            Object argument = only.getValue();
            switch (only.getKey()) {
                case "Ref":
                    return ref((String) argument);
                case "Fn::GetAtt":
                    List<Object> names = Nodes.list(argument, "Fn::GetAtt");
                    return getAtt((String) names.get(0), (String) names.get(1));
                case "Fn::Sub":
                    return sub(argument);
                case "Fn::Join":
                    return join(Nodes.list(argument, "Fn::Join"));
                case "Fn::Select":
                    List<Object> select = Nodes.list(argument, "Fn::Select");
                    return Nodes.list(evaluate(select.get(1)), "Fn::Select list")
                            .get(Integer.parseInt(String.valueOf(evaluate(select.get(0)))));
                case "Fn::Split":
                    List<Object> split = Nodes.list(argument, "Fn::Split");
                    return List.of(((String) evaluate(split.get(1))).split(Pattern.quote((String) split.get(0)), -1));
                case "Fn::If":
                    List<Object> branches = Nodes.list(argument, "Fn::If");
                    return evaluate(condition((String) branches.get(0)) ? branches.get(1) : branches.get(2));
                case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition":
                    return bool(map);
                default:
                    if (only.getKey().startsWith("Fn::")) {
                        throw new UnsupportedOperationException(only.getKey() + " is not evaluated by these tests");
                    }
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            Object evaluated = evaluate(value);
            if (evaluated != NO_VALUE) {
                values.put(key, evaluated);
            }
        });
        return values;
    }

    private boolean bool(Object expression) {
        Map<String, Object> map = Nodes.map(expression, "condition");
        Map.Entry<String, Object> only = map.entrySet().iterator().next();
        return switch (only.getKey()) {
            case "Condition" -> condition((String) only.getValue());
            case "Fn::Equals" -> {
                List<Object> sides = Nodes.list(only.getValue(), "Fn::Equals");
                yield String.valueOf(evaluate(sides.get(0))).equals(String.valueOf(evaluate(sides.get(1))));
            }
            case "Fn::Not" -> !bool(Nodes.list(only.getValue(), "Fn::Not").get(0));
            case "Fn::And" -> Nodes.list(only.getValue(), "Fn::And").stream().allMatch(this::bool);
            case "Fn::Or" -> Nodes.list(only.getValue(), "Fn::Or").stream().anyMatch(this::bool);
            default -> throw new IllegalArgumentException("not a condition: " + expression);
        };
    }

    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        } else if (parameters.containsKey(name)) {
            return parameters.get(name);
        } else if (PSEUDO.containsKey(name)) {
            return PSEUDO.get(name);
        } else if (template.section("Resources").containsKey(name)) {
            // A bucket's Ref is its name; anything else is known only once deployed.
            Object bucketName = template.properties(name).get("BucketName");
            return template.type(name).equals("AWS::S3::Bucket") && bucketName != null ? evaluate(bucketName)
                    : "{" + name + "}";
        } else if (name.endsWith(".Alias") && template.functions().contains(name.substring(0, name.length() - 6))) {
            // SAM's reference to a function's AutoPublishAlias.
            return "{" + name + "}";
        }
        throw new IllegalArgumentException("!Ref to " + name + ", which the template does not define");
    }

    private Object getAtt(String resource, String attribute) {
        if (!template.section("Resources").containsKey(resource)) {
            throw new IllegalArgumentException("!GetAtt on " + resource + ", which the template does not define");
        }
        if (template.type(resource).equals("AWS::S3::Bucket")) {
            String bucket = String.valueOf(ref(resource));
            if (attribute.equals("Arn")) {
                return "arn:" + PSEUDO.get("AWS::Partition") + ":s3:::" + bucket;
            } else if (attribute.equals("RegionalDomainName")) {
                return bucket + ".s3." + REGION + ".amazonaws.com";
            }
        }
        return "{" + resource + "." + attribute + "}";
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables;
        if (argument instanceof String string) {
            text = string;
            variables = Map.of();
        } else {
            List<Object> form = Nodes.list(argument, "Fn::Sub");
            text = (String) form.get(0);
            variables = Nodes.map(form.get(1), "Fn::Sub variables");
        }
        StringBuilder out = new StringBuilder();
        Matcher m = SUB_VARIABLE.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            String name = m.group(1);
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
            } else if (variables.containsKey(name)) {
                out.append(evaluate(variables.get(name)));
            } else if (name.contains(".")) {
                int dot = name.indexOf('.');
                out.append(getAtt(name.substring(0, dot), name.substring(dot + 1)));
            } else {
                out.append(ref(name));
            }
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }

    private String join(List<Object> argument) {
        List<String> parts = new ArrayList<>();
        for (Object part : Nodes.list(evaluate(argument.get(1)), "Fn::Join list")) {
            parts.add(String.valueOf(part));
        }
        return String.join((String) argument.get(0), parts);
    }

    private static Object checked(String name, Map<String, Object> parameter, String value) {
        Object allowed = parameter.get("AllowedValues");
        if (allowed != null && !Nodes.list(allowed, name).contains(value)) {
            throw new IllegalArgumentException("parameter " + name + ": " + value + " is not one of " + allowed);
        }
        Object pattern = parameter.get("AllowedPattern");
        if (pattern != null && !Pattern.matches((String) pattern, value)) {
            throw new IllegalArgumentException("parameter " + name + ": " + value + " does not match " + pattern);
        }
        if (!"Number".equals(parameter.get("Type"))) {
            return value;
        }
        int number = Integer.parseInt(value);
        Object min = parameter.get("MinValue");
        Object max = parameter.get("MaxValue");
        if (min != null && number < ((Number) min).intValue() || max != null && number > ((Number) max).intValue()) {
            throw new IllegalArgumentException("parameter " + name + ": " + value + " is outside " + min + ".." + max);
        }
        return number;
    }

    private void checkRules() {
        template.section("Rules").forEach((name, declaration) -> {
            Map<String, Object> rule = Nodes.map(declaration, name);
            if (rule.containsKey("RuleCondition") && !bool(rule.get("RuleCondition"))) {
                return;
            }
            for (Object item : Nodes.list(rule.get("Assertions"), name + ".Assertions")) {
                Map<String, Object> assertion = Nodes.map(item, name);
                if (!bool(assertion.get("Assert"))) {
                    throw new IllegalArgumentException("rule " + name + ": " + assertion.get("AssertDescription"));
                }
            }
        });
    }
}
