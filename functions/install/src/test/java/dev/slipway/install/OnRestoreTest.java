package dev.slipway.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.access.KeyRing;
import dev.slipway.access.SecretKeySource;
import dev.slipway.aws.LambdaCredentials;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a SnapStart restore must not keep from the snapshot: the publishing session's credentials, the keys read then. */
class OnRestoreTest {

    @Test
    void afterRestore_snapshotsCredentialsAndKeys_areFetchedAnewOnNextUse() throws Exception {
        // given credentials from the container endpoint (as a SnapStart function has them) and keys, both read at init
        AtomicInteger credentialFetches = new AtomicInteger();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/credentials", exchange -> {
            byte[] body = ("{\"AccessKeyId\":\"ASIA" + credentialFetches.incrementAndGet() + "\",\"SecretAccessKey\":\"s\","
                    + "\"Token\":\"t\",\"Expiration\":\"2099-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        endpoint.start();
        try {
            LambdaCredentials credentials = new LambdaCredentials(Map.of(LambdaCredentials.FULL_URI,
                    "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/credentials",
                    LambdaCredentials.AUTHORIZATION_TOKEN, "token"), Clock.systemUTC());
            AtomicInteger secretReads = new AtomicInteger();
            String ring = KeyRing.generate().toSecretJson();
            SecretKeySource keys = new SecretKeySource(() -> {
                secretReads.incrementAndGet();
                return ring;
            }, Clock.systemUTC());
            credentials.resolve();
            keys.keys();
            OnRestore onRestore = OnRestore.register(keys, credentials);

            // when the function is restored from its snapshot
            onRestore.afterRestore(null);

            // then the next use reads both again
            assertThat(credentials.resolve().accessKeyId()).isEqualTo("ASIA2");
            keys.keys();
            assertThat(secretReads).hasValue(2);
        } finally {
            endpoint.stop(0);
        }
    }
}
