package dev.slipway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.aws.AwsRequestException;
import dev.slipway.aws.Credentials;
import dev.slipway.aws.SignedHttp;
import dev.slipway.fixtures.TestSecretsManager;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The wiring of {@link SecretsManagerSecret}: what request it sends and how it reads the answer.
 * No Secrets Manager runs here, so {@link TestSecretsManager} answers GetSecretValue in the service's
 * JSON protocol; this checks the request and the parsing only. The LocalStack suite checks the service.
 */
class SecretsManagerSecretTest {
    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:LinkSecret-AbCdEf";

    private TestSecretsManager secretsManager;

    @BeforeEach
    void start() throws IOException {
        secretsManager = TestSecretsManager.start();
    }

    @AfterEach
    void stop() {
        secretsManager.close();
    }

    private SecretsManagerSecret secret() {
        return SecretsManagerSecret.atEndpoint(secretsManager.endpoint(), "eu-west-1",
                () -> new Credentials("AKIDTEST", "secret", null), UrlConnectionHttpClient.create(), ARN);
    }

    @Test
    void get_secretString_isReturnedFromASignedGetSecretValue() {
        secretsManager.answerSecretString(ARN, "{\"current\":\"k1\"}");

        assertThat(secret().get()).isEqualTo("{\"current\":\"k1\"}");

        assertThat(secretsManager.requests()).containsExactly("POST secretsmanager.GetSecretValue "
                + "application/x-amz-json-1.1 {\"SecretId\":\"" + ARN + "\"} signed=true");
    }

    @Test
    void get_binarySecret_saysItIsNotAString() {
        secretsManager.answer(200, "{\"ARN\":\"" + ARN + "\",\"Name\":\"LinkSecret-AbCdEf\",\"SecretBinary\":\"AAEC\","
                + "\"VersionId\":\"v1\"}");

        assertThatThrownBy(() -> secret().get()).isInstanceOf(IllegalStateException.class)
                .hasMessage("secret " + ARN + " holds binary data, not the key ring's string");
    }

    @Test
    void get_noSuchSecret_isTheServicesError() {
        secretsManager.answer(400, "{\"__type\":\"ResourceNotFoundException\","
                + "\"Message\":\"Secrets Manager can't find the specified secret.\"}");

        assertThatThrownBy(() -> secret().get())
                .isInstanceOf(AwsRequestException.class)
                .hasMessage("Secrets Manager can't find the specified secret. (Secrets Manager, GetSecretValue for " + ARN
                        + ": 400 ResourceNotFoundException)");
    }

    @Test
    void get_serviceUnavailable_isTriedThreeTimesEachSigned() {
        // given an endpoint answering 503 (no back-off between attempts here)
        secretsManager.answer(503, "{\"__type\":\"ServiceUnavailable\"}");
        SecretsManagerSecret secret = new SecretsManagerSecret(secretsManager.endpoint(), new SignedHttp("secretsmanager",
                "eu-west-1", () -> new Credentials("AKIDTEST", "secret", null), UrlConnectionHttpClient.create(), Duration.ZERO), ARN);

        // when / then
        assertThatThrownBy(secret::get).isInstanceOf(AwsRequestException.class)
                .hasMessage("Secrets Manager refused GetSecretValue for " + ARN + ": 503 ServiceUnavailable");
        assertThat(secretsManager.requests()).hasSize(3).allSatisfy(r -> assertThat(r).endsWith("signed=true"));
    }
}
