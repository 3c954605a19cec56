package dev.slipway.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstallConfigTest {
    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:LinkSecret-AbCdEf";

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("SLIPWAY_BUCKET", "slipway-abc");
        env.put("AWS_REGION", "eu-west-1");
        env.put("SLIPWAY_LINK_SECRET_ARN", SECRET_ARN);
        env.put("SLIPWAY_DOWNLOAD_TTL_MINUTES", "10");
        env.put("SLIPWAY_CUSTOM_DOMAIN", "");
        env.put("SLIPWAY_ORIGIN_SECRET", "cloudfront-origin-secret");
        return env;
    }

    @Test
    void fromEnvironment_templateVariables_areRead() {
        InstallConfig config = InstallConfig.fromEnvironment(env());

        assertThat(config.bucket()).isEqualTo("slipway-abc");
        assertThat(config.downloadTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.linkSecretArn()).isEqualTo(SECRET_ARN);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', nullValues = "unset", value = {
            "SLIPWAY_LINK_SECRET_ARN      | unset | environment variable SLIPWAY_LINK_SECRET_ARN is not set",
            "SLIPWAY_DOWNLOAD_TTL_MINUTES | 600   | environment variable SLIPWAY_DOWNLOAD_TTL_MINUTES must be 1 to 60",
            "SLIPWAY_ORIGIN_SECRET        | unset | environment variable SLIPWAY_ORIGIN_SECRET is not set"})
    void fromEnvironment_variableUnsetOrOutOfRange_namesTheVariable(String variable, String value, String message) {
        // given
        Map<String, String> env = env();
        if (value == null) {
            env.remove(variable);
        } else {
            env.put(variable, value);
        }

        // when / then
        assertThatThrownBy(() -> InstallConfig.fromEnvironment(env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}: prime at init {1}")
    @CsvSource(nullValues = "unset", value = {"on-demand, false", "snap-start, true", "provisioned-concurrency, true",
            "unset, true"})
    void fromEnvironment_initialisationType_primesWhenInitialisationRunsAheadOfRequests(String type, boolean prime) {
        // given: on-demand, a request waits for initialisation and its own work, so priming only lengthens that
        Map<String, String> env = env();
        if (type != null) {
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", type);
        }

        // when / then
        assertThat(InstallConfig.fromEnvironment(env).primeAtInit()).isEqualTo(prime);
    }
}
