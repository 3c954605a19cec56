package dev.slipway.install;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.slipway.access.SecretKeySource;
import dev.slipway.access.SecretsManagerSecret;
import dev.slipway.aws.LambdaCredentials;
import dev.slipway.http.HttpRequest;
import dev.slipway.log.Log;
import dev.slipway.storage.HttpObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** HTTP API (payload 2.0) → {@link Router} → response. */
public final class InstallHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Log LOG = Log.of(InstallHandler.class);

    private final Router router;
    /** Held so the CRaC context (which may hold resources weakly) keeps it. */
    @SuppressWarnings("unused")
    private final OnRestore onRestore;
    /** Held for the same reason. */
    @SuppressWarnings("unused")
    private final Priming priming;

    /** Used by Lambda: clients, keys and templates built once, at init, from the template's environment. */
    public InstallHandler() {
        InstallConfig config = InstallConfig.fromEnvironment(System.getenv());
        // One credentials source for both: the secret's read at init resolves it, so the first request does not.
        // Lambda's own sources only (its variables, else its container endpoint), not the SDK's default chain.
        LambdaCredentials credentials = LambdaCredentials.fromEnvironment();
        SecretKeySource keys = new SecretKeySource(SecretsManagerSecret.fromEnvironment(System.getenv(),
                config.region().id(), config.linkSecretArn(), credentials), Clock.systemUTC());
        this.onRestore = OnRestore.register(keys, credentials);
        // Signed HTTP requests, no SDK S3 client: a third of the package and most of the cold start.
        HttpObjectStore store = HttpObjectStore.fromEnvironment(System.getenv(), config.region().id(), config.bucket(),
                credentials);
        this.router = InstallSite.router(store, store, config.settings(keys));
        // Primed (and registered to prime before a SnapStart snapshot) only where initialisation runs ahead of requests.
        this.priming = config.primeAtInit() ? Priming.register(config.region()) : null;
        // Read at init: a missing or malformed secret fails the deployment's first start, not a tester's tap.
        LOG.info("install.ready", "bucket", config.bucket(), "keys", keys.keys().keyIds().size(),
                "secret", config.linkSecretArn());
    }

    /** @param router the site, from {@link InstallSite#router} */
    public InstallHandler(Router router) {
        this.router = router;
        this.onRestore = null;
        this.priming = null;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = context == null ? null : context.getAwsRequestId();
        try (Log.RequestScope scope = Log.request(requestId)) {
            HttpResponse response = router.handle(request(event), requestId);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withHeaders(response.headers())
                    .withBody(response.body()).withIsBase64Encoded(response.base64()).build();
        }
    }

    private static HttpRequest request(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        // Payload 2.0 takes cookies out of the headers; the device check reads them back as one header.
        if (event.getCookies() != null && !event.getCookies().isEmpty()) {
            headers.put("cookie", String.join("; ", event.getCookies()));
        }
        String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                ? event.getRequestContext().getHttp().getMethod() : "GET";
        byte[] body = event.getBody() == null ? new byte[0] : event.getIsBase64Encoded()
                ? Base64.getMimeDecoder().decode(event.getBody()) : event.getBody().getBytes(StandardCharsets.UTF_8);
        return new HttpRequest(method, event.getRawPath() == null ? "/" : event.getRawPath(),
                event.getQueryStringParameters(), headers, body);
    }
}
