package dev.slipway.ingest;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.FailureRecord;
import dev.slipway.catalog.IndexEntry;
import dev.slipway.catalog.Layout;
import dev.slipway.catalog.Receipt;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.catalog.Upload;
import dev.slipway.fixtures.Corpus;
import dev.slipway.fixtures.Fixtures;
import dev.slipway.fixtures.TestIpa;
import dev.slipway.fixtures.TestProfile;
import dev.slipway.ipa.IpaInfo;
import dev.slipway.ipa.IpaReader;
import dev.slipway.ipa.zip.BlockCache;
import dev.slipway.ipa.zip.FileByteSource;
import dev.slipway.log.LocalContext;
import dev.slipway.storage.SdkObjectStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ingest handler over a real S3 protocol server (S3Proxy, signatures checked), fed real event JSON. */
class IngestHandlerTest {
    private static final LocalContext CONTEXT = new LocalContext("slipway-ingest", "test-request");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    @RegisterExtension
    static final IngestOverS3 INGEST = new IngestOverS3(CLOCK);

    @Corpus
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.slipway.fixtures.Fixtures#ipas")
    void handleRequest_everyRealIpa_becomesACompleteBuild(Path ipa) throws Exception {
        assertBecomesACompleteBuild(ipa);
    }

    static List<Path> generatedIpas() throws Exception {
        Path dir = Files.createTempDirectory("generated-ipas");
        return List.of(
                TestIpa.app().bundleId("dev.slipway.test.adhoc").write(dir.resolve("Ad Hoc.ipa")),
                TestIpa.app().bundleId("dev.slipway.test.binary").binaryPlist().families(1, 2).iconSize(1024)
                        .extension("Widget").profile(TestProfile.enterprise()).write(dir.resolve("binary-enterprise.ipa")),
                TestIpa.app().bundleId("dev.slipway.test.bare").iconSize(0).profile(TestProfile.development().xml())
                        .write(dir.resolve("bare-development.ipa")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedIpas")
    void handleRequest_generatedIpa_becomesACompleteBuild(Path ipa) throws Exception {
        assertBecomesACompleteBuild(ipa);
    }

    private static void assertBecomesACompleteBuild(Path ipa) throws Exception {
        // given the IPA uploaded with release notes, and its ObjectCreated event
        byte[] bytes = Files.readAllBytes(ipa);
        String key = "uploads/beta/" + ipa.getFileName();
        S3Event event = uploaded(key, bytes, Map.of("release-notes-b64", b64("Fixes & features\nÜber <fast>")));
        IpaInfo expected = readLocally(ipa);

        // when
        INGEST.handler().handleRequest(event, CONTEXT);

        // then the record says what the IPA says, and where it came from
        String id = upload(event).buildId();
        BuildRecord record = INGEST.catalog().build(id).orElseThrow();
        assertThat(record.id()).isEqualTo(id);
        assertThat(record.bundleId()).isEqualTo(expected.app().bundleId());
        assertThat(record.version()).isEqualTo(expected.app().version());
        assertThat(record.build()).isEqualTo(expected.app().build());
        assertThat(record.name()).isEqualTo(expected.app().name());
        assertThat(record.channel()).isEqualTo("beta");
        assertThat(record.releaseNotes()).isEqualTo("Fixes & features\nÜber <fast>");
        assertThat(record.fileName()).isEqualTo(ipa.getFileName().toString());
        assertThat(record.size()).isEqualTo(bytes.length);
        assertThat(record.profile().type()).isEqualTo(expected.profile().type());
        assertThat(record.profile().expiresAt()).isEqualTo(expected.profile().expiresAt());
        assertThat(record.asMap()).containsEntry("uploadKey", key).containsEntry("ingestedAt", "2026-11-21T10:00:00Z")
                .containsKeys("minimumOsVersion", "deviceFamilies", "platform", "profile", "icon", "extensions");
        // and the IPA moved, byte for byte, out of uploads/ (an unversioned bucket)
        assertThat(record.ipaKey()).isEqualTo(Layout.ipa(id));
        assertThat(record.ipaVersionId()).isNull();
        assertThat(INGEST.catalog().get(Layout.ipa(id))).hasValue(bytes);
        assertThat(INGEST.catalog().get(key)).isEmpty();
        // and the manifest carries exactly the keys iOS reads, with no presigned URL in it
        NSDictionary item = manifestItem(id);
        NSArray assets = (NSArray) item.get("assets");
        assertThat(assets.count()).isEqualTo(expected.icon() == null ? 1 : 3);
        assertThat(((NSDictionary) assets.objectAtIndex(0)).get("url").toJavaObject())
                .isEqualTo(Layout.PLACEHOLDER_BASE + "/" + Layout.ipa(id));
        NSDictionary metadata = (NSDictionary) item.get("metadata");
        assertThat(metadata.get("bundle-identifier").toJavaObject()).isEqualTo(expected.app().bundleId());
        assertThat(metadata.get("title").toJavaObject()).isEqualTo(expected.app().name());
        // and the icons exist exactly when the IPA has one, at the sizes the manifest wants
        if (expected.icon() == null) {
            assertThat(record.hasIcon()).isFalse();
            assertThat(INGEST.catalog().get(Layout.icon(id, 57))).isEmpty();
        } else {
            assertThat(png(Layout.icon(id, 57)).getWidth()).isEqualTo(57);
            assertThat(png(Layout.icon(id, 512)).getWidth()).isEqualTo(512);
            assertThat(png(Layout.icon(id, 0)).getWidth()).isEqualTo(expected.icon().width());
        }
        // and the index and the receipt point at the build
        assertThat(INGEST.catalog().appBuilds(expected.app().bundleId(), "beta", 100).newest()).extracting(IndexEntry::id)
                .contains(id);
        Receipt receipt = INGEST.catalog().receipt(key).orElseThrow();
        assertThat(receipt.outcome()).isEqualTo(Receipt.BUILT);
        assertThat(receipt.id()).isEqualTo(id);
    }

    @Corpus // the sample event names the real fixture's size and ETag
    @ParameterizedTest
    @Event(value = "events/s3-put-upload.json", type = S3Event.class)
    void handleRequest_sampleEventWithSpacesInKey_buildsIntoItsChannel(S3Event event) throws Exception {
        // given the object the sample event describes (key with spaces, encoded with '+')
        BuildRecord record = ingested(event, "uploads/beta/fastlane very capable app.ipa", "ipa/fastlane very capable app.ipa");

        assertThat(record.asMap()).containsEntry("uploadKey", "uploads/beta/fastlane very capable app.ipa");
        assertThat(record.channel()).isEqualTo("beta");
        assertThat(record.name()).isEqualTo("very capable app");
    }

    @Corpus // the sample event names the real fixture's size and ETag
    @ParameterizedTest
    @Event(value = "events/s3-put-unicode-key.json", type = S3Event.class)
    void handleRequest_sampleEventWithPlusAndNonAscii_decodesTheKey(S3Event event) throws Exception {
        BuildRecord record = ingested(event, "uploads/Café Über+1.ipa", "ipa/pliney-test.ipa");

        assertThat(record.fileName()).isEqualTo("Café Über+1.ipa");
        assertThat(record.channel()).isEqualTo(Upload.DEFAULT_CHANNEL);
        assertThat(INGEST.catalog().get("uploads/Café Über+1.ipa")).isEmpty();
    }

    @Corpus // the sample event names the real fixture's size and ETag
    @ParameterizedTest
    @Event(value = "events/s3-put-two-records.json", type = S3Event.class)
    void handleRequest_twoRecords_handlesEachAndIgnoresKeysOutsideUploads(S3Event event) throws Exception {
        upload("uploads/qa/app_info-embedded.ipa", Fixtures.bytes("ipa/app_info-embedded.ipa"), Map.of());
        upload("builds/abc/app.ipa", Fixtures.bytes("ipa/pliney-test.ipa"), Map.of());

        INGEST.handler().handleRequest(event, CONTEXT);

        List<Upload> uploads = event.getRecords().stream().map(IngestOverS3::upload).toList();
        assertThat(INGEST.catalog().build(uploads.get(0).buildId())).isPresent();
        assertThat(INGEST.catalog().build(uploads.get(1).buildId())).isEmpty();
        assertThat(INGEST.catalog().get("builds/abc/app.ipa")).isPresent();
    }

    @Corpus
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.slipway.fixtures.Fixtures#invalidIpas")
    void handleRequest_invalidIpa_recordsTheReasonAndKeepsTheUpload(Path ipa) throws Exception {
        byte[] bytes = Files.readAllBytes(ipa);
        String key = "uploads/" + ipa.getFileName();
        S3Event event = uploaded(key, bytes, Map.of());

        INGEST.handler().handleRequest(event, CONTEXT);

        Upload upload = upload(event);
        FailureRecord failure = INGEST.catalog().failure(upload.failureId()).orElseThrow();
        assertThat(failure.uploadKey()).isEqualTo(key);
        assertThat(failure.reason()).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
        assertThat(INGEST.catalog().get(key)).hasValue(bytes);
        assertThat(INGEST.catalog().build(upload.buildId())).isEmpty();
        Receipt receipt = INGEST.catalog().receipt(key).orElseThrow();
        assertThat(receipt.outcome()).isEqualTo(Receipt.FAILED);
        assertThat(receipt.reason()).isEqualTo(failure.reason());
    }

    @Test
    void handleRequest_notAZip_recordsExactlyWhy() throws Exception {
        byte[] bytes = "A text file named .ipa\n".getBytes(StandardCharsets.UTF_8);
        S3Event event = uploaded("uploads/notes.ipa", bytes, Map.of());

        INGEST.handler().handleRequest(event, CONTEXT);

        assertThat(INGEST.catalog().failure(upload(event).failureId()).orElseThrow().reason()).isEqualTo("not a ZIP archive");
    }

    @Test
    void handleRequest_nestedChannelFolder_isRejectedWithTheRule() throws Exception {
        byte[] bytes = TestIpa.app().bytes();
        S3Event event = uploaded("uploads/a/b/App.ipa", bytes, Map.of());

        INGEST.handler().handleRequest(event, CONTEXT);

        assertThat(INGEST.catalog().failure(upload(event).failureId()).orElseThrow().reason())
                .isEqualTo("channel folders are one level deep: put the IPA in uploads/<channel>/, not uploads/a/b/");
    }

    @Test
    void handleRequest_sameEventTwice_yieldsOneBuild() throws Exception {
        byte[] bytes = TestIpa.app().bundleId("dev.slipway.test.dup").bytes();
        S3Event event = uploaded("uploads/dup/App.ipa", bytes, Map.of());

        INGEST.handler().handleRequest(event, CONTEXT);
        INGEST.handler().handleRequest(event, CONTEXT);

        assertThat(INGEST.catalog().appBuilds("dev.slipway.test.dup", "dup", 100).newest()).hasSize(1);
    }

    @Test
    void handleRequest_sameKeyUploadedTwice_makesTwoBuildsAndKeepsTheFirstIntact() throws Exception {
        // given a first upload, ingested
        byte[] first = TestIpa.app().bundleId("dev.slipway.test.again").build("2").bytes();
        byte[] second = TestIpa.app().bundleId("dev.slipway.test.again").build("1").bytes();
        String key = "uploads/again/App.ipa";
        upload(key, first, Map.of());
        S3Event firstEvent = S3Events.put(INGEST.bucket(), key, first, nextSequencer());
        INGEST.handler().handleRequest(firstEvent, CONTEXT);

        // when another IPA lands under the same key
        upload(key, second, Map.of());
        S3Event secondEvent = S3Events.put(INGEST.bucket(), key, second, nextSequencer());
        INGEST.handler().handleRequest(secondEvent, CONTEXT);

        // then there are two builds, and the first still installs what it did
        String firstId = upload(firstEvent).buildId();
        String secondId = upload(secondEvent).buildId();
        assertThat(firstId).isNotEqualTo(secondId);
        assertThat(INGEST.catalog().get(Layout.ipa(firstId))).hasValue(first);
        assertThat(INGEST.catalog().get(Layout.ipa(secondId))).hasValue(second);
        assertThat(INGEST.catalog().appBuilds("dev.slipway.test.again", "again", 100).newest()).extracting(IndexEntry::id)
                .containsExactly(secondId, firstId);
    }

    @Test
    void handleRequest_staleEventForOverwrittenObject_writesNothing() throws Exception {
        byte[] first = TestIpa.app().bundleId("dev.slipway.test.first").bytes();
        byte[] second = TestIpa.app().bundleId("dev.slipway.test.second").bytes();
        String key = "uploads/stale/App.ipa";
        S3Event staleEvent = S3Events.put(INGEST.bucket(), key, first, nextSequencer());
        upload(key, second, Map.of());

        INGEST.handler().handleRequest(staleEvent, CONTEXT);

        assertThat(INGEST.catalog().build(upload(staleEvent).buildId())).isEmpty();
        assertThat(INGEST.catalog().failure(upload(staleEvent).failureId())).isEmpty();
        assertThat(INGEST.catalog().get(key)).hasValue(second);
    }

    @Test
    void handleRequest_buildsOfOneAppAtOnce_allLandInTheIndex() throws Exception {
        // given eight uploads of the same app under different names
        byte[] bytes = TestIpa.app().bundleId("dev.slipway.test.race").bytes();
        List<S3Event> events = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String key = "uploads/race/App-" + i + ".ipa";
            upload(key, bytes, Map.of());
            events.add(S3Events.put(INGEST.bucket(), key, bytes, nextSequencer()));
        }

        // when they are ingested concurrently
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> done = new java.util.ArrayList<>();
            for (S3Event event : events) {
                done.add(pool.submit((Callable<Object>) () -> INGEST.handler().handleRequest(event, CONTEXT)));
            }
            for (Future<Object> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        // then no update was lost: not in the entries (a listing), nor in the app's index document
        List<String> ids = events.stream().map(e -> upload(e).buildId()).toList();
        assertThat(INGEST.catalog().appBuilds("dev.slipway.test.race", "race", 100).newest()).extracting(IndexEntry::id)
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(INGEST.catalog().get(Layout.appIndex("dev.slipway.test.race"))).isPresent();
        assertThat(INGEST.catalog().appBuilds("dev.slipway.test.race", "race", 50).newest()).extracting(IndexEntry::id)
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void handleRequest_redeliveredAfterAnAttemptThatStoppedAtTheRecord_indexesTheBuild() throws Exception {
        // given an ingest whose index entry, index document and receipt never got written (the
        // attempt stopped right after the record)
        byte[] bytes = TestIpa.app().bundleId("dev.slipway.test.stopped").bytes();
        S3Event event = uploaded("uploads/stopped/App.ipa", bytes, Map.of());
        INGEST.handler().handleRequest(event, CONTEXT);
        String id = upload(event).buildId();
        BuildRecord record = INGEST.catalog().build(id).orElseThrow();
        Upload upload = upload(event);
        for (String key : List.of(IndexEntry.of(record).key(), Layout.appIndex(record.bundleId()),
                Layout.receipt(upload.key(), upload.versionId(), upload.eTag()))) {
            INGEST.s3().deleteObject(b -> b.bucket(INGEST.bucket()).key(key));
        }
        assertThat(INGEST.catalog().appBuilds(record.bundleId(), "stopped", 50).newest()).isEmpty();

        // when Lambda delivers the event again
        INGEST.handler().handleRequest(event, CONTEXT);

        // then the build is listed again, and answered
        assertThat(INGEST.catalog().appBuilds(record.bundleId(), "stopped", 50).newest()).extracting(IndexEntry::id)
                .containsExactly(id);
        assertThat(INGEST.catalog().receipt(upload.key(), upload.versionId(), upload.eTag())).isPresent();
    }

    @Test
    void handleRequest_s3Unreachable_rethrowsSoLambdaRetries() throws Exception {
        // given a handler whose S3 client has wrong credentials: every call fails
        S3Client denied = INGEST.server().clientBuilder()
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("x", "y"))
                .build();
        IngestHandler broken = new IngestHandler(new IngestService(denied, INGEST.bucket(),
                new IpaCopier(denied, INGEST.bucket()), CLOCK), INGEST.bucket());
        byte[] bytes = TestIpa.app().bytes();
        S3Event event = uploaded("uploads/denied/App.ipa", bytes, Map.of());

        assertThatThrownBy(() -> broken.handleRequest(event, CONTEXT))
                .isInstanceOf(software.amazon.awssdk.services.s3.model.S3Exception.class);
        assertThat(INGEST.catalog().failure(upload(event).failureId())).isEmpty();
        assertThat(INGEST.catalog().get("uploads/denied/App.ipa")).hasValue(bytes);
    }

    @Test
    void handleRequest_largeIpaOverTheSingleCopyLimit_isCopiedInParts() throws Exception {
        // given a copier whose limits make a 2 MB IPA a "large" one
        IngestHandler multipart = INGEST.handler(new IpaCopier(INGEST.s3(), INGEST.bucket(), 1024 * 1024, 5 * 1024 * 1024));
        byte[] bytes = TestIpa.app().filler(2 * 1024 * 1024).bytes();
        S3Event event = uploaded("uploads/big/App.ipa", bytes, Map.of());

        multipart.handleRequest(event, CONTEXT);

        assertThat(INGEST.catalog().get(Layout.ipa(upload(event).buildId()))).hasValue(bytes);
    }

    @Test
    void handleRequest_versionedBucket_keepsExactlyTheIngestedVersionWithoutCopying() throws Exception {
        // given a versioned bucket (as the template makes it), where an upload was overwritten
        // after its event fired but before it was handled
        String bucket = "slipway-versioned";
        INGEST.s3().createBucket(b -> b.bucket(bucket));
        INGEST.s3().putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        byte[] first = TestIpa.app().bundleId("dev.slipway.test.first").bytes();
        byte[] second = TestIpa.app().bundleId("dev.slipway.test.second").bytes();
        String key = "uploads/v/App.ipa";
        String v1 = INGEST.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(first)).versionId();
        INGEST.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(second));
        S3Event event = S3Events.put(bucket, key, first, nextSequencer(), v1);
        IngestHandler versioned = new IngestHandler(new IngestService(INGEST.s3(), bucket, new IpaCopier(INGEST.s3(), bucket), CLOCK), bucket);

        // when the first upload's event is handled
        versioned.handleRequest(event, CONTEXT);

        // then the build is that version, in place: nothing copied, and the newer upload untouched
        S3Catalog versionedCatalog = new S3Catalog(new SdkObjectStore(INGEST.s3(), bucket));
        String id = upload(event).buildId();
        BuildRecord record = versionedCatalog.build(id).orElseThrow();
        assertThat(record.bundleId()).isEqualTo("dev.slipway.test.first");
        assertThat(record.ipaKey()).isEqualTo(key);
        assertThat(record.ipaVersionId()).isEqualTo(v1);
        assertThat(INGEST.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key).versionId(v1)).asByteArray()).isEqualTo(first);
        assertThat(versionedCatalog.get(Layout.ipa(id))).isEmpty();
        assertThat(versionedCatalog.get(key)).hasValue(second);
    }

    @Test
    void handleRequest_plainAndEncodedWordNotes_areDecoded() throws Exception {
        byte[] bytes = TestIpa.app().bytes();
        S3Event event = uploaded("uploads/notes/A.ipa", bytes, Map.of("release-notes", "=?UTF-8?B?" + b64("Café ✓") + "?="));

        INGEST.handler().handleRequest(event, CONTEXT);

        assertThat(INGEST.catalog().build(upload(event).buildId()).orElseThrow().releaseNotes()).isEqualTo("Café ✓");
    }

    private static void upload(String key, byte[] bytes, Map<String, String> metadata) {
        INGEST.s3().putObject(b -> b.bucket(INGEST.bucket()).key(key).metadata(metadata), RequestBody.fromBytes(bytes));
    }

    /** Puts the object and returns the ObjectCreated event S3 sends for it. */
    private static S3Event uploaded(String key, byte[] bytes, Map<String, String> metadata) throws Exception {
        upload(key, bytes, metadata);
        return S3Events.put(INGEST.bucket(), key, bytes, nextSequencer());
    }

    /** Puts the fixture a sample event names under its key, handles the event, and returns the build it made. */
    private static BuildRecord ingested(S3Event sample, String key, String fixture) throws Exception {
        upload(key, Fixtures.bytes(fixture), Map.of());
        INGEST.handler().handleRequest(sample, CONTEXT);
        return INGEST.catalog().build(upload(sample).buildId()).orElseThrow();
    }

    private static Upload upload(S3Event event) {
        return IngestOverS3.upload(event.getRecords().get(0));
    }

    private static NSDictionary manifestItem(String id) throws Exception {
        byte[] xml = INGEST.catalog().get(Layout.manifest(id)).orElseThrow();
        NSDictionary root = (NSDictionary) PropertyListParser.parse(xml);
        assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("X-Amz-Signature");
        return (NSDictionary) ((NSArray) root.get("items")).objectAtIndex(0);
    }

    private static BufferedImage png(String key) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(INGEST.catalog().get(key).orElseThrow()));
    }

    private static IpaInfo readLocally(Path ipa) throws Exception {
        try (BlockCache source = new BlockCache(FileByteSource.open(ipa))) {
            return new IpaReader().read(source);
        }
    }

    private static String nextSequencer() {
        return String.format("0066%014X", SEQUENCE.incrementAndGet());
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
