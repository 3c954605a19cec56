package dev.slipway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.fixtures.TestIndexEntries;
import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.TestS3Extension;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an app page lists, over S3Proxy: the newest builds of all channels, each channel's newest, and what it reads. */
@ExtendWith(TestS3Extension.class)
class AppBuildsTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static IndexEntry entry(String bundleId, String channel, int n) {
        return TestIndexEntries.adHoc(TestS3.buildId(n), bundleId, channel, "App", "1." + n, String.valueOf(n), 1000 + n,
                T0.plusSeconds(n));
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
}
