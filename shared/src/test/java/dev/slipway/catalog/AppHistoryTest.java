package dev.slipway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.catalog.S3Catalog.AppBuilds;
import dev.slipway.fixtures.TestIndexEntries;
import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.TestS3Extension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

    /** Builds as the ingest stores them. */
    private static void ingested(S3Catalog catalog, IndexEntry entry) {
        catalog.putIndexEntry(entry);
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
            // then: the newest 50 of both channels together, and each channel's newest
            assertThat(requests.get()).as("%d builds", builds).isEqualTo(1);
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
        // then every build is listed
        assertThat(catalog.appBuilds(app, null, 100).newest()).hasSize(30);
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
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 1; n <= builds; n++) {
                IndexEntry entry = entry(app, n % 2 == 0 ? "beta" : "prod", n);
                done.add(pool.submit(() -> ingested(catalog, entry)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        catalog.withdraw(app, TestS3.buildId(1000));
        AtomicInteger requests = new AtomicInteger();
        // when
        AppBuilds shown = new S3Catalog(s3.countingStore(requests)).appBuilds(app, null, 3);
        // then: the app's listing, the markers', the channels', and one listing per channel
        assertThat(shown.newest()).extracting(IndexEntry::build).containsExactly("1001", "999", "998");
        assertThat(shown.latestPerChannel()).containsOnlyKeys("beta", "prod");
        assertThat(shown.latestPerChannel().get("beta").build()).isEqualTo("998");
        assertThat(requests.get()).isEqualTo(5);
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
