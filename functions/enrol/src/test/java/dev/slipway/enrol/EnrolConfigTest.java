package dev.slipway.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrolConfigTest {
    private static final String LINK_SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:link-keys";
    private static final Map<String, String> ENV = Map.of("SLIPWAY_BUCKET", "b", "AWS_REGION", "eu-west-1",
            "SLIPWAY_LINK_SECRET_ARN", LINK_SECRET, "SLIPWAY_ORIGIN_SECRET", "s");

    @Test
    void fromEnvironment_noSigningSecret_servesUnsignedProfiles() {
        EnrolConfig config = EnrolConfig.fromEnvironment(ENV);

        assertThat(config.profileSigningSecretArn()).isEmpty();
        assertThat(config.linkSecretArn()).isEqualTo(LINK_SECRET);
    }

    @Test
    void fromEnvironment_signingSecretSet_keepsItsArnNotAKey() {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("SLIPWAY_PROFILE_SIGNING_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:profile-signing");

        assertThat(EnrolConfig.fromEnvironment(env).profileSigningSecretArn())
                .isEqualTo("arn:aws:secretsmanager:eu-west-1:123456789012:secret:profile-signing");
    }

    @Test
    void fromEnvironment_missingBucket_namesTheVariable() {
        assertThatThrownBy(() -> EnrolConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1", "SLIPWAY_LINK_SECRET_ARN",
                LINK_SECRET))).isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable SLIPWAY_BUCKET is not set");
    }

    @Test
    void fromEnvironment_missingLinkSecret_namesTheVariable() {
        assertThatThrownBy(() -> EnrolConfig.fromEnvironment(Map.of("SLIPWAY_BUCKET", "b", "AWS_REGION", "eu-west-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable SLIPWAY_LINK_SECRET_ARN is not set");
    }
}
