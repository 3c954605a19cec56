package dev.slipway.deploy;

import static dev.slipway.deploy.BucketTemplateTest.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How each function runs and what triggers it. */
class FunctionTemplateTest {
    private static final Template TEMPLATE = Template.load();

    private final Stack stack = new Stack(TEMPLATE);

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.slipway.deploy.Template#functionIds")
    void function_runsJava21OnArm64_fromSnapStartedPublishedVersions(String function) {
        // when
        Map<String, Object> properties = stack.function(function);
        // then
        assertThat(properties.get("Runtime")).isEqualTo("java21");
        assertThat(properties.get("Architectures")).isEqualTo(List.of("arm64"));
        assertThat(properties.get("SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
        // SnapStart snapshots published versions only; every change must publish one, or the alias
        // keeps an old configuration.
        assertThat(properties.get("AutoPublishAlias")).isEqualTo("live");
        assertThat(properties.get("AutoPublishAliasAllProperties")).isEqualTo(true);
        assertThat(properties.get("MemorySize")).isEqualTo(1024);
        assertThat(properties.get("LoggingConfig")).isEqualTo(Map.of("LogFormat", "JSON"));
    }

    @Test
    void timeouts_fitWhatEachFunctionDoesAndWhatCallsIt() {
        // when
        Object ingest = stack.function("IngestFunction").get("Timeout");
        Object install = stack.function("InstallFunction").get("Timeout");
        Object notify = stack.function("NotifyFunction").get("Timeout");
        // then: the HTTP API gives up on an integration after 30 s; the notice queue's visibility
        // timeout is six times the notify function's, as Lambda's SQS poller needs
        assertThat(ingest).isEqualTo(120);
        assertThat(install).isEqualTo(15);
        assertThat(notify).isEqualTo(120);
        assertThat(stack.properties("NoticeQueue").get("VisibilityTimeout")).isEqualTo(6 * 120);
    }

    @Test
    void ingest_isTriggeredOnlyByIpaFilesCreatedUnderUploads() {
        // when
        Object events = stack.function("IngestFunction").get("Events");
        // then
        assertThat(events).isEqualTo(Map.of("Upload", Map.of(
                "Type", "S3",
                "Properties", Map.of(
                        "Bucket", BUCKET,
                        "Events", "s3:ObjectCreated:*",
                        "Filter", Map.of("S3Key", Map.of("Rules", List.of(
                                Map.of("Name", "prefix", "Value", "uploads/"),
                                Map.of("Name", "suffix", "Value", ".ipa"))))))));
    }

    @Test
    void ingest_retriesTwiceThenSendsTheEventToTheDeadLetterQueue() {
        // when
        Object invokeConfig = stack.function("IngestFunction").get("EventInvokeConfig");
        Object retention = stack.properties("DeadLetterQueue").get("MessageRetentionPeriod");
        // then
        assertThat(invokeConfig).isEqualTo(Map.of(
                "MaximumRetryAttempts", 2,
                "MaximumEventAgeInSeconds", 21600,
                "DestinationConfig", Map.of("OnFailure", Map.of("Type", "SQS", "Destination", "{DeadLetterQueue.Arn}"))));
        assertThat(retention).as("SQS's maximum, 14 days").isEqualTo(1209600);
    }

    @Test
    void ingest_terminatesRecursiveLoops() {
        // when
        Object recursiveLoop = stack.function("IngestFunction").get("RecursiveLoop");
        // then
        assertThat(recursiveLoop).isEqualTo("Terminate");
    }

    @Test
    void ingest_reservesConcurrency_unlessToldToReserveNone() {
        // given
        Stack none = new Stack(TEMPLATE, Map.of("IngestConcurrency", "0"));
        // when
        Object reserved = stack.function("IngestFunction").get("ReservedConcurrentExecutions");
        // then: 0 drops the property rather than reserving zero, which would stop every ingest
        assertThat(reserved).isEqualTo(5);
        assertThat(none.function("IngestFunction")).doesNotContainKey("ReservedConcurrentExecutions");
    }

    @Test
    void install_answersGetAndHeadOnEveryPath_throughTheHttpApiWithPayload2() {
        // when
        Map<String, Object> events = Nodes.map(stack.function("InstallFunction").get("Events"), "Events");
        // then: HEAD gets its own route, like GET, on the root and on every path
        assertThat(events.values()).containsExactlyInAnyOrder(
                route("GET", "/"), route("HEAD", "/"), route("GET", "/{proxy+}"), route("HEAD", "/{proxy+}"));
    }

    private static Map<String, Object> route(String method, String path) {
        return Map.of("Type", "HttpApi", "Properties",
                Map.of("ApiId", "{HttpApi}", "Path", path, "Method", method, "PayloadFormatVersion", "2.0"));
    }
}
