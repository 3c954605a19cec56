package dev.slipway.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lambda's two sources of credentials, the container endpoint served here as Lambda serves it. */
class LambdaCredentialsTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private HttpServer endpoint;
    private final AtomicInteger served = new AtomicInteger();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String expiration = "2026-12-03T18:00:00Z";

    @BeforeEach
    void start() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/2018-06-01/credentials", exchange -> {
            tokens.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            int n = served.incrementAndGet();
            byte[] body = ("{\"AccessKeyId\":\"ASIA" + n + "\",\"SecretAccessKey\":\"secret" + n + "\",\"Token\":\"token" + n
                    + "\",\"Expiration\":\"" + expiration + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
    }

    private Map<String, String> container() {
        return Map.of(LambdaCredentials.FULL_URI, "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/2018-06-01/credentials",
                LambdaCredentials.AUTHORIZATION_TOKEN, "lambda-token");
    }

    @Test
    void resolve_accessKeyVariables_comeFirstWithTheirSessionToken() {
        // given both sources, as an on-demand function has them
        Map<String, String> env = new java.util.HashMap<>(container());
        env.putAll(Map.of(LambdaCredentials.ACCESS_KEY_ID, "ASIAENV", LambdaCredentials.SECRET_ACCESS_KEY, "envsecret",
                LambdaCredentials.SESSION_TOKEN, "envtoken"));

        // when
        Credentials credentials = new LambdaCredentials(env, CLOCK).resolve();

        // then
        assertThat(credentials).isEqualTo(new Credentials("ASIAENV", "envsecret", "envtoken"));
        assertThat(served).hasValue(0);
    }

    @Test
    void resolve_containerEndpoint_isAskedOnceWithItsTokenAndKept() {
        // given a SnapStart function's environment: the endpoint, no keys
        LambdaCredentials source = new LambdaCredentials(container(), CLOCK);

        // when
        Credentials first = source.resolve();
        Credentials second = source.resolve();

        // then
        assertThat(first).isEqualTo(new Credentials("ASIA1", "secret1", "token1")).isSameAs(second);
        assertThat(tokens).containsExactly("lambda-token");
    }

    @Test
    void resolve_credentialsWithinFiveMinutesOfExpiry_areFetchedAnew() {
        // given credentials that expire in four minutes
        expiration = NOW.plusSeconds(240).toString();
        LambdaCredentials source = new LambdaCredentials(container(), CLOCK);

        // when
        source.resolve();
        Credentials second = source.resolve();

        // then
        assertThat(second.accessKeyId()).isEqualTo("ASIA2");
    }

    @Test
    void expire_afterRestore_nextResolveFetchesFresh() {
        // given credentials fetched before a snapshot
        LambdaCredentials source = new LambdaCredentials(container(), CLOCK);
        source.resolve();

        // when
        source.expire();

        // then
        assertThat(source.resolve().accessKeyId()).isEqualTo("ASIA2");
    }

    @Test
    void resolve_endpointRefuses_failsNamingTheStatusWithoutRetrying() {
        status = 403;

        assertThatThrownBy(() -> new LambdaCredentials(container(), CLOCK).resolve())
                .isInstanceOf(AwsRequestException.class)
                .hasMessage("the container credentials endpoint answered 403");
        assertThat(served).hasValue(1);
    }

    @Test
    void resolve_noSource_failsNamingTheVariables() {
        assertThatThrownBy(() -> new LambdaCredentials(Map.of(), CLOCK).resolve())
                .isInstanceOf(AwsRequestException.class)
                .hasMessage("no AWS credentials: neither AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY nor "
                        + "AWS_CONTAINER_CREDENTIALS_FULL_URI or AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is set");
    }

    @Test
    void resolve_plainHttpToAnotherHost_isRefusedBeforeSendingTheToken() {
        // given an endpoint that would receive the token in clear over the network
        Map<String, String> env = Map.of(LambdaCredentials.FULL_URI, "http://192.0.2.1/credentials",
                LambdaCredentials.AUTHORIZATION_TOKEN, "lambda-token");

        assertThatThrownBy(() -> new LambdaCredentials(env, CLOCK).resolve())
                .isInstanceOf(AwsRequestException.class)
                .hasMessage("AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http on a loopback or container address: "
                        + "192.0.2.1 is neither");
    }

    @Test
    void toString_namesTheKeyIdOnly() {
        assertThat(new Credentials("AKID", "secret", "token")).hasToString("Credentials[AKID]");
    }
}
