package dev.slipway.install;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.slipway.access.AccessPolicy;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.SecretKeySource;
import dev.slipway.access.SecretsManagerSecret;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.catalog.S3Revocations;
import dev.slipway.install.page.PageRenderer;
import dev.slipway.log.Log;
import dev.slipway.storage.S3Clients;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** HTTP API (payload 2.0) → {@link InstallService} → response. */
public final class InstallHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Log LOG = Log.of(InstallHandler.class);

    private final InstallService service;
    /** Held so the CRaC context (which may hold resources weakly) keeps it. */
    @SuppressWarnings("unused")
    private final LinkKeysOnRestore keysOnRestore;

    /** Used by Lambda: clients, keys and templates built once, at init, from the template's environment. */
    public InstallHandler() {
        InstallConfig config = InstallConfig.fromEnvironment(System.getenv());
        Clock clock = Clock.systemUTC();
        S3Catalog catalog = new S3Catalog(S3Clients.create(config.region()), config.bucket());
        SecretKeySource keys = new SecretKeySource(new SecretsManagerSecret(SecretsManagerSecret.client(config.region()),
                config.linkSecretArn()), clock);
        this.keysOnRestore = LinkKeysOnRestore.register(keys);
        this.service = new InstallService(catalog, S3Clients.presigner(config.region()), new LinkSigner(keys, clock),
                new AccessPolicy(new S3Revocations(catalog, clock)), new PageRenderer(), clock, config.downloadTtl(),
                config.customDomain());
        // Read at init: a missing or malformed secret fails the deployment's first start, not a tester's tap.
        LOG.info("ready: bucket " + config.bucket() + ", link keys " + keys.keys().keyIds() + " from "
                + config.linkSecretArn());
    }

    public InstallHandler(InstallService service) {
        this.service = service;
        this.keysOnRestore = null;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                ? event.getRequestContext().getHttp().getMethod() : "GET";
        HttpResponse response = service.handle(new HttpRequest(method, event.getRawPath() == null ? "/" : event.getRawPath(),
                event.getQueryStringParameters(), headers));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withHeaders(response.headers())
                .withBody(response.body()).withIsBase64Encoded(response.base64()).build();
    }
}
