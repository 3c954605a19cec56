package dev.slipway.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.access.AppScope;
import dev.slipway.access.KeyRing;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.IndexEntry;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.fixtures.TestIndexEntries;
import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.TestS3Extension;
import dev.slipway.http.HttpRequest;
import dev.slipway.storage.HttpObjectStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The app page's S3 requests, revocation checks included (uncached), whatever the history's length. */
@ExtendWith(TestS3Extension.class)
class AppPageRequestsTest {
    private static final KeyRing KEYS = KeyRing.generate();

    @ParameterizedTest(name = "{0} builds, channel in path: {1}")
    @CsvSource({"1, true", "10, true", "100, true", "1, false", "10, false", "100, false"})
    void appPage_anyHistoryLength_takesAtMostThreeS3Requests(int builds, boolean channelInPath, TestS3 s3) {
        // given builds of one app in two channels, stored as the ingest stores them
        String app = "dev.slipway.requests" + builds + channelInPath;
        S3Catalog catalog = new S3Catalog(s3.store());
        for (int n = 1; n <= builds; n++) {
            catalog.putIndexEntry(TestIndexEntries.adHoc(TestS3.buildId(n), app, n % 2 == 0 ? "beta" : "prod", "App",
                    "1." + n, String.valueOf(n), 1000, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(n)));
        }
        catalog.refreshAppIndex(app);
        AtomicInteger requests = new AtomicInteger();
        HttpObjectStore counting = s3.countingStore(requests);
        Router router = InstallSite.router(counting, counting, new InstallSite.Settings(s3.bucket(), KEYS,
                Duration.ofMinutes(10), Origins.fixed(URI.create("https://install.example.com")), Clock.systemUTC(),
                Duration.ZERO));
        String channel = builds == 1 ? "prod" : "beta";
        String token = new LinkSigner(KEYS, Clock.systemUTC()).sign(new AppScope(app, channelInPath ? channel : null),
                Purpose.PAGE, Duration.ofMinutes(10));
        // when
        HttpResponse page = router.handle(new HttpRequest("GET", "/a/" + app + (channelInPath ? "/" + channel : ""),
                Map.of("t", token), Map.of("host", "install.example.com")), null);
        // then
        assertThat(page.status()).isEqualTo(200);
        assertThat(requests.get()).isLessThanOrEqualTo(3);
    }
}
