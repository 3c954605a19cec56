package dev.slipway.install;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.slipway.log.Log;
import dev.slipway.storage.S3Clients;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** HTTP API (payload 2.0) → {@link Router} → response. */
public final class InstallHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Log LOG = Log.of(InstallHandler.class);

    private final Router router;

    /** Used by Lambda: clients, keys and templates built once, at init, from the template's environment. */
    public InstallHandler() {
        InstallConfig config = InstallConfig.fromEnvironment(System.getenv());
        this.router = InstallSite.router(S3Clients.create(config.region()), S3Clients.presigner(config.region()),
                config.settings());
        LOG.info("install.ready", "bucket", config.bucket(), "keysVersion", config.keysVersion(),
                "keys", config.keys().keyIds().size());
    }

    /** @param router the site, from {@link InstallSite#router} */
    public InstallHandler(Router router) {
        this.router = router;
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
        String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                ? event.getRequestContext().getHttp().getMethod() : "GET";
        byte[] body = event.getBody() == null ? new byte[0] : event.getIsBase64Encoded()
                ? Base64.getMimeDecoder().decode(event.getBody()) : event.getBody().getBytes(StandardCharsets.UTF_8);
        return new HttpRequest(method, event.getRawPath() == null ? "/" : event.getRawPath(),
                event.getQueryStringParameters(), headers, body);
    }
}
