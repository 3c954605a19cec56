package dev.slipway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class IngestConfigTest {

    @Test
    void fromEnvironment_templateVariables_areRead() {
        IngestConfig config = IngestConfig.fromEnvironment(Map.of("SLIPWAY_BUCKET", "slipway-abc", "AWS_REGION", "eu-west-1"));

        assertThat(config).isEqualTo(new IngestConfig("slipway-abc", Region.EU_WEST_1));
    }

    @Test
    void fromEnvironment_missingBucket_namesTheVariable() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable SLIPWAY_BUCKET is not set");
    }
}
