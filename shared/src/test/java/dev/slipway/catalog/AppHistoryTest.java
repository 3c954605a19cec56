package dev.slipway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.catalog.S3Catalog.AppBuilds;
import dev.slipway.fixtures.TestIndexEntries;
import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.TestS3Extension;
import dev.slipway.storage.HttpObjectStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * An app's history over S3Proxy: what an app page lists (the newest builds of all channels, each
 * channel's newest), what it reads, in how many requests, and concurrent ingests.
 */
@ExtendWith(TestS3Extension.class)
class AppHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static IndexEntry entry(String bundleId, String channel, int n) {
        return TestIndexEntries.adHoc(TestS3.buildId(n), bundleId, channel, "App", "1." + n, String.valueOf(n), 1000 + n,
                T0.plusSeconds(n));
    }

    /** Builds as the ingest stores them: the entry, then the app's index document. */
    private static void ingested(S3Catalog catalog, IndexEntry entry) {
        catalog.putIndexEntry(entry);
        catalog.refreshAppIndex(entry.bundleId());
    }

    /** Index entries alone (no index document), four at a time: many builds, quickly. */
    private static void storedAtOnce(S3Catalog catalog, List<IndexEntry> entries) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (IndexEntry entry : entries) {
                done.add(pool.submit(() -> catalog.putIndexEntry(entry)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void appBuilds_1_10_100Builds_isOneRequestNewestFirst(TestS3 s3) throws Exception {
        for (int builds : List.of(1, 10, 100)) {
            // given
            String app = "dev.slipway.history" + builds;
            S3Catalog writer = new S3Catalog(s3.store());
            for (int n = 1; n <= builds; n++) {
                ingested(writer, entry(app, n % 2 == 0 ? "beta" : "prod", n));
            }
            AtomicInteger requests = new AtomicInteger();
            // when
            AppBuilds shown = new S3Catalog(s3.countingStore(requests)).appBuilds(app, null, 50);
            // then: one GET (the index document), the newest 50 of both channels together, and each channel's newest
            assertThat(requests.get()).as("%d builds", builds).isEqualTo(1);
            assertThat(s3.store().get(Layout.appIndex(app))).isPresent();
            assertThat(shown.newest()).hasSize(Math.min(builds, 50))
                    .isSortedAccordingTo((a, b) -> b.uploadedAt().compareTo(a.uploadedAt()));
            assertThat(shown.newest().get(0).build()).isEqualTo(String.valueOf(builds));
            assertThat(shown.latestPerChannel()).hasSize(builds == 1 ? 1 : 2);
        }
    }

    @Test
    void putIndexEntry_concurrentIngestsOfOneApp_loseNoBuild(TestS3 s3) throws Exception {
        // given two ingests at once, each storing 15 builds of the same app
        S3Catalog catalog = new S3Catalog(s3.store());
        String app = "dev.slipway.race";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int worker = 0; worker < 2; worker++) {
                int first = worker * 15 + 1;
                done.add(pool.submit(() -> {
                    for (int n = first; n < first + 15; n++) {
                        ingested(catalog, entry(app, "beta", n));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // then every build is in the index document (one GET), and in the listing
        AtomicInteger requests = new AtomicInteger();
        assertThat(new S3Catalog(s3.countingStore(requests)).appBuilds(app, null, 50).newest()).hasSize(30);
        assertThat(requests.get()).isEqualTo(1);
        assertThat(catalog.appBuilds(app, null, 100).newest()).hasSize(30);
    }

    @Test
    void refreshAppIndex_anotherWriterStoresBetweenItsReadAndItsWrite_retriesAndKeepsBoth(TestS3 s3) throws Exception {
        // given writer A, whose first conditional write is preceded by writer B's whole ingest: A read
        // and listed before B's build existed, so a plain write would drop B's build from the document
        String app = "dev.slipway.interleaved";
        S3Catalog b = new S3Catalog(s3.store());
        AtomicInteger writesByA = new AtomicInteger();
        HttpObjectStore interleaving = s3.store(new TestS3.Exchanges() {
            @Override
            public void sending(SdkHttpRequest request) {
                boolean documentWrite = request.method() == SdkHttpMethod.PUT
                        && request.encodedPath().endsWith("/" + Layout.appIndex(app));
                if (documentWrite && writesByA.incrementAndGet() == 1) {
                    ingested(b, entry(app, "beta", 2));
                }
            }
        });
        S3Catalog a = new S3Catalog(interleaving);
        ingested(b, entry(app, "prod", 0));

        // when
        ingested(a, entry(app, "beta", 1));

        // then A's write over the version it read was refused; read again, the document held both builds
        AtomicInteger requests = new AtomicInteger();
        assertThat(new S3Catalog(s3.countingStore(requests)).appBuilds(app, null, 50).newest())
                .extracting(IndexEntry::build).containsExactly("2", "1", "0");
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void appBuilds_indexDocumentReadBefore_isAskedForConditionallyAndReadAgainOnceChanged(TestS3 s3) throws Exception {
        // given a page's catalog that records S3's answers
        String app = "dev.slipway.conditional";
        S3Catalog writer = new S3Catalog(s3.store());
        ingested(writer, entry(app, "beta", 1));
        List<Integer> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        S3Catalog reader = new S3Catalog(s3.store(new TestS3.Exchanges() {
            @Override
            public void answered(SdkHttpRequest request, int status) {
                answers.add(status);
            }
        }));

        // when / then: read, then "not modified" (no body), then read again after a new build
        assertThat(reader.appBuilds(app, null, 50).newest()).extracting(IndexEntry::build).containsExactly("1");
        assertThat(reader.appBuilds(app, null, 50).newest()).extracting(IndexEntry::build).containsExactly("1");
        ingested(writer, entry(app, "beta", 2));
        assertThat(reader.appBuilds(app, null, 50).newest()).extracting(IndexEntry::build).containsExactly("2", "1");
        assertThat(answers).containsExactly(200, 304, 200);
    }

    @Test
    void appBuilds_appWithoutIndexDocument_isListedInOneRequest(TestS3 s3) throws Exception {
        // given builds stored before index documents existed: entries alone
        S3Catalog catalog = new S3Catalog(s3.store());
        String app = "dev.slipway.nodocument";
        for (int n = 1; n <= 5; n++) {
            catalog.putIndexEntry(entry(app, n % 2 == 0 ? "beta" : "prod", n));
        }
        AtomicInteger requests = new AtomicInteger();
        // when
        AppBuilds listed = new S3Catalog(s3.countingStore(requests)).appBuilds(app, null, 50);
        // then: a GET that finds no document, and one listing; then the next write makes the document
        assertThat(listed.newest()).extracting(IndexEntry::build).containsExactly("5", "4", "3", "2", "1");
        assertThat(requests.get()).isEqualTo(2);
        ingested(catalog, entry(app, "beta", 6));
        requests.set(0);
        assertThat(new S3Catalog(s3.countingStore(requests)).appBuilds(app, null, 50).newest())
                .extracting(IndexEntry::build).containsExactly("6", "5", "4", "3", "2", "1");
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void withdrawAndRestore_rewriteTheIndexDocument(TestS3 s3) throws Exception {
        // given
        S3Catalog catalog = new S3Catalog(s3.store());
        String app = "dev.slipway.withdrawn";
        for (int n = 1; n <= 3; n++) {
            ingested(catalog, entry(app, "beta", n));
        }
        // when / then
        catalog.withdraw(app, TestS3.buildId(3));
        assertThat(catalog.appBuilds(app, "beta", 50).newest()).extracting(IndexEntry::build).containsExactly("2", "1");
        assertThat(new String(s3.store().get(Layout.appIndex(app)).orElseThrow())).doesNotContain(TestS3.buildId(3));
        catalog.restore(app, TestS3.buildId(3));
        assertThat(catalog.appBuilds(app, "beta", 50).newest()).extracting(IndexEntry::build).containsExactly("3", "2", "1");
    }

    @Test
    void appBuilds_indexDocumentNamingKeysOutsideTheApp_isIgnoredForTheListing(TestS3 s3) throws Exception {
        // given a document rewritten by hand to list another app's build
        S3Catalog catalog = new S3Catalog(s3.store());
        String app = "dev.slipway.tampered";
        ingested(catalog, entry(app, "beta", 1));
        ingested(catalog, entry("dev.slipway.other", "beta", 2));
        String foreign = entry("dev.slipway.other", "beta", 2).key();
        catalog.put(Layout.appIndex(app), ("{\"format\":1,\"depth\":50,\"channels\":{\"beta\":[\"" + foreign + "\"]}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
        // when / then: the app's own listing
        assertThat(catalog.appBuilds(app, null, 50).newest()).extracting(IndexEntry::build).containsExactly("1");
    }

    @Test
    void refreshAppIndex_moreKeysThanADocumentHolds_saysSoAndTheAppIsListed(TestS3 s3) throws Exception {
        // given 21 channels of 50 builds: 1,050 keys to hold
        S3Catalog catalog = new S3Catalog(s3.store());
        String app = "dev.slipway.channels";
        List<IndexEntry> entries = new ArrayList<>();
        for (int n = 1; n <= 21 * AppIndex.DEPTH; n++) {
            entries.add(entry(app, "c" + (n % 21), n));
        }
        storedAtOnce(catalog, entries);
        // when
        catalog.refreshAppIndex(app);
        // then
        assertThat(new String(s3.store().get(Layout.appIndex(app)).orElseThrow())).contains("\"complete\":false");
        AppBuilds shown = catalog.appBuilds(app, null, 3);
        assertThat(shown.newest()).extracting(IndexEntry::build).containsExactly("1050", "1049", "1048");
        assertThat(shown.latestPerChannel()).hasSize(21);
    }

    @Test
    void appBuilds_entriesStoredBeforeKeysCarriedThem_areReadWithAGetEach(TestS3 s3) throws Exception {
        // given two builds stored the old way (plain key), one the new way
        S3Catalog catalog = new S3Catalog(s3.store());
        String app = "dev.slipway.legacy";
        for (int n = 1; n <= 2; n++) {
            IndexEntry old = entry(app, "beta", n);
            catalog.put(Layout.indexEntry(app, "beta", old.uploadedAt(), old.id()), old.toJson(), "application/json");
        }
        ingested(catalog, entry(app, "beta", 3));
        AtomicInteger requests = new AtomicInteger();
        // when
        AppBuilds shown = new S3Catalog(s3.countingStore(requests)).appBuilds(app, null, 50);
        // then: one listing, and a GET for each old entry
        assertThat(shown.newest()).extracting(IndexEntry::build).containsExactly("3", "2", "1");
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void appBuilds_olderEntriesStoredWithoutSummary_areNotReadUnlessShown(TestS3 s3) throws Exception {
        // given an old build stored the old way (plain key) on "prod", and 5 newer on "beta", one withdrawn
        S3Catalog catalog = new S3Catalog(s3.store());
        String app = "dev.slipway.shown";
        IndexEntry old = entry(app, "prod", 1);
        catalog.put(Layout.indexEntry(app, "prod", old.uploadedAt(), old.id()), old.toJson(), "application/json");
        IndexEntry older = entry(app, "beta", 2);
        catalog.put(Layout.indexEntry(app, "beta", older.uploadedAt(), older.id()), older.toJson(), "application/json");
        for (int n = 3; n <= 7; n++) {
            catalog.putIndexEntry(entry(app, "beta", n));
        }
        catalog.withdraw(app, TestS3.buildId(7));
        AtomicInteger requests = new AtomicInteger();
        // when the page asks for the 3 newest
        AppBuilds builds = new S3Catalog(s3.countingStore(requests)).appBuilds(app, null, 3);
        // then: the listing, and a GET for prod's old entry alone (its channel's newest), not beta's old one
        assertThat(builds.newest()).extracting(IndexEntry::build).containsExactly("6", "5", "4");
        assertThat(builds.latestPerChannel()).containsOnlyKeys("beta", "prod");
        assertThat(builds.latestPerChannel().get("beta").build()).isEqualTo("6");
        assertThat(builds.latestPerChannel().get("prod")).isEqualTo(old);
        assertThat(requests.get()).isEqualTo(2);
    }

    @Test
    void appBuilds_oneChannel_listsThatChannelOnly(TestS3 s3) throws Exception {
        // given
        S3Catalog catalog = new S3Catalog(s3.store());
        String app = "dev.slipway.onechannel";
        for (int n = 1; n <= 4; n++) {
            catalog.putIndexEntry(entry(app, n % 2 == 0 ? "beta" : "prod", n));
        }
        // when
        AppBuilds builds = catalog.appBuilds(app, "prod", 50);
        // then
        assertThat(builds.newest()).extracting(IndexEntry::build).containsExactly("3", "1");
        assertThat(builds.latestPerChannel()).containsOnlyKeys("prod");
    }

    @Test
    void appBuilds_appOverOneListing_readsTheMarkersAndEachChannelApart(TestS3 s3) throws Exception {
        // given 1,001 builds on two channels (more than one listing holds), the newest of "beta" withdrawn
        S3Catalog catalog = new S3Catalog(s3.store());
        String app = "dev.slipway.large";
        int builds = 1001;
        List<IndexEntry> entries = new ArrayList<>();
        for (int n = 1; n <= builds; n++) {
            entries.add(entry(app, n % 2 == 0 ? "beta" : "prod", n));
        }
        storedAtOnce(catalog, entries);
        catalog.withdraw(app, TestS3.buildId(1000));
        AtomicInteger requests = new AtomicInteger();
        // when: from the index document the withdrawal wrote, and without it (an app stored before them)
        AppBuilds fromDocument = new S3Catalog(s3.countingStore(requests)).appBuilds(app, null, 3);
        int documentRequests = requests.getAndSet(0);
        s3.store().delete(Layout.appIndex(app));
        AppBuilds shown = new S3Catalog(s3.countingStore(requests)).appBuilds(app, null, 3);
        // then: one GET; else the missed GET, the app's listing, the markers', the channels', and one listing per channel
        assertThat(documentRequests).isEqualTo(1);
        assertThat(fromDocument).isEqualTo(shown);
        assertThat(shown.newest()).extracting(IndexEntry::build).containsExactly("1001", "999", "998");
        assertThat(shown.latestPerChannel()).containsOnlyKeys("beta", "prod");
        assertThat(shown.latestPerChannel().get("beta").build()).isEqualTo("998");
        assertThat(requests.get()).isEqualTo(6);
    }

    @Test
    void key_longName_keepsItsSummaryInSegmentsAFileNameCanHold() throws Exception {
        // given a name that alone would pass a file name's 255 bytes
        IndexEntry entry = TestIndexEntries.adHoc("abcdefghijklmnopqrst", "dev.slipway.long", "beta", "N".repeat(120), "1",
                "1", 1, T0);
        // when
        String key = entry.key();
        // then every segment fits a file name, and the key reads back as the entry, requirements included
        assertThat(key.substring(key.lastIndexOf(".json") - 600)).contains("/");
        assertThat(key.split("/")).allSatisfy(segment -> assertThat(segment.length()).isLessThanOrEqualTo(255));
        assertThat(IndexEntry.fromKey(key)).contains(entry);
        assertThat(entry.requirements()).isNotNull();
    }

    @Test
    void key_summaryPastS3sKeyLimit_fallsBackToThePlainKey() throws Exception {
        // given a summary that would make the key longer than S3's 1,024 bytes
        IndexEntry entry = TestIndexEntries.adHoc("abcdefghijklmnopqrst", "dev.slipway.long", "beta", "N".repeat(900), "1",
                "1", 1, T0);
        // when
        String key = entry.key();
        // then
        assertThat(key).isEqualTo(Layout.indexEntry("dev.slipway.long", "beta", T0, "abcdefghijklmnopqrst"));
        assertThat(IndexEntry.fromKey(key)).isEmpty();
        assertThat(IndexEntry.fromKey(entry("dev.slipway.short", "beta", 7).key())).contains(entry("dev.slipway.short", "beta", 7));
    }
}
