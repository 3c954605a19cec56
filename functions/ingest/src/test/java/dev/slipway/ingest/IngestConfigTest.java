package dev.slipway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class IngestConfigTest {

    @Test
    void fromEnvironment_templateVariables_areRead() {
        IngestConfig config = IngestConfig.fromEnvironment(Map.of("SLIPWAY_BUCKET", "slipway-abc", "AWS_REGION", "eu-west-1"));

        assertThat(config).isEqualTo(new IngestConfig("slipway-abc", Region.EU_WEST_1, null));
    }

    @Test
    void fromEnvironment_missingBucket_namesTheVariable() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable SLIPWAY_BUCKET is not set");
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

    @Test
    void fromEnvironment_topicWithoutSite_namesTheVariable() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("SLIPWAY_BUCKET", "slipway-abc", "AWS_REGION",
                "eu-west-1", "SLIPWAY_NOTICE_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:t")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable SLIPWAY_SITE_URL is not set");
    }

    @Test
    void fromEnvironment_linkTtlBeyondAPageToken_namesTheLimit() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("SLIPWAY_BUCKET", "slipway-abc", "AWS_REGION",
                "eu-west-1", "SLIPWAY_NOTICE_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:t",
                "SLIPWAY_SITE_URL", "https://install.example.com", "SLIPWAY_LINK_SECRET_ARN", "arn",
                "SLIPWAY_NOTICE_LINK_TTL_DAYS", "401")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable SLIPWAY_NOTICE_LINK_TTL_DAYS must be 1 to 400");
    }
}
