package dev.slipway.access;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.aws.AwsRequestException;
import dev.slipway.aws.CredentialsSource;
import dev.slipway.aws.Endpoints;
import dev.slipway.aws.JdkHttp;
import dev.slipway.aws.SdkCredentials;
import dev.slipway.aws.SignedHttp;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The current string of one Secrets Manager secret, read on every {@link #get()} (wrap it in
 * {@link SecretKeySource} to cache it). Needs {@code secretsmanager:GetSecretValue} on that secret.
 *
 * <p>One signed POST of the service's JSON protocol ({@code X-Amz-Target:
 * secretsmanager.GetSecretValue}) through {@link SignedHttp}, not the SDK's Secrets Manager client:
 * the functions read one secret at init, and that client (its JSON protocol and endpoint rules)
 * cost them cold start and package size.
 */
public final class SecretsManagerSecret implements Supplier<String> {
    /** Where a Secrets Manager-compatible endpoint is configured, as the SDK reads it. */
    public static final String ENDPOINT = "AWS_ENDPOINT_URL_SECRETS_MANAGER";
    private static final String JSON_1_1 = "application/x-amz-json-1.1";

    private final URI endpoint;
    private final SignedHttp http;
    private final String secretId;

    SecretsManagerSecret(URI endpoint, SignedHttp http, String secretId) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.http = Objects.requireNonNull(http, "http");
        this.secretId = Objects.requireNonNull(secretId, "secretId");
    }

    /**
     * As a function finds the service: credentials from the SDK's default chain, requests through
     * the JDK's {@code HttpURLConnection} ({@link JdkHttp}), the region's endpoint or the one {@value #ENDPOINT} (or its system
     * property, or the ones for every service, {@link Endpoints#configured}) names.
     *
     * @param region the secret's region
     * @param secretId the secret's ARN or name
     */
    public static SecretsManagerSecret fromEnvironment(Map<String, String> env, String region, String secretId) {
        return fromEnvironment(env, region, secretId, SdkCredentials.defaultChain());
    }

    /** The same with these credentials (a function shares one source between its clients). */
    public static SecretsManagerSecret fromEnvironment(Map<String, String> env, String region, String secretId,
                                                       CredentialsSource credentials) {
        Optional<URI> configured = Endpoints.configured(env, ENDPOINT, "aws.endpointUrlSecretsManager");
        URI endpoint = configured.isPresent() ? configured.get()
                : URI.create("https://secretsmanager." + region + "." + Endpoints.domain(region));
        return new SecretsManagerSecret(endpoint, new SignedHttp("secretsmanager", region, credentials, new JdkHttp(),
                SignedHttp.BACKOFF), secretId);
    }

    /**
     * The secret at this endpoint (the path, if any, is where requests are posted).
     *
     * @param secretId the secret's ARN or name
     */
    public static SecretsManagerSecret atEndpoint(URI endpoint, String region, CredentialsSource credentials,
                                                  SdkHttpClient http, String secretId) {
        return new SecretsManagerSecret(endpoint, new SignedHttp("secretsmanager", region, credentials, http,
                SignedHttp.BACKOFF), secretId);
    }

    /**
     * @throws AwsRequestException if Secrets Manager refuses (its message first, then its error type) or cannot be reached
     * @throws IllegalStateException if the secret holds binary data rather than a string
     */
    @Override
    public String get() {
        byte[] body;
        try {
            body = JSON.std.asBytes(Map.of("SecretId", secretId));
        } catch (IOException e) {
            throw new IllegalStateException("a one-string map always serialises", e);
        }
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .protocol(endpoint.getScheme())
                .host(endpoint.getHost())
                .port(endpoint.getPort())
                .encodedPath(path)
                .putHeader("X-Amz-Target", "secretsmanager.GetSecretValue")
                .putHeader("Content-Type", JSON_1_1)
                .putHeader("Content-Length", String.valueOf(body.length))
                .build();
        String what = "GetSecretValue for " + secretId;
        SignedHttp.Answer answer = http.send(request, body, what);
        Map<String, Object> json = parse(answer.body(), what);
        if (!answer.ok()) {
            // The protocol's error: {"__type": "[namespace#]ResourceNotFoundException", "Message": "…"}.
            // Like the SDK's exceptions, the service's own message first: callers show the first line.
            String type = String.valueOf(json.getOrDefault("__type", ""));
            String refused = what + ": " + answer.status() + " " + type.substring(type.indexOf('#') + 1);
            Object message = json.containsKey("Message") ? json.get("Message") : json.get("message");
            throw new AwsRequestException(message == null ? "Secrets Manager refused " + refused
                    : message + " (Secrets Manager, " + refused + ")");
        }
        if (!(json.get("SecretString") instanceof String secret)) {
            throw new IllegalStateException("secret " + secretId + " holds binary data, not the key ring's string");
        }
        return secret;
    }

    private static Map<String, Object> parse(byte[] body, String what) {
        if (body.length == 0) {
            return Map.of();
        }
        try {
            return JSON.std.mapFrom(body);
        } catch (IOException | RuntimeException e) {
            throw new AwsRequestException(what + ": Secrets Manager answered with malformed JSON", e);
        }
    }
}
