package dev.slipway.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

class EndpointsTest {

    @Test
    void domain_everyRegionTheSdkKnows_isTheSdksDomain() {
        for (Region region : Region.regions()) {
            RegionMetadata metadata = region.metadata();
            if (metadata != null) {
                assertThat(Endpoints.domain(region.id())).as(region.id()).isEqualTo(metadata.domain());
            }
        }
    }

    @Test
    void domain_commonRegions_withoutTheSdk() {
        assertThat(Endpoints.domain("eu-west-3")).isEqualTo("amazonaws.com");
        assertThat(Endpoints.domain("us-gov-west-1")).isEqualTo("amazonaws.com");
        assertThat(Endpoints.domain("cn-northwest-1")).isEqualTo("amazonaws.com.cn");
    }
}
