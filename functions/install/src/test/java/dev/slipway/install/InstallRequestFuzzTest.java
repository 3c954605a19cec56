package dev.slipway.install;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slipway.access.KeyRing;
import dev.slipway.aws.Credentials;
import dev.slipway.aws.CredentialsSource;
import dev.slipway.fixtures.FuzzBudget;
import dev.slipway.storage.HttpObjectStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The install site's request parsing on any request API Gateway could deliver (method, raw path,
 * query, headers, body): the real handler and routes answer with one of the site's statuses and
 * its security headers, never a 500 or an exception. Links cannot be forged by a fuzzer, so no
 * request reaches S3 (the client points at a closed port and would make it a 500).
 */
class InstallRequestFuzzTest {
    private static final Set<Integer> STATUSES = Set.of(200, 302, 400, 403, 404, 405, 410);
    private static final String SECRET = "origin-secret";
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "get", "");
    private static final List<String> HEADERS = List.of("host", "x-forwarded-host", Origins.ORIGIN_SECRET_HEADER,
            "user-agent", "accept", "cookie", "if-none-match", "range");
    private static final InstallHandler LOCAL = handler(Origins.fixed(URI.create("https://192.168.1.20:8443")));
    private static final InstallHandler CLOUDFRONT = handler(Origins.behindCloudFront(SECRET, "apps.example.com"));

    private static InstallHandler handler(Origins origins) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        CredentialsSource credentials = () -> new Credentials("k", "s", null);
        URI closed = URI.create("http://127.0.0.1:1");
        HttpObjectStore store = HttpObjectStore.atEndpoint(closed, Region.US_EAST_1.id(), "slipway", credentials,
                UrlConnectionHttpClient.create());
        return new InstallHandler(InstallSite.router(store, store,
                new InstallSite.Settings("slipway", KeyRing.of("k1", Map.of("k1", key)), Duration.ofMinutes(10), origins)));
    }

    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void handleRequest_anyRequest_answersWithTheSitesStatusesAndHeaders(FuzzedDataProvider data) {
        boolean cloudFront = data.consumeBoolean();
        String method = data.pickValue(METHODS);
        Map<String, String> headers = new HashMap<>();
        for (String name : HEADERS) {
            if (data.consumeBoolean()) {
                headers.put(data.consumeBoolean() ? name : name.toUpperCase(), data.consumeString(300));
            }
        }
        if (cloudFront && data.consumeBoolean()) {
            headers.put(Origins.ORIGIN_SECRET_HEADER, SECRET);
        }
        Map<String, String> query = data.consumeBoolean() ? Map.of("t", data.consumeString(600)) : null;
        byte[] body = data.consumeBytes(200);
        String path = data.consumeRemainingAsString();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath(path).withHeaders(headers)
                .withQueryStringParameters(query)
                // API Gateway base64-encodes bodies itself: what arrives encoded is always valid base64.
                .withBody(Base64.getEncoder().encodeToString(body)).withIsBase64Encoded(true)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build()).build())
                .build();

        APIGatewayV2HTTPResponse response = (cloudFront ? CLOUDFRONT : LOCAL).handleRequest(event, null);

        if (!STATUSES.contains(response.getStatusCode())) {
            throw new AssertionError("status " + response.getStatusCode() + " for " + method + " "
                    + new String(path.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
        if (!response.getHeaders().entrySet().containsAll(HttpResponse.SECURITY_HEADERS.entrySet())) {
            throw new AssertionError("security headers missing for " + method + " " + path);
        }
    }
}
