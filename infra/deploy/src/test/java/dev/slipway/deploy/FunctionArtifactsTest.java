package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code sam build} produces for each function, built here by the same Makefile targets: the
 * layout Lambda's Java runtime loads (classes at the root, jars in {@code lib/}), and a handler
 * that loads from that package alone and takes the event its template events deliver.
 *
 * <p>Tagged {@code packaging}: it runs Maven inside Maven (minutes), so a plain {@code mvn verify}
 * leaves it out and {@code mvn verify -Ppackaging} (CI) runs it.
 */
@Tag("packaging")
class FunctionArtifactsTest {
    private static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    /** The event class a handler must take for each kind of template event. */
    private static final Map<String, String> EVENT_CLASSES = Map.of(
            "S3", "com.amazonaws.services.lambda.runtime.events.S3Event",
            "SQS", "com.amazonaws.services.lambda.runtime.events.SQSEvent",
            "HttpApi", "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent");

    private static final Template TEMPLATE = Template.load();

    @Test
    void everyFunction_isBuiltByItsOwnMakefileTarget() {
        // given
        List<String> functions = TEMPLATE.functions();
        // when
        List<String> builtByMake = functions.stream()
                .filter(id -> "makefile".equals(Nodes.at(TEMPLATE.resource(id), "Metadata", "BuildMethod"))).toList();
        List<String> targets = functions.stream().map(id -> "build-" + id).toList();
        // then: sam build runs `make build-<LogicalId>` from CodeUri, the repository's root
        assertThat(functions).containsExactly("IngestFunction", "InstallFunction", "NotifyFunction", "EnrolFunction");
        assertThat(builtByMake).isEqualTo(functions);
        assertThat(Makefile.load().rules()).containsKeys(targets.toArray(String[]::new));
        assertThat(functions).allSatisfy(id -> assertThat(TEMPLATE.function(id).get("CodeUri")).isEqualTo("."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.slipway.deploy.Template#functionIds")
    void handler_loadsFromItsOwnPackage_andTakesTheEventItsTriggersDeliver(String function) throws Exception {
        // given
        Map<String, Object> properties = TEMPLATE.function(function);
        String[] handler = ((String) properties.get("Handler")).split("::");
        String expectedEvent = eventClass(function, properties);
        // when: a class loader with nothing but the package, as Lambda builds it
        try (URLClassLoader loader = packageLoader(FunctionArtifacts.of(function))) {
            Class<?> type = Class.forName(handler[0], true, loader);
            ParameterizedType requestHandler = requestHandlerOf(type);
            Class<?> event = (Class<?>) requestHandler.getActualTypeArguments()[0];
            Method method = type.getMethod(handler[1], event, loader.loadClass(CONTEXT));
            // then
            assertThat(event.getName()).isEqualTo(expectedEvent);
            assertThat(event.getClassLoader()).isSameAs(loader);
            assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();
            assertThat(method.getDeclaringClass()).isSameAs(type);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.slipway.deploy.Template#functionIds")
    void package_hasClassesAtTheRoot_andItsRuntimeJarsInLib(String function) throws IOException {
        // given
        String handlerClass = ((String) TEMPLATE.function(function).get("Handler")).split("::")[0];
        // when
        Path artifact = FunctionArtifacts.of(function);
        List<String> lib = FunctionArtifacts.libJars(artifact);
        // then: the sibling module the function is built on travels as a jar, like any library
        assertThat(artifact.resolve(handlerClass.replace('.', '/') + ".class")).isRegularFile();
        assertThat(artifact.resolve("classes")).doesNotExist();
        assertThat(lib).allMatch(name -> name.endsWith(".jar"));
        assertThat(lib.stream().map(FunctionArtifactsTest::withoutVersion).filter(name -> name.startsWith("slipway-")))
                .containsExactly("slipway-shared");
        assertThat(lib.stream().map(FunctionArtifactsTest::withoutVersion)).contains("aws-lambda-java-core");
        // the install function signs its own HTTP requests (SigV4, JdkHttp: no SDK client, signer or S3 model);
        // the others use the SDK's S3 client over the url-connection HTTP client
        if (function.equals("InstallFunction")) {
            assertThat(lib.stream().map(FunctionArtifactsTest::withoutVersion))
                    .doesNotContain("s3", "http-auth-aws", "url-connection-client", "sdk-core");
        } else {
            assertThat(lib.stream().map(FunctionArtifactsTest::withoutVersion)).contains("s3", "url-connection-client");
        }
        try (Stream<Path> libEntries = Files.list(artifact.resolve("lib"))) {
            assertThat(libEntries).allMatch(Files::isRegularFile);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.slipway.deploy.Template#functionIds")
    void package_carriesNoNettyApacheClientOrTestJars(String function) {
        // given: only the url-connection HTTP client starts fast; test jars have no place in Lambda
        List<String> unwanted = List.of("netty", "apache-client", "apache5-client", "httpclient", "aws-crt",
                "junit", "assertj", "s3proxy", "selenium", "aws-lambda-java-tests", "testcontainers", "-tests");
        // when
        List<String> lib = FunctionArtifacts.libJars(FunctionArtifacts.of(function));
        // then
        assertThat(lib).noneMatch(name -> unwanted.stream().anyMatch(name::contains));
    }

    @Test
    void installPackage_carriesItsAssetsAndPrecompiledTemplates() throws IOException {
        // given: pages come from templates compiled at build time and assets read from the classpath
        Path module = Repository.root().resolve("functions/install/src/main");
        List<String> expected = new ArrayList<>();
        try (Stream<Path> resources = Files.walk(module.resolve("resources"))) {
            resources.filter(Files::isRegularFile).forEach(p -> expected.add(module.resolve("resources").relativize(p).toString()));
        }
        // Templates in subfolders (tag/…) compile into the matching package: tag/JtebuildrowGenerated.
        Path jte = module.resolve("jte");
        try (Stream<Path> templates = Files.walk(jte)) {
            templates.filter(p -> p.toString().endsWith(".jte")).map(jte::relativize).forEach(p -> expected.add(
                    "gg/jte/generated/precompiled/" + (p.getParent() == null ? "" : p.getParent() + "/") + "Jte"
                            + p.getFileName().toString().replace(".jte", "") + "Generated.class"));
        }
        // when
        Path artifact = FunctionArtifacts.of("InstallFunction");
        // then
        assertThat(expected).contains("dev/slipway/install/page/assets/slipway.css",
                "gg/jte/generated/precompiled/JtebuildGenerated.class");
        assertThat(expected).allSatisfy(file -> assertThat(artifact.resolve(file)).isRegularFile());
    }

    /** {@code aws-lambda-java-core-1.4.0.jar} → {@code aws-lambda-java-core}. */
    private static String withoutVersion(String jar) {
        return jar.replaceFirst("-[0-9][^-]*(-SNAPSHOT)?\\.jar$", "");
    }

    private static String eventClass(String id, Map<String, Object> function) {
        List<String> kinds = function.get("Events") == null ? mappedQueues(id)
                : Nodes.map(function.get("Events"), "Events").values().stream()
                .map(event -> (String) Nodes.map(event, "event").get("Type")).distinct().toList();
        assertThat(kinds).as("one kind of trigger per function").hasSize(1);
        assertThat(EVENT_CLASSES).containsKey(kinds.get(0));
        return EVENT_CLASSES.get(kinds.get(0));
    }

    /** A function without SAM events is triggered by event source mappings: SQS for each here. */
    private static List<String> mappedQueues(String function) {
        List<String> kinds = new ArrayList<>();
        for (String mapping : TEMPLATE.resourcesOfType("AWS::Lambda::EventSourceMapping")) {
            Map<String, Object> properties = TEMPLATE.properties(mapping);
            if (String.valueOf(properties.get("FunctionName")).contains(function)) {
                assertThat(String.valueOf(properties.get("EventSourceArn"))).contains("Queue");
                kinds.add("SQS");
            }
        }
        return kinds;
    }

    private static ParameterizedType requestHandlerOf(Class<?> type) {
        for (Type implemented : type.getGenericInterfaces()) {
            if (implemented instanceof ParameterizedType parameterized
                    && ((Class<?>) parameterized.getRawType()).getName().equals(REQUEST_HANDLER)) {
                return parameterized;
            }
        }
        throw new AssertionError(type.getName() + " does not implement " + REQUEST_HANDLER);
    }

    /** The root and every lib/ jar, over the platform loader only: nothing from the test's classpath. */
    private static URLClassLoader packageLoader(Path artifact) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(artifact.toUri().toURL());
        for (String jar : FunctionArtifacts.libJars(artifact)) {
            urls.add(artifact.resolve("lib").resolve(jar).toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
