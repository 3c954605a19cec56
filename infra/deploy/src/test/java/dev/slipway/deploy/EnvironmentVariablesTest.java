package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every setting is an environment variable the template sets and the code reads: a variable the
 * code reads but the template forgets fails at the function's first start, and one the template
 * sets but nothing reads is a setting that silently does nothing. The code is each function's own
 * module plus the sibling modules its package carries (the slipway-*.jar in lib/).
 */
class EnvironmentVariablesTest {
    private static final Pattern VARIABLE = Pattern.compile("(SLIPWAY|AWS)_[A-Z0-9_]+");
    private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9_$]+");
    /** Set by Lambda itself, and refused in a function's configuration. */
    private static final Set<String> LAMBDA_RESERVED = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");
    /**
     * Optional, read as the AWS SDKs read them (an endpoint such as LocalStack's instead of AWS's own);
     * the template leaves them unset, so the functions use AWS's endpoints.
     */
    private static final Set<String> SDK_ENDPOINTS = Set.of("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3",
            "AWS_ENDPOINT_URL_SECRETS_MANAGER");
    /**
     * The container credentials endpoint, read as the AWS SDKs read it (LambdaCredentials): Lambda
     * sets the full URI and its token for SnapStart functions, ECS and EKS the others.
     */
    private static final Set<String> CONTAINER_CREDENTIALS = Set.of("AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
    /** Read by the JVM, not by the code. */
    private static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";

    private static final Template TEMPLATE = Template.load();

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.slipway.deploy.Template#functionIds")
    void code_readsOnlyVariablesTheTemplateSetsOrLambdaProvides(String function) {
        // given
        Set<String> set = templateVariables(function);
        // when
        Set<String> read = codeVariables(function);
        read.removeAll(LAMBDA_RESERVED);
        read.removeAll(SDK_ENDPOINTS);
        read.removeAll(CONTAINER_CREDENTIALS);
        // then
        assertThat(set).containsAll(read);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.slipway.deploy.Template#functionIds")
    void template_setsOnlyVariablesTheCodeReads(String function) {
        // given
        Set<String> read = codeVariables(function);
        // when
        Set<String> set = templateVariables(function);
        set.remove(JVM_OPTIONS);
        // then
        assertThat(read).containsAll(set);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.slipway.deploy.Template#functionIds")
    void template_setsNoVariableLambdaReserves(String function) {
        // when
        Set<String> set = templateVariables(function);
        // then: Lambda refuses to deploy a function that sets one
        assertThat(set).doesNotContainAnyElementsOf(LAMBDA_RESERVED);
    }

    @Test
    void variables_areTheOnesEachFunctionIsDocumentedToRead() {
        // when
        Set<String> ingest = codeVariables("IngestFunction");
        Set<String> install = codeVariables("InstallFunction");
        // then: pins the scan itself, so a scan that finds nothing cannot pass the tests above
        Set<String> notify = codeVariables("NotifyFunction");
        // Shared's LambdaCredentials (the install function's) is in every package that carries shared.
        assertThat(ingest).containsExactly("AWS_ACCESS_KEY_ID", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3",
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_REGION", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "SLIPWAY_BUCKET", "SLIPWAY_LINK_SECRET_ARN",
                "SLIPWAY_NOTICE_LINK_TTL_DAYS", "SLIPWAY_NOTICE_TOPIC_ARN", "SLIPWAY_SITE_URL");
        assertThat(install).containsExactly("AWS_ACCESS_KEY_ID", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3",
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_REGION", "AWS_SECRET_ACCESS_KEY",
                "AWS_SESSION_TOKEN", "SLIPWAY_BUCKET", "SLIPWAY_CUSTOM_DOMAIN",
                "SLIPWAY_DOWNLOAD_TTL_MINUTES", "SLIPWAY_LINK_SECRET_ARN", "SLIPWAY_ORIGIN_SECRET");
        assertThat(notify).containsExactly("AWS_REGION", "SLIPWAY_WEBHOOKS", "SLIPWAY_WEBHOOK_SECRET_ARN");
    }

    /** Globals and the function's own variables, as SAM merges them. */
    private static Set<String> templateVariables(String function) {
        Object variables = Nodes.at(TEMPLATE.function(function), "Environment", "Variables");
        return new TreeSet<>(Nodes.map(variables == null ? Map.of() : variables, "Variables").keySet());
    }

    /**
     * The variable-like string literals in the function's module, and in those classes of the sibling
     * modules it ships with (read from its pom; FunctionArtifactsTest checks the package holds exactly
     * those) that its code reaches: a sibling class counts once a counted source names it, so a shared
     * class only other functions use (SiteSettings, read by install and enrol) does not count here.
     */
    private static Set<String> codeVariables(String function) {
        String module = Makefile.load().packagedModule("build-" + function)
                .orElseThrow(() -> new AssertionError("the Makefile does not package " + function));
        Map<String, String> unreached = new HashMap<>();
        Modules.shippedSiblings(Repository.root().resolve(module)).forEach(sibling ->
                JavaStringLiterals.sources(sibling.resolve("src/main/java")).forEach((file, source) ->
                        unreached.put(file.getFileName().toString().replace(".java", ""), source)));
        Deque<String> reached = new ArrayDeque<>(JavaStringLiterals.sources(Repository.root().resolve(module)
                .resolve("src/main/java")).values());
        Set<String> variables = new TreeSet<>();
        while (!reached.isEmpty()) {
            String source = reached.pop();
            JavaStringLiterals.in(source).stream().filter(literal -> VARIABLE.matcher(literal).matches())
                    .forEach(variables::add);
            Set<String> names = new HashSet<>(List.of(WORD_BREAK.split(source)));
            for (String name : List.copyOf(unreached.keySet())) {
                if (names.contains(name)) {
                    reached.add(unreached.remove(name));
                }
            }
        }
        return variables;
    }
}
