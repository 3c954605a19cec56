package dev.slipway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * No Secrets Manager runs here, so an in-process HTTP server answers GetSecretValue in the service's
 * JSON protocol (awsJson1_1, as AWS documents it); this checks the client's wiring only. The real
 * service's behaviour is checked by the LocalStack suite where Docker runs.
 */
class SecretsManagerSecretTest {
    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:LinkSecret-AbCdEf";

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("X-Amz-Target") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + " signed="
                    + exchange.getRequestHeaders().getFirst("Authorization").startsWith("AWS4-HMAC-SHA256 "));
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private SecretsManagerClient client() {
        return SecretsManagerClient.builder().region(Region.EU_WEST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void get_secretString_isReturnedFromASignedGetSecretValue() {
        body = "{\"ARN\":\"" + ARN + "\",\"Name\":\"LinkSecret-AbCdEf\",\"SecretString\":\"{\\\"current\\\":\\\"k1\\\"}\","
                + "\"VersionId\":\"v1\",\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1.764E9}";

        try (SecretsManagerClient client = client()) {
            assertThat(new SecretsManagerSecret(client, ARN).get()).isEqualTo("{\"current\":\"k1\"}");
        }

        assertThat(requests).containsExactly("POST secretsmanager.GetSecretValue application/x-amz-json-1.1 {\"SecretId\":\""
                + ARN + "\"} signed=true");
    }

    @Test
    void get_binarySecret_saysItIsNotAString() {
        body = "{\"ARN\":\"" + ARN + "\",\"Name\":\"LinkSecret-AbCdEf\",\"SecretBinary\":\"AAEC\",\"VersionId\":\"v1\"}";

        try (SecretsManagerClient client = client()) {
            assertThatThrownBy(() -> new SecretsManagerSecret(client, ARN).get()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("secret " + ARN + " holds binary data, not the key ring's string");
        }
    }

    @Test
    void get_noSuchSecret_isTheServicesError() {
        status = 400;
        body = "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}";

        try (SecretsManagerClient client = client()) {
            assertThatThrownBy(() -> new SecretsManagerSecret(client, ARN).get())
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageStartingWith("Secrets Manager can't find the specified secret.");
        }
    }
}
