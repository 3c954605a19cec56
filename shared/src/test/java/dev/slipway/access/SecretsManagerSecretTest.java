package dev.slipway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.fixtures.TestSecretsManager;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The SDK wiring of {@link SecretsManagerSecret}: what request it sends and how it reads the answer.
 * No Secrets Manager runs here, so {@link TestSecretsManager} answers GetSecretValue in the service's
 * JSON protocol; this checks the client's wiring only. The LocalStack suite checks the service.
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

    private SecretsManagerClient client() {
        return SecretsManagerClient.builder().region(Region.EU_WEST_1).endpointOverride(secretsManager.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void get_secretString_isReturnedFromASignedGetSecretValue() {
        secretsManager.answerSecretString(ARN, "{\"current\":\"k1\"}");

        try (SecretsManagerClient client = client()) {
            assertThat(new SecretsManagerSecret(client, ARN).get()).isEqualTo("{\"current\":\"k1\"}");
        }

        assertThat(secretsManager.requests()).containsExactly("POST secretsmanager.GetSecretValue "
                + "application/x-amz-json-1.1 {\"SecretId\":\"" + ARN + "\"} signed=true");
    }

    @Test
    void get_binarySecret_saysItIsNotAString() {
        secretsManager.answer(200, "{\"ARN\":\"" + ARN + "\",\"Name\":\"LinkSecret-AbCdEf\",\"SecretBinary\":\"AAEC\","
                + "\"VersionId\":\"v1\"}");

        try (SecretsManagerClient client = client()) {
            assertThatThrownBy(() -> new SecretsManagerSecret(client, ARN).get()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("secret " + ARN + " holds binary data, not the key ring's string");
        }
    }

    @Test
    void get_noSuchSecret_isTheServicesError() {
        secretsManager.answer(400, "{\"__type\":\"ResourceNotFoundException\","
                + "\"Message\":\"Secrets Manager can't find the specified secret.\"}");

        try (SecretsManagerClient client = client()) {
            assertThatThrownBy(() -> new SecretsManagerSecret(client, ARN).get())
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageStartingWith("Secrets Manager can't find the specified secret.");
        }
    }
}
