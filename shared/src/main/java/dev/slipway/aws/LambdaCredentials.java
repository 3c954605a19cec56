package dev.slipway.aws;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The credentials Lambda hands a function, in the order the SDK's default chain finds them there,
 * without the rest of that chain (system properties, web identity, profile files, SSO, process,
 * EC2 metadata: some 300 classes at cold start for sources a function never has):
 * <ol>
 *   <li>the variables {@value #ACCESS_KEY_ID}, {@value #SECRET_ACCESS_KEY} and {@value #SESSION_TOKEN}
 *       (on-demand and provisioned functions; {@code sam local} and the tests set them too);</li>
 *   <li>the container credentials endpoint, {@value #FULL_URI} with the token in
 *       {@value #AUTHORIZATION_TOKEN} (or the file {@value #AUTHORIZATION_TOKEN_FILE} names), or
 *       {@value #RELATIVE_URI} on ECS's address: what SnapStart functions get instead of the variables,
 *       since a snapshot must not carry the publishing session's keys. Its answer is kept until five
 *       minutes before it expires, and dropped by {@link #expire()} (a SnapStart restore calls it).</li>
 * </ol>
 * The variables are read from the map given at construction ({@code System.getenv()}, fixed for the
 * life of the JVM, restored ones included). Thread-safe.
 */
public final class LambdaCredentials implements CredentialsSource {
    public static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    public static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";
    public static final String FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    public static final String RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
    public static final String AUTHORIZATION_TOKEN = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
    public static final String AUTHORIZATION_TOKEN_FILE = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";
    /** ECS's endpoint, which {@value #RELATIVE_URI} is relative to. */
    private static final String ECS_ENDPOINT = "http://169.254.170.2";
    /** The link-local addresses ECS and EKS serve credentials on over plain HTTP (as the SDK allows them). */
    private static final Set<String> CONTAINER_HOSTS = Set.of("169.254.170.2", "169.254.170.23", "[fd00:ec2::23]");
    /** Credentials this close to their expiry are fetched anew. */
    static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);
    private static final int ATTEMPTS = 3;
    private static final int CONNECT_TIMEOUT_MS = 1_000;
    private static final int READ_TIMEOUT_MS = 2_000;
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final Map<String, String> env;
    private final Clock clock;
    private Credentials cached;
    private Instant expires;

    /** @param env the process's environment ({@code System.getenv()}) */
    public LambdaCredentials(Map<String, String> env, Clock clock) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** As a function reads them: from its environment, on the system clock. */
    public static LambdaCredentials fromEnvironment() {
        return new LambdaCredentials(System.getenv(), Clock.systemUTC());
    }

    /**
     * @throws AwsRequestException naming the variables looked for if there are none, or if the
     *     container endpoint cannot be reached or answers with no credentials
     */
    @Override
    public Credentials resolve() {
        String id = env.get(ACCESS_KEY_ID);
        String secret = env.get(SECRET_ACCESS_KEY);
        if (present(id) && present(secret)) {
            return new Credentials(id.trim(), secret.trim(), present(env.get(SESSION_TOKEN)) ? env.get(SESSION_TOKEN).trim() : null);
        }
        URI endpoint = containerEndpoint();
        if (endpoint == null) {
            throw new AwsRequestException("no AWS credentials: neither " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY
                    + " nor " + FULL_URI + " or " + RELATIVE_URI + " is set");
        }
        synchronized (this) {
            if (cached == null || (expires != null && !clock.instant().isBefore(expires.minus(REFRESH_BEFORE)))) {
                fetch(endpoint);
            }
            return cached;
        }
    }

    /** Forgets the container credentials held, so the next signature fetches fresh ones (after a SnapStart restore). */
    public synchronized void expire() {
        cached = null;
        expires = null;
    }

    private URI containerEndpoint() {
        if (present(env.get(FULL_URI))) {
            URI uri = URI.create(env.get(FULL_URI).trim());
            if (!"https".equals(uri.getScheme()) && !allowedOverHttp(uri)) {
                throw new AwsRequestException(FULL_URI + " must be https, or http on a loopback or container address: "
                        + uri.getHost() + " is neither");
            }
            return uri;
        }
        return present(env.get(RELATIVE_URI)) ? URI.create(ECS_ENDPOINT + env.get(RELATIVE_URI).trim()) : null;
    }

    private static boolean allowedOverHttp(URI uri) {
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            return false;
        }
        if (CONTAINER_HOSTS.contains(uri.getHost())) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void fetch(URI endpoint) {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                read(endpoint);
                return;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new AwsRequestException("the container credentials endpoint failed " + ATTEMPTS + " times: "
                + last.getMessage(), last);
    }

    private void read(URI endpoint) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(READ_TIMEOUT_MS);
        connection.setInstanceFollowRedirects(false);
        connection.setRequestProperty("Accept", "application/json");
        String token = authorizationToken();
        if (token != null) {
            connection.setRequestProperty("Authorization", token);
        }
        try {
            int status = connection.getResponseCode();
            if (status / 100 != 2) {
                // 4xx is the endpoint refusing this token: asking again will not change its mind.
                AwsRequestException refused = new AwsRequestException("the container credentials endpoint answered " + status);
                if (status / 100 == 4) {
                    throw refused;
                }
                throw new IOException(refused.getMessage());
            }
            byte[] body;
            try (InputStream in = connection.getInputStream()) {
                body = in.readNBytes(MAX_ANSWER_BYTES + 1);
            }
            if (body.length > MAX_ANSWER_BYTES) {
                throw new AwsRequestException("the container credentials endpoint answered past " + MAX_ANSWER_BYTES + " bytes");
            }
            parse(body);
        } finally {
            connection.disconnect();
        }
    }

    private String authorizationToken() throws IOException {
        if (present(env.get(AUTHORIZATION_TOKEN))) {
            return env.get(AUTHORIZATION_TOKEN).trim();
        }
        if (present(env.get(AUTHORIZATION_TOKEN_FILE))) {
            return Files.readString(Path.of(env.get(AUTHORIZATION_TOKEN_FILE).trim()), StandardCharsets.UTF_8).trim();
        }
        return null;
    }

    /** {@code {"AccessKeyId": …, "SecretAccessKey": …, "Token": …, "Expiration": "2026-12-03T18:00:00Z"}}. */
    private void parse(byte[] body) {
        Map<String, Object> json;
        try {
            json = JSON.std.mapFrom(body);
        } catch (IOException | RuntimeException e) {
            throw new AwsRequestException("the container credentials endpoint answered with malformed JSON", e);
        }
        if (!(json.get("AccessKeyId") instanceof String id) || !(json.get("SecretAccessKey") instanceof String secret)) {
            throw new AwsRequestException("the container credentials endpoint answered without AccessKeyId and SecretAccessKey");
        }
        Instant expiration = null;
        if (json.get("Expiration") instanceof String text) {
            try {
                expiration = Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new AwsRequestException("the container credentials endpoint answered an unreadable Expiration " + text, e);
            }
        }
        cached = new Credentials(id, secret, json.get("Token") instanceof String token ? token : null);
        expires = expiration;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
