package dev.slipway.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import dev.slipway.access.KeyRing;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.catalog.S3Revocations;
import dev.slipway.device.Device;
import dev.slipway.device.DeviceAttributes;
import dev.slipway.device.DeviceStore;
import dev.slipway.device.DeviceTokens;
import dev.slipway.device.ProfileDevices;
import dev.slipway.fixtures.Fixtures;
import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.TestS3Extension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The verdict for the visitor's own device, through the real handler over a real S3 protocol
 * server: a development build (a fixture whose profile lists 101 devices) and an enterprise one,
 * devices stored as the enrol function stores them, the device token as its redirect carries it.
 */
@ExtendWith(TestS3Extension.class)
class DeviceVerdictTest {
    /** While the development fixture's profile was valid (the enterprise one came later: its verdict does not depend on it). */
    private static final Instant NOW = Instant.parse("2017-01-01T12:00:00Z");
    private static final String UNREGISTERED = "00008130-001A2B3C4D5E6F70";
    private static final KeyRing KEYS = KeyRing.generate();

    private static InstallHandler handler;
    private static LinkSigner signer;
    private static DeviceTokens tokens;
    private static String development;
    /** The development build's bundle id. */
    private static String developmentApp;
    private static String enterprise;
    private static String registered;

    @BeforeAll
    static void start(TestS3 s3server) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        signer = new LinkSigner(KEYS, clock);
        tokens = new DeviceTokens(KEYS, clock);
        handler = InstallOverS3.handler(s3server, s3server.store(), KEYS, Duration.ofMinutes(10), clock,
                S3Revocations.CACHE_FOR);
        development = InstallOverS3.ingest(s3server, "uploads/dev/Dev.ipa", Fixtures.bytes("ipa/app_info-iphone.ipa"));
        enterprise = InstallOverS3.ingest(s3server, "uploads/qa/Enterprise.ipa", Fixtures.bytes("ipa/app_info-embedded.ipa"));
        BuildRecord developmentBuild = new S3Catalog(s3server.store()).build(development).orElseThrow();
        developmentApp = developmentBuild.bundleId();
        registered = ProfileDevices.of(developmentBuild).udids().get(0);
        DeviceStore store = new DeviceStore(s3server.store());
        store.put(Device.enrolled(new DeviceAttributes(registered, "iPhone14,2", "20A362", "Grace's iPhone"), "/b/x", NOW));
        store.put(Device.enrolled(new DeviceAttributes(UNREGISTERED, "iPhone16,1", "21A329", null), "/b/x", NOW));
    }

    @Test
    void enrolRedirect_deviceToken_movesIntoASecureHttpOnlyCookieAndLeavesTheUrl() throws Exception {
        String token = tokens.issue(Device.idOf(UNREGISTERED));

        APIGatewayV2HTTPResponse response = get("/b/" + development + "?t=" + page(development) + "&device=" + token, null);

        assertThat(response.getStatusCode()).isEqualTo(302);
        assertThat(response.getHeaders().get("Location"))
                .isEqualTo("https://d1a2b3c4d5e6f7.cloudfront.net/b/" + development + "?t=" + page(development));
        assertThat(response.getHeaders().get("Set-Cookie"))
                .isEqualTo("slipway_device=" + token + "; Path=/; Max-Age=15552000; Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    void enrolRedirect_forgedDeviceToken_redirectsWithoutCookie() throws Exception {
        APIGatewayV2HTTPResponse response = get("/b/" + development + "?t=" + page(development) + "&device=forged", null);

        assertThat(response.getStatusCode()).isEqualTo(302);
        assertThat(response.getHeaders()).doesNotContainKey("Set-Cookie");
    }

    @Test
    void buildPage_registeredDevice_saysSoAndKeepsInstall() throws Exception {
        String html = get("/b/" + development + "?t=" + page(development), registered).getBody();

        assertThat(html).contains("data-verdict=\"registered\"").contains("this iPhone 13 Pro can install this build")
                .contains("itms-services://").doesNotContain(registered);
    }

    @Test
    void buildPage_unregisteredDevice_withholdsInstallAndShowsTheUdidToSend() throws Exception {
        String html = get("/b/" + development + "?t=" + page(development), UNREGISTERED).getBody();

        assertThat(html).contains("data-verdict=\"not-registered\"").contains("this iPhone 15 Pro cannot install this build")
                .contains(">" + UNREGISTERED + "<").contains("Copy UDID").doesNotContain("itms-services://");
    }

    @Test
    void buildPage_enterpriseBuild_needsNoCheck() throws Exception {
        String html = get("/b/" + enterprise + "?t=" + page(enterprise), UNREGISTERED).getBody();

        assertThat(html).contains("data-verdict=\"any-device\"").contains("Any device can install this build");
    }

    @Test
    void buildPage_unknownDeviceOnAnIphone_offersTheCheckForThisPage() throws Exception {
        String html = get("/b/" + development + "?t=" + page(development), null).getBody();

        assertThat(html).contains("data-verdict=\"unknown\"")
                .contains("href=\"https://d1a2b3c4d5e6f7.cloudfront.net/enrol/b/" + development + "?t=" + page(development) + "\"");
    }

    @Test
    void buildPage_enterpriseBuildUnknownDevice_offersNoCheck() throws Exception {
        String html = get("/b/" + enterprise + "?t=" + page(enterprise), null).getBody();

        assertThat(html).doesNotContain("data-verdict=");
    }

    @Test
    void appPage_knownDevice_marksEachBuild() throws Exception {
        String token = signer.sign(new AppScope(developmentApp, "dev"), Purpose.PAGE, Duration.ofDays(7));

        String html = get("/a/" + developmentApp + "?t=" + token, UNREGISTERED).getBody();

        assertThat(html).contains("data-verdict=\"not-registered\"").contains("✗ not registered for this device");
    }

    /** Regression: an app link for every channel has no channel, and its null in the log line made the page a 500. */
    @Test
    void appPage_everyChannelLinkWithKnownDevice_marksEachBuild() throws Exception {
        String token = signer.sign(AppScope.allChannels(developmentApp), Purpose.PAGE, Duration.ofDays(7));

        APIGatewayV2HTTPResponse response = get("/a/" + developmentApp + "?t=" + token, registered);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("data-verdict=\"registered\"").contains("✓ installs on this device");
    }

    @Test
    void appPage_unknownDeviceOnAnIphone_offersTheCheckForThisAppPage() throws Exception {
        String token = signer.sign(new AppScope(developmentApp, "dev"), Purpose.PAGE, Duration.ofDays(7));

        String html = get("/a/" + developmentApp + "/dev?t=" + token, null).getBody();

        assertThat(html).contains("data-verdict=\"unknown\"")
                .contains("href=\"https://d1a2b3c4d5e6f7.cloudfront.net/enrol/a/" + developmentApp + "/dev?t=" + token + "\"");
    }

    private static String page(String buildId) {
        return signer.sign(new BuildScope(buildId), Purpose.PAGE, Duration.ofDays(7));
    }

    /** A GET through CloudFront from an iPhone, with the device cookie of that UDID (or none). */
    private static APIGatewayV2HTTPResponse get(String url, String udid) throws Exception {
        APIGatewayV2HTTPEvent event = ApiEvents.at("http-get-build-page.json", url);
        if (udid != null) {
            event.setCookies(List.of("other=1", "slipway_device=" + tokens.issue(Device.idOf(udid))));
        }
        return handler.handleRequest(event, null);
    }
}
