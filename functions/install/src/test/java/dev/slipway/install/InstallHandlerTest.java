package dev.slipway.install;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import dev.slipway.access.KeyRing;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.Layout;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.catalog.S3Revocations;
import dev.slipway.catalog.Upload;
import dev.slipway.fixtures.TestIpa;
import dev.slipway.fixtures.TestProfile;
import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.ZipWriter;
import dev.slipway.http.HttpRequest;
import dev.slipway.ingest.IngestService;
import dev.slipway.ingest.IpaCopier;
import dev.slipway.install.page.Assets;
import dev.slipway.log.LocalContext;
import dev.slipway.storage.HttpObjectStore;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The install handler end to end over a real S3 protocol server: ingest an IPA, open its page with
 * the events/ JSON, take the Install link apart, fetch the manifest, follow the download.
 */
class InstallHandlerTest {
    /** While the enterprise fixture's profile and certificates were valid. */
    private static final Instant NOW = Instant.parse("2021-06-01T12:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern INSTALL_HREF = Pattern.compile("href=\"(itms-services://[^\"]*)\"");

    private static TestS3 s3server;
    private static S3Client s3;
    private static S3Catalog catalog;
    private static final KeyRing KEYS = KeyRing.generate();
    private static LinkSigner signer;
    private static InstallHandler handler;
    private static String enterpriseId;
    private static byte[] enterpriseIpa;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        s3server = TestS3.start();
        s3 = s3server.client();
        catalog = new S3Catalog(s3server.store());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        signer = new LinkSigner(KEYS, clock);
        handler = handler(clock, Duration.ofMinutes(10));
        enterpriseIpa = TestIpa.app().bundleId("dev.slipway.test.Demo").name("Demo").extension("Notification")
                .profile(TestProfile.enterprise()).bytes();
        enterpriseId = ingest("uploads/qa/Demo & Co.ipa", enterpriseIpa);
    }

    @AfterAll
    static void stop() throws Exception {
        s3server.close();
    }

    private static InstallHandler handler(Clock clock, Duration downloadTtl) {
        return handler(s3server.store(), clock, downloadTtl);
    }

    private static InstallHandler handler(HttpObjectStore store, Clock clock, Duration downloadTtl) {
        return InstallOverS3.handler(s3server, store, KEYS, downloadTtl, clock, S3Revocations.CACHE_FOR);
    }

    /** A handler whose store has the wrong keys: every read fails. */
    private static InstallHandler handlerWithS3Refusing() {
        HttpObjectStore denied = HttpObjectStore.atEndpoint(s3server.endpoint(), TestS3.REGION.id(), s3server.bucket(),
                () -> new dev.slipway.aws.Credentials("x", "y", null),
                UrlConnectionHttpClient.create());
        return handler(denied, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(10));
    }

    private static String ingest(String key, byte[] ipa) throws Exception {
        return InstallOverS3.ingest(s3server, key, ipa);
    }

    private static APIGatewayV2HTTPResponse get(String file, String url) throws Exception {
        return handler.handleRequest(ApiEvents.at(file, url), null);
    }

    private static String pageToken(String buildId) {
        return signer.sign(new BuildScope(buildId), Purpose.PAGE, Duration.ofDays(7));
    }

    @Test
    void installFlow_pageToManifestToDownload_deliversTheUploadedBytes() throws Exception {
        // given the build page, opened on an iPhone through CloudFront (events/http-get-build-page.json)
        APIGatewayV2HTTPResponse page = get("http-get-build-page.json", "/b/" + enterpriseId + "?t=" + pageToken(enterpriseId));
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8");

        // when the Install href is taken apart: HTML layer, then the url value's percent-encoding
        Matcher href = INSTALL_HREF.matcher(page.getBody());
        assertThat(href.find()).isTrue();
        assertThat(href.find()).as("exactly one Install link").isFalse();
        href.reset().find();
        String link = href.group(1).replace("&amp;", "&");
        assertThat(link).startsWith("itms-services://?action=download-manifest&url=https%3A%2F%2Fd1a2b3c4d5e6f7.cloudfront.net%2Fm%2F");
        URI manifestUrl = URI.create(URLDecoder.decode(link.substring(link.indexOf("&url=") + 5), StandardCharsets.UTF_8));
        assertThat(manifestUrl.getHost()).isEqualTo("d1a2b3c4d5e6f7.cloudfront.net");

        // then the manifest, fetched as iOS's installer does, names the app and points back here
        APIGatewayV2HTTPResponse manifest = get("http-get-manifest.json", manifestUrl.getRawPath() + "?" + manifestUrl.getRawQuery());
        assertThat(manifest.getStatusCode()).isEqualTo(200);
        assertThat(manifest.getHeaders()).containsEntry("Content-Type", "text/xml; charset=utf-8")
                .containsEntry("Cache-Control", "no-store");
        NSDictionary item = (NSDictionary) ((NSArray) ((NSDictionary) PropertyListParser.parse(
                manifest.getBody().getBytes(StandardCharsets.UTF_8))).get("items")).objectAtIndex(0);
        NSDictionary metadata = (NSDictionary) item.get("metadata");
        assertThat(metadata.get("bundle-identifier").toJavaObject()).isEqualTo("dev.slipway.test.Demo");
        assertThat(metadata.get("title").toJavaObject()).isEqualTo("Demo");
        URI packageUrl = URI.create(((NSDictionary) ((NSArray) item.get("assets")).objectAtIndex(0)).get("url")
                .toJavaObject().toString());
        assertThat(packageUrl.getScheme()).isEqualTo("https");

        // and the package URL answers GET and HEAD with a 302 to a presigned URL for that method
        for (String method : new String[] {"GET", "HEAD"}) {
            APIGatewayV2HTTPEvent event = ApiEvents.at("http-head-download.json",
                    packageUrl.getRawPath() + "?" + packageUrl.getRawQuery());
            event.getRequestContext().getHttp().setMethod(method);
            APIGatewayV2HTTPResponse redirect = handler.handleRequest(event, null);
            assertThat(redirect.getStatusCode()).isEqualTo(302);
            URI location = URI.create(redirect.getHeaders().get("Location"));
            assertThat(location.getRawQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=600");
            var response = HTTP.send(java.net.http.HttpRequest.newBuilder(location)
                    .method(method, BodyPublishers.noBody()).build(), BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(method).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(response.headers().firstValue("Content-Disposition")).hasValue(
                    "attachment; filename=\"Demo _ Co.ipa\"; filename*=UTF-8''Demo%20%26%20Co.ipa");
            if (method.equals("GET")) {
                assertThat(response.body()).isEqualTo(enterpriseIpa);
            } else {
                assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(enterpriseIpa.length);
            }
        }
    }

    @Test
    void buildPage_tamperedToken_looksExactlyLikeAnUnknownBuild() throws Exception {
        String token = pageToken(enterpriseId);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        APIGatewayV2HTTPResponse bad = get("http-get-build-page.json", "/b/" + enterpriseId + "?t=" + tampered);
        APIGatewayV2HTTPResponse unknown = get("http-get-build-page.json", "/b/aaaaaaaaaaaaaaaaaaaa?t="
                + pageToken("aaaaaaaaaaaaaaaaaaaa"));
        APIGatewayV2HTTPResponse foreign = get("http-get-build-page.json", "/b/" + enterpriseId + "?t="
                + pageToken("bbbbbbbbbbbbbbbbbbbb"));
        APIGatewayV2HTTPResponse missing = get("http-get-build-page.json", "/b/" + enterpriseId);

        for (APIGatewayV2HTTPResponse response : new APIGatewayV2HTTPResponse[] {bad, foreign, missing}) {
            assertThat(response.getStatusCode()).isEqualTo(404);
            assertThat(response.getBody()).isEqualTo(unknown.getBody());
            assertThat(response.getHeaders()).isEqualTo(unknown.getHeaders());
        }
    }

    @Test
    void buildPage_expiredToken_saysTheLinkExpired() throws Exception {
        String token = new LinkSigner(KEYS, Clock.fixed(NOW.minus(Duration.ofDays(31)), ZoneOffset.UTC))
                .sign(new BuildScope(enterpriseId), Purpose.PAGE, Duration.ofDays(30));

        APIGatewayV2HTTPResponse response = get("http-get-build-page.json", "/b/" + enterpriseId + "?t=" + token);

        assertThat(response.getStatusCode()).isEqualTo(410);
    }

    @Test
    void download_revokedBuild_isRefusedAtOnce() throws Exception {
        String id = ingest("uploads/revoke/App.ipa", TestIpa.app().bundleId("dev.slipway.test.revoke").bytes());
        String packageToken = signer.sign(new BuildScope(id), Purpose.PACKAGE, Duration.ofMinutes(10));
        new S3Revocations(catalog, Clock.systemUTC()).revoke(new BuildScope(id), NOW);
        InstallHandler fresh = handler(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(10));

        APIGatewayV2HTTPResponse response = fresh.handleRequest(ApiEvents.at("http-head-download.json",
                "/d/" + id + ".ipa?t=" + packageToken), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
    }

    @Test
    void download_presignedUrl_livesExactlyTheDownloadTtl() throws Exception {
        // given a deployment whose download links live 7 minutes
        InstallHandler sevenMinutes = handler(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(7));
        String packageToken = signer.sign(new BuildScope(enterpriseId), Purpose.PACKAGE, Duration.ofMinutes(10));
        APIGatewayV2HTTPEvent event = ApiEvents.at("http-head-download.json", "/d/" + enterpriseId + ".ipa?t=" + packageToken);
        event.getRequestContext().getHttp().setMethod("GET");

        // when
        URI location = URI.create(sevenMinutes.handleRequest(event, null).getHeaders().get("Location"));

        // then the presigned URL says so; that S3 refuses it afterwards is S3ProxyCapabilitiesTest's
        // presignedGet_pastItsExpiry_isRefusedAsExpired (the SDK signs with its own clock, so no wait here)
        assertThat(location.getRawQuery()).contains("X-Amz-Expires=420").contains("X-Amz-Signature=");
    }

    @Test
    void everyResponse_carriesTheSecurityHeaders() throws Exception {
        APIGatewayV2HTTPResponse[] responses = {
            get("http-get-build-page.json", "/b/" + enterpriseId + "?t=" + pageToken(enterpriseId)),
            handler.handleRequest(ApiEvents.load("http-get-root.json"), null),
            get("http-get-manifest.json", "/m/" + enterpriseId + ".plist?t=x"),
        };
        for (APIGatewayV2HTTPResponse response : responses) {
            assertThat(response.getHeaders())
                    .containsEntry("Referrer-Policy", "no-referrer")
                    .containsEntry("X-Content-Type-Options", "nosniff")
                    .containsEntry("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
                    .containsKey("Content-Security-Policy");
            assertThat(response.getHeaders().get("Content-Security-Policy")).contains("script-src 'self'")
                    .contains("default-src 'none'");
        }
    }

    @Test
    void post_isNotAllowed() throws Exception {
        APIGatewayV2HTTPEvent event = ApiEvents.load("http-get-root.json");
        event.getRequestContext().getHttp().setMethod("POST");

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET, HEAD").containsEntry("Referrer-Policy", "no-referrer");
    }

    @Test
    void buildPage_s3Unreachable_isAPlain500WithTheSecurityHeaders() throws Exception {
        InstallHandler failing = handlerWithS3Refusing();

        APIGatewayV2HTTPResponse response = failing.handleRequest(ApiEvents.at("http-get-build-page.json",
                "/b/" + enterpriseId + "?t=" + pageToken(enterpriseId)), null);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getHeaders()).containsEntry("X-Content-Type-Options", "nosniff");
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at dev.slipway");
    }

    @Test
    void failurePage_rejectedUpload_showsItsReason() throws Exception {
        // given an upload the ingest rejected
        byte[] text = "A text file named .ipa\n".getBytes(StandardCharsets.UTF_8);
        String key = "uploads/qa/notes.ipa";
        String eTag = s3.putObject(b -> b.bucket(s3server.bucket()).key(key), RequestBody.fromBytes(text)).eTag();
        Upload upload = new Upload(key, text.length, eTag.replace("\"", ""), "02", null, Instant.now());
        String failureId = new IngestService(s3, s3server.bucket(), new IpaCopier(s3, s3server.bucket()), Clock.systemUTC())
                .ingest(upload).id();

        // when its uploader opens the failure page
        APIGatewayV2HTTPResponse response = get("http-get-build-page.json", "/f/" + failureId + "?t=" + pageToken(failureId));

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("notes.ipa").contains("Not a ZIP archive");
        // and a build page token does not open it
        assertThat(get("http-get-build-page.json", "/f/" + failureId + "?t=" + pageToken(enterpriseId)).getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void root_isNotFound() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiEvents.load("http-get-root.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
    }

    @Test
    void asset_publishedName_isServedImmutable() throws Exception {
        String css = Assets.fromClasspath().path(Assets.STYLESHEET);

        APIGatewayV2HTTPResponse response = get("http-get-root.json", css);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getIsBase64Encoded()).isTrue();
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "public, max-age=31536000, immutable");
        assertThat(new String(Base64.getDecoder().decode(response.getBody()), StandardCharsets.UTF_8)).contains("{");
    }

    @Test
    void appPage_appToken_listsTheChannelAndLinksBuildsWithTheSameToken() throws Exception {
        String id = ingest("uploads/beta/App.ipa", TestIpa.app().bundleId("dev.slipway.test.very-capable-app").bytes());
        String token = signer.sign(new AppScope("dev.slipway.test.very-capable-app", "beta"), Purpose.PAGE, Duration.ofDays(7));

        APIGatewayV2HTTPResponse response = get("http-get-app-page.json", "/a/dev.slipway.test.very-capable-app/beta?t=" + token);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("/b/" + id + "?t=" + token).contains("very-capable-app");
        // and that token opens the build page too, but not another app's
        assertThat(get("http-get-build-page.json", "/b/" + id + "?t=" + token).getStatusCode()).isEqualTo(200);
        assertThat(get("http-get-build-page.json", "/b/" + enterpriseId + "?t=" + token).getStatusCode()).isEqualTo(404);
    }

    @Test
    void appPage_onAnIphone_eachInstallLinkOpensItsOwnBuildsManifest() throws Exception {
        // given two builds of an enterprise app, and its page opened on an iPhone (the build page's event)
        String first = ingest("uploads/qa/Rows 1.ipa", rowsIpa("1"));
        String second = ingest("uploads/qa/Rows 2.ipa", rowsIpa("2"));
        String token = signer.sign(new AppScope("dev.slipway.test.rows", null), Purpose.PAGE, Duration.ofDays(7));
        String html = get("http-get-build-page.json", "/a/dev.slipway.test.rows?t=" + token).getBody();

        // when each row's Install href is taken apart: HTML layer, then the url value's percent-encoding
        List<String> manifests = new ArrayList<>();
        Matcher href = INSTALL_HREF.matcher(html);
        while (href.find()) {
            String link = href.group(1).replace("&amp;", "&");
            assertThat(link).startsWith("itms-services://?action=download-manifest&url=https%3A%2F%2Fd1a2b3c4d5e6f7.cloudfront.net%2Fm%2F");
            URI manifestUrl = URI.create(URLDecoder.decode(link.substring(link.indexOf("&url=") + 5), StandardCharsets.UTF_8));
            APIGatewayV2HTTPResponse manifest = get("http-get-manifest.json", manifestUrl.getRawPath() + "?" + manifestUrl.getRawQuery());
            assertThat(manifest.getStatusCode()).isEqualTo(200);
            manifests.add(manifestUrl.getRawPath());
        }

        // then every build has one, for itself: its own manifest, with a token that opens it
        assertThat(manifests).containsExactlyInAnyOrder("/m/" + first + ".plist", "/m/" + second + ".plist");
    }

    @Test
    void appPage_moreBuildsThanTheFirstPageShows_linksOlderBuildsToAPageOfAll() throws Exception {
        // given 22 builds of one app
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 22; i++) {
            ids.add(ingest("uploads/many/Many " + i + ".ipa", TestIpa.app().bundleId("dev.slipway.test.many")
                    .build(Integer.toString(i)).bytes()));
        }
        String token = signer.sign(new AppScope("dev.slipway.test.many", null), Purpose.PAGE, Duration.ofDays(7));

        // when
        String first = get("http-get-app-page.json", "/a/dev.slipway.test.many?t=" + token).getBody();
        Matcher older = Pattern.compile("<a href=\"([^\"]*)\">Older builds</a>").matcher(first);
        assertThat(older.find()).as("an Older builds link").isTrue();
        URI olderUrl = URI.create(older.group(1).replace("&amp;", "&"));
        String all = get("http-get-app-page.json", olderUrl.getRawPath() + "?" + olderUrl.getRawQuery()).getBody();

        // then the first page lists the newest 20, the other all 22 and no further link
        assertThat(buildLinks(first)).hasSize(20).doesNotContain(ids.get(0), ids.get(1));
        assertThat(buildLinks(all)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(all).doesNotContain("Older builds");
    }

    /** The distinct build ids an app page links to. */
    private static Set<String> buildLinks(String html) {
        Set<String> ids = new HashSet<>();
        Matcher link = Pattern.compile("/b/([^?\"]+)\\?t=").matcher(html);
        while (link.find()) {
            ids.add(link.group(1));
        }
        return ids;
    }

    private static byte[] rowsIpa(String build) throws Exception {
        return TestIpa.app().bundleId("dev.slipway.test.rows").name("Rows").build(build).profile(TestProfile.enterprise())
                .bytes();
    }

    @Test
    void pages_hostileNameAndNotes_renderInertAndRoundTripInTheManifest() throws Exception {
        // given an IPA whose display name and release notes are made of markup
        String hostile = "<script>alert(1)</script>\"'&</title>";
        NSDictionary info = new NSDictionary();
        info.put("CFBundleIdentifier", "com.example.xss");
        info.put("CFBundleDisplayName", hostile);
        info.put("CFBundleShortVersionString", "1.0");
        info.put("CFBundleVersion", "1");
        Path ipa = dir.resolve("xss.ipa");
        try (ZipWriter zip = new ZipWriter(ipa)) {
            zip.deflated("Payload/X.app/Info.plist", BinaryPropertyListWriter.writeToArray(info));
        }
        String key = "uploads/xss/X.ipa";
        String eTag = s3.putObject(b -> b.bucket(s3server.bucket()).key(key).metadata(Map.of("release-notes-b64",
                Base64.getEncoder().encodeToString(hostile.getBytes(StandardCharsets.UTF_8)))),
                RequestBody.fromFile(ipa)).eTag();
        String id = new IngestService(s3, s3server.bucket(), new IpaCopier(s3, s3server.bucket()), Clock.systemUTC())
                .ingest(new Upload(key, Files.size(ipa), eTag.replace("\"", ""), "01", null, Instant.now())).id();

        // when
        String html = get("http-get-build-page.json", "/b/" + id + "?t=" + pageToken(id)).getBody();
        String manifest = get("http-get-manifest.json", "/m/" + id + ".plist?t="
                + signer.sign(new BuildScope(id), Purpose.MANIFEST, Duration.ofMinutes(5))).getBody();

        // then nothing of it is live markup on the page
        assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("</title>\"'")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        // and the manifest gives the title back exactly
        NSDictionary item = (NSDictionary) ((NSArray) ((NSDictionary) PropertyListParser.parse(
                manifest.getBytes(StandardCharsets.UTF_8))).get("items")).objectAtIndex(0);
        assertThat(((NSDictionary) item.get("metadata")).get("title").toJavaObject()).isEqualTo(hostile);
        // and so does the reference manifest the ingest stored
        NSDictionary stored = (NSDictionary) ((NSArray) ((NSDictionary) PropertyListParser.parse(
                catalog.get(Layout.manifest(id)).orElseThrow())).get("items")).objectAtIndex(0);
        assertThat(((NSDictionary) stored.get("metadata")).get("title").toJavaObject()).isEqualTo(hostile);
        assertThat(catalog.build(id).orElseThrow().ipaKey()).isEqualTo(Layout.ipa(id));
    }

    @Test
    void issue10Defect6_hostEvilExample_getsNoLinkToEvilExample() throws Exception {
        // given the build page asked for with a forged Host, directly at the API and through CloudFront's header
        String url = "/b/" + enterpriseId + "?t=" + pageToken(enterpriseId);
        APIGatewayV2HTTPEvent direct = ApiEvents.at("http-get-build-page.json", url);
        direct.getHeaders().remove(Origins.ORIGIN_SECRET_HEADER);
        direct.getHeaders().put("host", "evil.example");
        direct.getHeaders().put("x-forwarded-host", "evil.example");
        APIGatewayV2HTTPEvent forwarded = ApiEvents.at("http-get-build-page.json", url);
        forwarded.getHeaders().put("x-forwarded-host", "evil.example");
        APIGatewayV2HTTPEvent otherDistribution = ApiEvents.at("http-get-build-page.json", url);
        otherDistribution.getHeaders().remove(Origins.ORIGIN_SECRET_HEADER);
        otherDistribution.getHeaders().put("x-forwarded-host", "d999999evil.cloudfront.net");

        // when
        APIGatewayV2HTTPResponse fromDirect = handler.handleRequest(direct, null);
        APIGatewayV2HTTPResponse fromForwarded = handler.handleRequest(forwarded, null);
        APIGatewayV2HTTPResponse fromOther = handler.handleRequest(otherDistribution, null);

        // then nobody gets a page, so no link with a fresh token to a foreign host
        assertThat(fromDirect.getStatusCode()).isEqualTo(403);
        assertThat(fromForwarded.getStatusCode()).isEqualTo(400);
        assertThat(fromOther.getStatusCode()).isEqualTo(403);
        for (APIGatewayV2HTTPResponse response : new APIGatewayV2HTTPResponse[] {fromDirect, fromForwarded, fromOther}) {
            assertThat(response.getBody()).doesNotContain("evil").doesNotContain("itms-services")
                    .doesNotContain("/m/" + enterpriseId);
            assertThat(response.getHeaders()).containsEntry("Referrer-Policy", "no-referrer");
        }
    }

    @Test
    void issue10Defect6_badHost_isBadRequestNot500() throws Exception {
        String url = "/b/" + enterpriseId + "?t=" + pageToken(enterpriseId);
        for (String host : new String[] {"evil.example/path", "a".repeat(300), null, ""}) {
            APIGatewayV2HTTPEvent event = ApiEvents.at("http-get-build-page.json", url);
            if (host == null) {
                event.getHeaders().remove("host");
            } else {
                event.getHeaders().put("host", host);
            }

            APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

            assertThat(response.getStatusCode()).as("Host %s", host).isEqualTo(400);
            assertThat(response.getHeaders()).containsEntry("X-Content-Type-Options", "nosniff");
        }
    }

    @Test
    void buildPage_customDomainThroughCloudFront_linksToTheCustomDomain() throws Exception {
        InstallSite.Settings settings = new InstallSite.Settings(s3server.bucket(), KEYS, Duration.ofMinutes(10),
                Origins.behindCloudFront(ApiEvents.ORIGIN_SECRET, "install.example.com"), Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ZERO);
        InstallHandler custom = new InstallHandler(InstallSite.router(s3server.store(), s3server.store(), settings));
        APIGatewayV2HTTPEvent event = ApiEvents.at("http-get-build-page.json", "/b/" + enterpriseId + "?t="
                + pageToken(enterpriseId));
        event.getHeaders().put("x-forwarded-host", "Install.Example.com");

        APIGatewayV2HTTPResponse response = custom.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("url=https%3A%2F%2Finstall.example.com%2Fm%2F" + enterpriseId);
    }

    @Test
    void buildPage_s3Unreachable_logsTheStackTraceWithTheRequestId() throws Exception {
        InstallHandler failing = handlerWithS3Refusing();
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
            failing.handleRequest(ApiEvents.at("http-get-build-page.json", "/b/" + enterpriseId + "?t="
                    + pageToken(enterpriseId)), new LocalContext("slipway-install", "req-500"));
        } finally {
            System.setErr(err);
        }

        java.util.List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        Map<String, Object> line = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(lines.get(0));
        assertThat(line).containsEntry("level", "ERROR").containsEntry("event", "page.view")
                .containsEntry("requestId", "req-500").containsEntry("build", enterpriseId).containsEntry("status", 500);
        assertThat((String) line.get("stackTrace")).contains("\n\tat ");
        assertThat(lines.get(0)).doesNotContain("?t=").doesNotContain(pageToken(enterpriseId));
    }
}
