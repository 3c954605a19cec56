package dev.slipway.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrolConfigTest {
    private static final Map<String, String> ENV = Map.of("SLIPWAY_BUCKET", "b", "AWS_REGION", "eu-west-1",
            "SLIPWAY_LINK_KEYS", "x".repeat(40), "SLIPWAY_ORIGIN_SECRET", "s");

    @Test
    void fromEnvironment_noSigningPem_servesUnsignedProfiles() {
        assertThat(EnrolConfig.fromEnvironment(ENV).profileSigner()).isEmpty();
    }

    @Test
    void fromEnvironment_missingBucket_namesTheVariable() {
        assertThatThrownBy(() -> EnrolConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1", "SLIPWAY_LINK_KEYS", "x".repeat(40))))
                .isInstanceOf(IllegalStateException.class).hasMessage("environment variable SLIPWAY_BUCKET is not set");
    }

    @Test
    void fromEnvironment_signingPemWithoutKey_namesTheVariable() {
        java.util.HashMap<String, String> env = new java.util.HashMap<>(ENV);
        env.put("SLIPWAY_PROFILE_SIGNING_PEM", TestDeviceChain.create().caPem());

        assertThatThrownBy(() -> EnrolConfig.fromEnvironment(env)).isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable SLIPWAY_PROFILE_SIGNING_PEM: profile signing PEM has no private key");
    }
}
