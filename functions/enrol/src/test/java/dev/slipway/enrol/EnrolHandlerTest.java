package dev.slipway.enrol;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.access.BuildScope;
import dev.slipway.access.KeyRing;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.Purpose;
import dev.slipway.device.Challenges;
import dev.slipway.device.DeviceStore;
import dev.slipway.device.DeviceTokens;
import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.TestS3Extension;
import dev.slipway.storage.SdkObjectStore;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Lambda adapter with the real HTTP API events from {@code events/}. */
@ExtendWith(TestS3Extension.class)
class EnrolHandlerTest {
    private static final PojoSerializer<APIGatewayV2HTTPEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, EnrolHandlerTest.class.getClassLoader());
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final KeyRing KEYS = KeyRing.generate();
    private static final TestDeviceChain CHAIN = TestDeviceChain.create();

    private final EnrolHandler handler;

    EnrolHandlerTest(TestS3 s3) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        handler = new EnrolHandler(new EnrolService(new LinkSigner(KEYS, clock), new Challenges(KEYS, clock, Challenges.DEFAULT_TTL),
                new DeviceTokens(KEYS, clock), new DeviceAnswers(DeviceAnchors.apple().withTestAuthority(CHAIN.ca())),
                new DeviceStore(new SdkObjectStore(s3.client(), s3.bucket())), Optional.empty(), clock,
                SiteOrigin.behindCloudFront("sample-origin-secret-for-events", "")));
    }

    @Test
    void handleRequest_garbageAnswerEvent_is400() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(load("http-post-enrol-answer.json", Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(new String(Base64.getDecoder().decode(response.getBody()))).isEqualTo("This device could not be checked.\n");
    }

    @Test
    void handleRequest_profileThenSignedAnswer_redirectsToTheCloudFrontPage() throws Exception {
        String token = new LinkSigner(KEYS, Clock.fixed(NOW, ZoneOffset.UTC)).sign(new BuildScope("dqj2q5cxgv3adsyufere"),
                Purpose.PAGE);
        APIGatewayV2HTTPResponse profile = handler.handleRequest(load("http-get-enrol-profile.json",
                Map.of("queryStringParameters", Map.of("t", token), "rawQueryString", "t=" + token)), null);
        NSDictionary content = (NSDictionary) ((NSDictionary) PropertyListParser.parse(
                Base64.getDecoder().decode(profile.getBody()))).get("PayloadContent");
        byte[] answer = CHAIN.answer(TestDeviceChain.iphone15Pro(content.get("Challenge").toJavaObject().toString()));

        APIGatewayV2HTTPResponse response = handler.handleRequest(load("http-post-enrol-answer.json",
                Map.of("body", Base64.getEncoder().encodeToString(answer))), null);

        assertThat(profile.getStatusCode()).isEqualTo(200);
        assertThat(profile.getIsBase64Encoded()).isTrue();
        assertThat(response.getStatusCode()).isEqualTo(301);
        assertThat(response.getHeaders().get("Location"))
                .startsWith("https://d1a2b3c4d5e6f7.cloudfront.net/b/dqj2q5cxgv3adsyufere?t=" + token + "&device=");
    }

    @Test
    void handleRequest_base64Body65KiloBytes_is413BeforeDecoding() throws Exception {
        String body = Base64.getEncoder().encodeToString(new byte[65 * 1024]);

        APIGatewayV2HTTPResponse response = handler.handleRequest(load("http-post-enrol-answer.json", Map.of("body", body)), null);

        assertThat(body.length()).isGreaterThan(EnrolHandler.MAX_BASE64_CHARS);
        assertThat(response.getStatusCode()).isEqualTo(413);
    }

    /** The event file with some top-level fields replaced. */
    private static APIGatewayV2HTTPEvent load(String file, Map<String, Object> changes) throws Exception {
        Map<String, Object> event;
        try (InputStream in = EnrolHandlerTest.class.getResourceAsStream("/events/" + file)) {
            event = JSON.std.mapFrom(in);
        }
        event.putAll(changes);
        return SERIALIZER.fromJson(JSON.std.asString(event));
    }
}
