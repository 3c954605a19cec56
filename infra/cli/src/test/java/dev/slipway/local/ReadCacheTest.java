package dev.slipway.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.TestS3Extension;
import dev.slipway.storage.Listing;
import dev.slipway.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The local stack's cache of the install function's reads, over S3Proxy: each change the stack's S3
 * reports drops exactly what it touches. Writes here go to the store behind the cache's back and
 * the test reports them, as {@link NotifyingBlobStore} does inside the stack (the stack-level
 * behaviour, revoke, withdraw and restore showing on the next page, is in the CLI's tests).
 */
@ExtendWith(TestS3Extension.class)
class ReadCacheTest {

    private static String text(Optional<byte[]> bytes) {
        return bytes.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("(none)");
    }

    private static void put(ObjectStore store, String key, String text) {
        store.put(key, text.getBytes(StandardCharsets.UTF_8), "text/plain", null);
    }

    @Test
    void get_keptUntilItsKeyChanges_absenceToo(TestS3 s3) {
        // given
        ObjectStore store = s3.store();
        ReadCache cache = new ReadCache(s3.bucket());
        ObjectStore cached = cache.over(store);
        put(store, "cache/a", "1");
        assertThat(text(cached.get("cache/a"))).isEqualTo("1");
        assertThat(text(cached.get("cache/b"))).isEqualTo("(none)");

        // when written without a report, then reported
        put(store, "cache/a", "2");
        put(store, "cache/b", "new");
        String unreported = text(cached.get("cache/a")) + " " + text(cached.get("cache/b"));
        cache.changed(s3.bucket(), "cache/a");
        cache.changed(s3.bucket(), "cache/b");

        // then
        assertThat(unreported).isEqualTo("1 (none)");
        assertThat(text(cached.get("cache/a"))).isEqualTo("2");
        assertThat(text(cached.get("cache/b"))).isEqualTo("new");
    }

    @Test
    void getTagged_conditionalRead_answeredFromTheCacheUntilItsKeyChanges(TestS3 s3) {
        // given an index document read once (as an app page reads it), then rewritten without a report
        ObjectStore store = s3.store();
        ReadCache cache = new ReadCache(s3.bucket());
        ObjectStore cached = cache.over(store);
        put(store, "tagged/index.json", "1");
        ObjectStore.Tagged first = cached.getTagged("tagged/index.json", null).orElseThrow();
        put(store, "tagged/index.json", "2");

        // when
        ObjectStore.Tagged unreported = cached.getTagged("tagged/index.json", first).orElseThrow();
        cache.changed(s3.bucket(), "tagged/index.json");
        ObjectStore.Tagged reported = cached.getTagged("tagged/index.json", first).orElseThrow();

        // then: "unchanged" (the caller's own read) until the change is reported, then the new bytes
        assertThat(new String(first.bytes(), StandardCharsets.UTF_8)).isEqualTo("1");
        assertThat(unreported).isSameAs(first);
        assertThat(new String(reported.bytes(), StandardCharsets.UTF_8)).isEqualTo("2");
        assertThat(reported.eTag()).isNotEqualTo(first.eTag());
    }

    @Test
    void list_droppedByAChangeUnderItsPrefixOnly(TestS3 s3) {
        // given
        ObjectStore store = s3.store();
        ReadCache cache = new ReadCache(s3.bucket());
        ObjectStore cached = cache.over(store);
        put(store, "apps/x/1", "");
        assertThat(cached.list("apps/x/", null, 0, null).keys()).containsExactly("apps/x/1");

        // when
        put(store, "apps/x/2", "");
        cache.changed(s3.bucket(), "apps/y/1");
        cache.changed("another-bucket", "apps/x/2");
        Listing stale = cached.list("apps/x/", null, 0, null);
        cache.changed(s3.bucket(), "apps/x/2");

        // then
        assertThat(stale.keys()).containsExactly("apps/x/1");
        assertThat(cached.list("apps/x/", null, 0, null).keys()).containsExactly("apps/x/1", "apps/x/2");
    }

    @Test
    void get_changeReportedWhileReading_isNotKept(TestS3 s3) {
        // given: a write that lands (and is reported) after the read got its answer, before the cache keeps it
        ObjectStore store = s3.store();
        ReadCache cache = new ReadCache(s3.bucket());
        put(store, "race/a", "old");
        AtomicInteger reads = new AtomicInteger();
        ObjectStore racing = s3.store(new TestS3.Exchanges() {
            @Override
            public void answered(SdkHttpRequest request, int status) {
                if (reads.incrementAndGet() == 1) {
                    put(store, "race/a", "new");
                    cache.changed(s3.bucket(), "race/a");
                }
            }
        });
        ObjectStore cached = cache.over(racing);

        // when
        String first = text(cached.get("race/a"));
        String second = text(cached.get("race/a"));

        // then: the first read's answer was not kept over the change
        assertThat(first).isEqualTo("old");
        assertThat(second).isEqualTo("new");
        assertThat(reads).hasValue(2);
    }

    @Test
    void get_callerChangesItsBytes_nextReadIsUnchanged(TestS3 s3) {
        ObjectStore store = s3.store();
        ObjectStore cached = new ReadCache(s3.bucket()).over(store);
        put(store, "copy/a", "abc");

        cached.get("copy/a").orElseThrow()[0] = 'X';

        assertThat(text(cached.get("copy/a"))).isEqualTo("abc");
    }

    @Test
    void get_moreThanTheBound_oldestDroppedAndSizeStaysWithin(TestS3 s3) {
        // given objects of 512 KiB, twice the bound in all
        ObjectStore store = s3.store();
        ReadCache cache = new ReadCache(s3.bucket());
        ObjectStore cached = cache.over(store);
        byte[] half = new byte[512 << 10];
        int count = (int) (2 * ReadCache.MAX_BYTES / half.length);
        for (int i = 0; i < count; i++) {
            store.put("big/" + i, half, "application/octet-stream", null);
        }
        AtomicInteger reads = new AtomicInteger();
        ObjectStore counted = cache.over(s3.countingStore(reads));

        // when
        for (int i = 0; i < count; i++) {
            counted.get("big/" + i);
        }
        counted.get("big/" + (count - 1));
        counted.get("big/0");

        // then: the newest is still kept, the first was dropped
        assertThat(cache.size()).isBetween(ReadCache.MAX_BYTES / 2, ReadCache.MAX_BYTES);
        assertThat(reads).hasValue(count + 1);
        assertThat(cached.get("big/0")).isPresent();
    }
}
