package dev.slipway.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.access.AppScope;
import dev.slipway.access.KeyRing;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.catalog.S3Revocations;
import dev.slipway.fixtures.TestIpa;
import dev.slipway.fixtures.TestProfile;
import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.TestS3Extension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/v1/apps/{bundleId}/latest}: the update check apps embed, through the handler over S3Proxy. */
@ExtendWith(TestS3Extension.class)
class LatestBuildRouteTest {
    /** While the generated enterprise profile is valid. */
    private static final Instant NOW = Instant.parse("2021-06-01T12:00:00Z");
    private static final String APP = "dev.slipway.test.Updates";
    private static final KeyRing KEYS = KeyRing.generate();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final LinkSigner SIGNER = new LinkSigner(KEYS, CLOCK);

    private static TestS3 s3server;
    private static S3Catalog catalog;
    private static InstallHandler handler;
    private static String newest;

    @BeforeAll
    static void start(TestS3 server) throws Exception {
        s3server = server;
        catalog = new S3Catalog(s3server.store());
        handler = InstallOverS3.handler(s3server, s3server.store(), KEYS, Duration.ofMinutes(10), CLOCK, Duration.ZERO);
        ingest("uploads/beta/Old.ipa", "1.0", "10", TestProfile.enterprise(), "2021-05-01T00:00:00Z", null);
        newest = ingest("uploads/beta/New.ipa", "1.1", "11", TestProfile.enterprise(), "2021-05-20T00:00:00Z",
                "Faster sync");
        // Newer still, but signed for the App Store: never installable over the air, so never offered.
        ingest("uploads/beta/Store.ipa", "1.2", "12", TestProfile.appStore(), "2021-05-30T00:00:00Z", null);
        ingest("uploads/qa/Qa.ipa", "2.0", "20", TestProfile.enterprise(), "2021-05-25T00:00:00Z", null);
    }

    private static String ingest(String key, String version, String build, TestProfile profile, String at, String notes)
            throws Exception {
        byte[] ipa = TestIpa.app().bundleId(APP).name("Updates").version(version).build(build).profile(profile).bytes();
        Map<String, String> metadata = notes == null ? Map.of()
                : Map.of("release-notes-b64", Base64.getEncoder().encodeToString(notes.getBytes(StandardCharsets.UTF_8)));
        return InstallOverS3.ingest(s3server, key, ipa, metadata, Instant.parse(at), CLOCK);
    }

    private static String token(AppScope scope) {
        return SIGNER.sign(scope, Purpose.PAGE, Purpose.PAGE.maxTtl());
    }

    private static APIGatewayV2HTTPResponse get(String url, String ifNoneMatch) throws Exception {
        APIGatewayV2HTTPEvent event = ApiEvents.at("http-get-app-page.json", url);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (ifNoneMatch != null) {
            headers.put("if-none-match", ifNoneMatch);
        }
        event.setHeaders(headers);
        return handler.handleRequest(event, null);
    }

    @Test
    void latest_channelToken_answersTheNewestInstallableBuild() throws Exception {
        String token = token(new AppScope(APP, "beta"));

        APIGatewayV2HTTPResponse response = get("/api/v1/apps/" + APP + "/latest?channel=beta&t=" + token, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json; charset=utf-8")
                .containsEntry("Cache-Control", "private, max-age=60").containsKey("ETag");
        Map<String, Object> json = JSON.std.mapFrom(response.getBody());
        assertThat(json).containsOnlyKeys("bundleId", "channel", "version", "build", "buildId", "uploadedAt",
                "minimumOsVersion", "releaseNotes", "pageUrl");
        assertThat(json).containsEntry("bundleId", APP).containsEntry("channel", "beta").containsEntry("version", "1.1")
                .containsEntry("build", "11").containsEntry("buildId", newest)
                .containsEntry("uploadedAt", "2021-05-20T00:00:00Z").containsEntry("releaseNotes", "Faster sync");
        // the page it points at opens with the same token
        URI page = URI.create((String) json.get("pageUrl"));
        assertThat(page.getPath()).isEqualTo("/b/" + newest);
        assertThat(get(page.getRawPath() + "?" + page.getRawQuery(), null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void latest_newestBuildWithdrawn_answersTheOneBeforeIt() throws Exception {
        // given two builds on a channel of their own (older than every other channel's newest), the newer withdrawn
        String kept = ingest("uploads/withdrawal/Kept.ipa", "3.0", "30", TestProfile.enterprise(), "2021-05-02T00:00:00Z",
                null);
        String withdrawn = ingest("uploads/withdrawal/Withdrawn.ipa", "3.1", "31", TestProfile.enterprise(),
                "2021-05-03T00:00:00Z", null);
        catalog.withdraw(APP, withdrawn);
        String url = "/api/v1/apps/" + APP + "/latest?channel=withdrawal&t=" + token(new AppScope(APP, "withdrawal"));

        // when
        APIGatewayV2HTTPResponse response = get(url, null);

        // then
        assertThat(JSON.std.mapFrom(response.getBody())).containsEntry("buildId", kept).containsEntry("version", "3.0");
        catalog.restore(APP, withdrawn);
        assertThat(JSON.std.mapFrom(get(url, null).getBody())).containsEntry("buildId", withdrawn);
    }

    @Test
    void latest_appTokenWithoutChannel_answersTheNewestOnAnyChannel() throws Exception {
        APIGatewayV2HTTPResponse response = get("/api/v1/apps/" + APP + "/latest?t=" + token(AppScope.allChannels(APP)),
                null);

        assertThat(JSON.std.mapFrom(response.getBody())).containsEntry("channel", "qa").containsEntry("version", "2.0");
    }

    @Test
    void latest_ifNoneMatchWithTheETag_is304WithoutBody() throws Exception {
        String url = "/api/v1/apps/" + APP + "/latest?channel=beta&t=" + token(new AppScope(APP, "beta"));
        String eTag = get(url, null).getHeaders().get("ETag");

        APIGatewayV2HTTPResponse again = get(url, eTag);
        APIGatewayV2HTTPResponse stale = get(url, "\"0000\"");

        assertThat(again.getStatusCode()).isEqualTo(304);
        assertThat(again.getBody()).isEmpty();
        assertThat(again.getHeaders()).containsEntry("ETag", eTag).containsEntry("Cache-Control", "private, max-age=60");
        assertThat(stale.getStatusCode()).isEqualTo(200);
        assertThat(LatestBuildRoute.matches("W/" + eTag + ", \"x\"", eTag)).isTrue();
    }

    @Test
    void latest_unknownChannel_is404Json() throws Exception {
        APIGatewayV2HTTPResponse response = get("/api/v1/apps/" + APP + "/latest?channel=nightly&t="
                + token(AppScope.allChannels(APP)), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json; charset=utf-8");
        assertThat(JSON.std.mapFrom(response.getBody()))
                .isEqualTo(Map.of("error", "no installable build of " + APP + " on channel nightly"));
    }

    @Test
    void latest_tokenOfAnotherApp_is404JsonLikeAnUnknownApp() throws Exception {
        APIGatewayV2HTTPResponse foreign = get("/api/v1/apps/" + APP + "/latest?t="
                + token(AppScope.allChannels("com.example.other")), null);
        APIGatewayV2HTTPResponse unknown = get("/api/v1/apps/com.example.other/latest?t="
                + token(AppScope.allChannels("com.example.other")), null);

        assertThat(foreign.getStatusCode()).isEqualTo(404);
        assertThat(JSON.std.mapFrom(foreign.getBody())).isEqualTo(Map.of("error", "no such app or channel for this link"));
        assertThat(unknown.getStatusCode()).isEqualTo(404);
    }

    @Test
    void latest_revokedToken_is404Json() throws Exception {
        String app = APP;
        String token = token(new AppScope(app, "qa"));
        String url = "/api/v1/apps/" + app + "/latest?channel=qa&t=" + token;
        assertThat(get(url, null).getStatusCode()).isEqualTo(200);

        new S3Revocations(catalog, CLOCK).revoke(new AppScope(app, "qa"), NOW.plusSeconds(1));

        APIGatewayV2HTTPResponse revoked = get(url, null);
        assertThat(revoked.getStatusCode()).isEqualTo(404);
        assertThat(JSON.std.mapFrom(revoked.getBody())).isEqualTo(Map.of("error", "no such app or channel for this link"));
    }
}
