package dev.slipway.enrol;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.SecretKeySource;
import dev.slipway.access.SecretsManagerSecret;
import dev.slipway.device.Challenges;
import dev.slipway.device.DeviceStore;
import dev.slipway.device.DeviceTokens;
import dev.slipway.http.HttpRequest;
import dev.slipway.log.Log;
import dev.slipway.storage.S3Clients;
import dev.slipway.storage.SdkObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** HTTP API (payload 2.0) → {@link EnrolService} → response. */
public final class EnrolHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Log LOG = Log.of(EnrolHandler.class);
    /** The base64 length of {@link DeviceAnswers#MAX_BYTES}: a longer body is refused before decoding. */
    static final int MAX_BASE64_CHARS = (DeviceAnswers.MAX_BYTES + 2) / 3 * 4;

    private final EnrolService service;

    /** Used by Lambda: clients and keys built once, at init, from the template's environment. Apple's anchors only. */
    public EnrolHandler() {
        EnrolConfig config = EnrolConfig.fromEnvironment(System.getenv());
        Clock clock = Clock.systemUTC();
        String region = config.region().id();
        SecretKeySource keys = new SecretKeySource(SecretsManagerSecret.fromEnvironment(System.getenv(), region,
                config.linkSecretArn()), clock);
        Optional<ProfileSigner> profileSigner = profileSigner(region, config.profileSigningSecretArn());
        this.service = new EnrolService(new LinkSigner(keys, clock),
                new Challenges(keys, clock, Challenges.DEFAULT_TTL), new DeviceTokens(keys, clock),
                new DeviceAnswers(DeviceAnchors.apple()),
                new DeviceStore(new SdkObjectStore(S3Clients.create(config.region()), config.bucket())), profileSigner, clock,
                config.site());
        LOG.info("enrol.ready", "bucket", config.bucket(), "keys", keys.keys().keyIds().size(), "profileSigner",
                profileSigner.map(ProfileSigner::subject).orElse(null));
    }

    /**
     * The operator's profile signing certificate and key, read once at init from its secret (PEM);
     * never from the environment, where anyone allowed to read the function's configuration could.
     *
     * @throws IllegalStateException if the secret is set but holds no usable certificate and key
     */
    private static Optional<ProfileSigner> profileSigner(String region, String secretArn) {
        if (secretArn.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProfileSigner.fromPem(SecretsManagerSecret.fromEnvironment(System.getenv(), region, secretArn)
                    .get()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("profile signing secret " + secretArn + ": " + e.getMessage());
        }
    }

    public EnrolHandler(EnrolService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try (Log.RequestScope scope = Log.request(context == null ? null : context.getAwsRequestId())) {
            Map<String, String> headers = new HashMap<>();
            if (event.getHeaders() != null) {
                event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
            }
            String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                    ? event.getRequestContext().getHttp().getMethod() : "GET";
            EnrolResponse response;
            byte[] body = body(event);
            if (body == null) {
                LOG.info("answer.refused", "status", 413, "reason", "body longer than " + DeviceAnswers.MAX_BYTES + " bytes");
                response = EnrolResponse.text(413, "This device could not be checked.");
            } else {
                response = service.handle(new HttpRequest(method, event.getRawPath() == null ? "/" : event.getRawPath(),
                        event.getQueryStringParameters(), headers, body));
            }
            return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status()).withHeaders(response.headers())
                    .withBody(Base64.getEncoder().encodeToString(response.body())).withIsBase64Encoded(true).build();
        }
    }

    /** The body's bytes, or null if it is longer than an answer may be (checked before decoding). */
    private static byte[] body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            if (body.length() > MAX_BASE64_CHARS) {
                return null;
            }
            try {
                return Base64.getMimeDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                return new byte[0];
            }
        }
        // A text body's UTF-8 is at most 3 bytes per char: bound the char count before encoding it.
        if (body.length() > DeviceAnswers.MAX_BYTES + 1) {
            return null;
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
