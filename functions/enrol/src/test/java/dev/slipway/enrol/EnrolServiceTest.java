package dev.slipway.enrol;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;
import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import dev.slipway.access.KeyRing;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.Purpose;
import dev.slipway.device.Challenges;
import dev.slipway.device.Device;
import dev.slipway.device.DeviceStore;
import dev.slipway.device.DeviceTokens;
import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.TestS3Extension;
import dev.slipway.http.HttpRequest;
import dev.slipway.storage.SdkObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The enrol service against a real S3 protocol server, with devices signed by a test chain. */
@ExtendWith(TestS3Extension.class)
class EnrolServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String BUILD = "dqj2q5cxgv3adsyufere";
    private static final String HOST = "d1a2b3c4d5e6f7.cloudfront.net";
    private static final TestDeviceChain CHAIN = TestDeviceChain.create();
    private static final KeyRing KEYS = KeyRing.generate();
    private static final String SECRET = "origin-secret";

    private final TestS3 s3;
    private DeviceStore store;
    private String pageToken;

    EnrolServiceTest(TestS3 s3) {
        this.s3 = s3;
    }

    @BeforeEach
    void setUp() {
        s3.client().listObjectsV2Paginator(b -> b.bucket(s3.bucket()).prefix(DeviceStore.PREFIX)).contents()
                .forEach(o -> s3.client().deleteObject(b -> b.bucket(s3.bucket()).key(o.key())));
        store = new DeviceStore(new SdkObjectStore(s3.client(), s3.bucket()));
        pageToken = new LinkSigner(KEYS, Clock.fixed(NOW, ZoneOffset.UTC)).sign(new BuildScope(BUILD), Purpose.PAGE);
    }

    @Test
    void profile_buildPageLink_servesProfileServiceWithEveryKey() throws Exception {
        EnrolResponse response = service(NOW, KEYS, DeviceAnchors.apple()).handle(get("/enrol/b/" + BUILD, pageToken, HOST));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "application/x-apple-aspen-config")
                .containsEntry("Cache-Control", "no-store");
        NSDictionary profile = (NSDictionary) PropertyListParser.parse(response.body());
        assertThat(profile.keySet()).containsExactlyInAnyOrder("PayloadContent", "PayloadType", "PayloadVersion",
                "PayloadIdentifier", "PayloadUUID", "PayloadDisplayName", "PayloadOrganization", "PayloadDescription");
        assertThat(profile.get("PayloadType").toJavaObject()).isEqualTo("Profile Service");
        assertThat(((NSNumber) profile.get("PayloadVersion")).intValue()).isEqualTo(1);
        assertThat(profile.get("PayloadIdentifier").toJavaObject()).isEqualTo("dev.slipway.device-check");
        assertThat(profile.get("PayloadUUID").toJavaObject().toString()).matches("[0-9A-F-]{36}");
        assertThat(profile.get("PayloadOrganization").toJavaObject()).isEqualTo(HOST);
        NSDictionary content = (NSDictionary) profile.get("PayloadContent");
        assertThat(content.keySet()).containsExactlyInAnyOrder("URL", "DeviceAttributes", "Challenge");
        assertThat(content.get("URL").toJavaObject()).isEqualTo("https://" + HOST + "/enrol/answer");
        assertThat(Arrays.stream(((NSArray) content.get("DeviceAttributes")).getArray()).map(NSObject::toJavaObject))
                .containsExactly("UDID", "PRODUCT", "VERSION", "SERIAL", "DEVICE_NAME");
        assertThat(new Challenges(KEYS, Clock.fixed(NOW, ZoneOffset.UTC), Challenges.DEFAULT_TTL)
                .verify(content.get("Challenge").toJavaObject().toString(), HOST).link().path()).isEqualTo("/b/" + BUILD);
    }

    @Test
    void profile_appPageLink_servesProfile() {
        String appToken = new LinkSigner(KEYS, Clock.fixed(NOW, ZoneOffset.UTC))
                .sign(new AppScope("com.example.app", "beta"), Purpose.PAGE);

        EnrolResponse response = service(NOW, KEYS, DeviceAnchors.apple())
                .handle(get("/enrol/a/com.example.app/beta", appToken, HOST));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void profile_tokenForAnotherBuild_is404() {
        EnrolResponse response = service(NOW, KEYS, DeviceAnchors.apple())
                .handle(get("/enrol/b/aaaaaaaaaaaaaaaaaaaa", pageToken, HOST));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void profile_forgedToken_is404() {
        EnrolResponse response = service(NOW, KEYS, DeviceAnchors.apple())
                .handle(get("/enrol/b/" + BUILD, pageToken.substring(0, pageToken.length() - 2) + "AA", HOST));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void answer_signedByAddedTestCa_storesDeviceAnd301sToThePageWithDeviceToken() throws Exception {
        EnrolService service = service(NOW, KEYS, withTestCa());
        String challenge = challenge(service, HOST);

        EnrolResponse response = service.handle(post(CHAIN.answer(TestDeviceChain.iphone15Pro(challenge)), HOST));

        assertThat(response.status()).isEqualTo(301);
        String location = response.headers().get("Location");
        String prefix = "https://" + HOST + "/b/" + BUILD + "?t=" + pageToken + "&device=";
        assertThat(location).startsWith(prefix).doesNotContain("00008130");
        String deviceId = new DeviceTokens(KEYS, Clock.fixed(NOW, ZoneOffset.UTC)).verify(location.substring(prefix.length()));
        assertThat(deviceId).isEqualTo(Device.idOf("00008130-001A2B3C4D5E6F70"));
        assertThat(store.find(deviceId)).contains(new Device("00008130-001A2B3C4D5E6F70", "iPhone16,1", "iPhone 15 Pro",
                "21A329", "Ada's iPhone", NOW, NOW, List.of("/b/" + BUILD)));
    }

    @Test
    void answer_sameDeviceLaterFromAppPage_keepsFirstSeenAndAddsLink() throws Exception {
        EnrolService first = service(NOW, KEYS, withTestCa());
        first.handle(post(CHAIN.answer(TestDeviceChain.iphone15Pro(challenge(first, HOST))), HOST));
        Instant later = NOW.plus(Duration.ofDays(3));
        EnrolService second = service(later, KEYS, withTestCa());
        String appToken = new LinkSigner(KEYS, Clock.fixed(later, ZoneOffset.UTC)).sign(AppScope.allChannels("com.example.app"),
                Purpose.PAGE);
        String challenge = challengeFrom(second.handle(get("/enrol/a/com.example.app", appToken, HOST)));

        EnrolResponse response = second.handle(post(CHAIN.answer(TestDeviceChain.iphone15Pro(challenge)), HOST));

        assertThat(response.headers().get("Location")).startsWith("https://" + HOST + "/a/com.example.app?t=" + appToken + "&device=");
        Device device = store.find(Device.idOf("00008130-001A2B3C4D5E6F70")).orElseThrow();
        assertThat(device.firstSeen()).isEqualTo(NOW);
        assertThat(device.lastSeen()).isEqualTo(later);
        assertThat(device.links()).containsExactly("/b/" + BUILD, "/a/com.example.app");
    }

    @Test
    void answer_testChainWithoutItsCaAdded_is403AndStoresNothing() {
        EnrolService service = service(NOW, KEYS, DeviceAnchors.apple());

        EnrolResponse response = service.handle(post(CHAIN.answer(TestDeviceChain.iphone15Pro(challenge(service, HOST))), HOST));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers()).doesNotContainKey("Location");
        assertNothingStored();
    }

    @Test
    void answer_challengeReplayedToAnotherSite_is403AndStoresNothing() {
        EnrolService service = service(NOW, KEYS, withTestCa());
        String challenge = challenge(service, "d9z8y7x6w5v4u3.cloudfront.net");

        EnrolResponse response = service.handle(post(CHAIN.answer(TestDeviceChain.iphone15Pro(challenge)), HOST));

        assertThat(response.status()).isEqualTo(403);
        assertNothingStored();
    }

    @Test
    void answer_expiredChallenge_is403AndStoresNothing() {
        String challenge = challenge(service(NOW, KEYS, withTestCa()), HOST);
        EnrolService later = service(NOW.plus(Challenges.DEFAULT_TTL), KEYS, withTestCa());

        EnrolResponse response = later.handle(post(CHAIN.answer(TestDeviceChain.iphone15Pro(challenge)), HOST));

        assertThat(response.status()).isEqualTo(403);
        assertNothingStored();
    }

    @Test
    void answer_challengeFromAnotherKeyRing_is403AndStoresNothing() {
        String challenge = new Challenges(KeyRing.generate(), Clock.fixed(NOW, ZoneOffset.UTC), Challenges.DEFAULT_TTL)
                .issue(HOST, new dev.slipway.device.EnrolmentLink("/b/" + BUILD, pageToken));

        EnrolResponse response = service(NOW, KEYS, withTestCa())
                .handle(post(CHAIN.answer(TestDeviceChain.iphone15Pro(challenge)), HOST));

        assertThat(response.status()).isEqualTo(403);
        assertNothingStored();
    }

    @Test
    void answer_wrongChallenge_is403AndStoresNothing() {
        EnrolResponse response = service(NOW, KEYS, withTestCa())
                .handle(post(CHAIN.answer(TestDeviceChain.iphone15Pro("not-a-challenge")), HOST));

        assertThat(response.status()).isEqualTo(403);
        assertNothingStored();
    }

    @Test
    void answer_garbage_is400AndStoresNothing() {
        EnrolResponse response = service(NOW, KEYS, withTestCa()).handle(post("garbage".getBytes(), HOST));

        assertThat(response.status()).isEqualTo(400);
        assertThat(new String(response.body())).isEqualTo("This device could not be checked.\n");
        assertNothingStored();
    }

    @Test
    void answer_65KiloBytes_is413AndStoresNothing() {
        EnrolResponse response = service(NOW, KEYS, withTestCa()).handle(post(new byte[65 * 1024], HOST));

        assertThat(response.status()).isEqualTo(413);
        assertNothingStored();
    }

    @Test
    void profile_directApiCallWithoutCloudFrontsSecret_is403() {
        EnrolResponse response = service(NOW, KEYS, DeviceAnchors.apple()).handle(new HttpRequest("GET", "/enrol/b/" + BUILD,
                Map.of("t", pageToken), Map.of("host", "api.example", "x-forwarded-host", "evil.example"), null));

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void answer_forgedViewerHost_is400AndStoresNothing() {
        EnrolService service = service(NOW, KEYS, withTestCa());
        byte[] answer = CHAIN.answer(TestDeviceChain.iphone15Pro(challenge(service, HOST)));

        EnrolResponse response = service.handle(post(answer, "evil.example"));

        assertThat(response.status()).isEqualTo(400);
        assertNothingStored();
    }

    @Test
    void answer_get_is405() {
        EnrolResponse response = service(NOW, KEYS, withTestCa()).handle(get("/enrol/answer", "", HOST));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).containsEntry("Allow", "POST");
    }

    private void assertNothingStored() {
        try {
            assertThat(store.list()).isEmpty();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static DeviceAnchors withTestCa() {
        return DeviceAnchors.apple().withTestAuthority(CHAIN.ca());
    }

    private String challenge(EnrolService service, String host) {
        return challengeFrom(service.handle(get("/enrol/b/" + BUILD, pageToken, host)));
    }

    private static String challengeFrom(EnrolResponse profile) {
        try {
            NSDictionary content = (NSDictionary) ((NSDictionary) PropertyListParser.parse(profile.body())).get("PayloadContent");
            return content.get("Challenge").toJavaObject().toString();
        } catch (Exception e) {
            throw new AssertionError("not a profile: HTTP " + profile.status(), e);
        }
    }

    private EnrolService service(Instant now, KeyRing keys, DeviceAnchors anchors) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new EnrolService(new LinkSigner(keys, clock), new Challenges(keys, clock, Challenges.DEFAULT_TTL),
                new DeviceTokens(keys, clock), new DeviceAnswers(anchors), store, Optional.empty(), clock,
                SiteOrigin.behindCloudFront(SECRET, ""));
    }

    private static HttpRequest get(String path, String token, String host) {
        return new HttpRequest("GET", path, token.isEmpty() ? Map.of() : Map.of("t", token),
                Map.of("host", "api.example", "x-forwarded-host", host, "x-slipway-origin-secret", SECRET), null);
    }

    private static HttpRequest post(byte[] body, String host) {
        Map<String, String> headers = new HashMap<>(Map.of("host", "api.example", "x-forwarded-host", host,
                "x-slipway-origin-secret", SECRET));
        headers.put("content-type", "application/pkcs7-signature");
        return new HttpRequest("POST", "/enrol/answer", Map.of(), headers, body);
    }
}
