package dev.slipway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.regions.Region;

class IngestConfigTest {

    @Test
    void fromEnvironment_templateVariables_areRead() {
        IngestConfig config = IngestConfig.fromEnvironment(Map.of("SLIPWAY_BUCKET", "slipway-abc", "AWS_REGION", "eu-west-1"));

        assertThat(config).isEqualTo(new IngestConfig("slipway-abc", Region.EU_WEST_1, null));
    }

    @Test
    void fromEnvironment_topicSet_readsTheNoticeSettings() {
        IngestConfig config = IngestConfig.fromEnvironment(Map.of("SLIPWAY_BUCKET", "slipway-abc", "AWS_REGION", "eu-west-1",
                "SLIPWAY_NOTICE_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:slipway-notices",
                "SLIPWAY_SITE_URL", "https://install.example.com",
                "SLIPWAY_LINK_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:links",
                "SLIPWAY_NOTICE_LINK_TTL_DAYS", "14"));

        assertThat(config.notices().topicArn()).isEqualTo("arn:aws:sns:eu-west-1:123456789012:slipway-notices");
        assertThat(config.notices().site()).isEqualTo(URI.create("https://install.example.com"));
        assertThat(config.notices().linkTtl()).isEqualTo(Duration.ofDays(14));
        assertThat(config.notices().linkSecretArn()).isEqualTo("arn:aws:secretsmanager:eu-west-1:123456789012:secret:links");
    }

    static Stream<Arguments> incompleteEnvironments() {
        Map<String, String> bucket = Map.of("SLIPWAY_BUCKET", "slipway-abc", "AWS_REGION", "eu-west-1");
        Map<String, String> topic = with(bucket, "SLIPWAY_NOTICE_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:t");
        return Stream.of(
                Arguments.of(Named.of("no bucket", Map.of("AWS_REGION", "eu-west-1")),
                        "environment variable SLIPWAY_BUCKET is not set"),
                Arguments.of(Named.of("a notice topic without a site", topic),
                        "environment variable SLIPWAY_SITE_URL is not set"),
                Arguments.of(Named.of("a notice link TTL beyond a page token's", with(with(with(topic,
                        "SLIPWAY_SITE_URL", "https://install.example.com"), "SLIPWAY_LINK_SECRET_ARN", "arn"),
                        "SLIPWAY_NOTICE_LINK_TTL_DAYS", "401")),
                        "environment variable SLIPWAY_NOTICE_LINK_TTL_DAYS must be 1 to 400"));
    }

    private static Map<String, String> with(Map<String, String> environment, String name, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(name, value);
        return more;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incompleteEnvironments")
    void fromEnvironment_incomplete_namesTheVariable(Map<String, String> environment, String message) {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(environment)).isInstanceOf(IllegalStateException.class)
                .hasMessage(message);
    }
}
