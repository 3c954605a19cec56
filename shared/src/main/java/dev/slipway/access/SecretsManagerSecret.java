package dev.slipway.access;

import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * The current string of one Secrets Manager secret, read on every {@link #get()} (wrap it in
 * {@link SecretKeySource} to cache it). Needs {@code secretsmanager:GetSecretValue} on that secret.
 */
public final class SecretsManagerSecret implements Supplier<String> {
    private final SecretsManagerClient client;
    private final String secretId;

    /**
     * @param client a client for the secret's region
     * @param secretId the secret's ARN or name
     */
    public SecretsManagerSecret(SecretsManagerClient client, String secretId) {
        this.client = Objects.requireNonNull(client, "client");
        this.secretId = Objects.requireNonNull(secretId, "secretId");
    }

    /** A client with the same small HTTP stack as the S3 clients (no Netty, no Apache). */
    public static SecretsManagerClient client(Region region) {
        return SecretsManagerClient.builder().region(region).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /**
     * @throws software.amazon.awssdk.core.exception.SdkException if Secrets Manager refuses or cannot be reached
     * @throws IllegalStateException if the secret holds binary data rather than a string
     */
    @Override
    public String get() {
        GetSecretValueResponse response = client.getSecretValue(b -> b.secretId(secretId));
        if (response.secretString() == null) {
            throw new IllegalStateException("secret " + secretId + " holds binary data, not the key ring's string");
        }
        return response.secretString();
    }
}
