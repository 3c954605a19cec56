package dev.slipway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.slipway.catalog.FailureRecord;
import dev.slipway.catalog.Receipt;
import dev.slipway.catalog.Upload;
import dev.slipway.fixtures.HostileCorpus;
import dev.slipway.fixtures.HostileIpas;
import dev.slipway.log.LocalContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Issue 10's defects 2 and 3, and its generated hostile corpus, through the handler over S3Proxy:
 * each upload ends in a build or a failure record, and the handler returns (a throw is a Lambda
 * retry, then the dead-letter queue).
 */
class IngestHostileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int BIT_FLIPS = 40;
    @RegisterExtension
    static final IngestOverS3 INGEST = new IngestOverS3(CLOCK);

    @Test
    void handleRequest_nanDeviceFamily_isABuild() throws Exception {
        Upload upload = ingest("uploads/nan.ipa", HostileIpas.nanDeviceFamily());

        assertThat(INGEST.catalog().build(upload.buildId())).hasValueSatisfying(
                build -> assertThat(build.bundleId()).isEqualTo("com.example.hostile"));
        assertThat(INGEST.catalog().receipt(upload.key()).orElseThrow().outcome()).isEqualTo(Receipt.BUILT);
    }

    @Test
    void handleRequest_zip64DirectoryOffsetOverflowing_isAFailureRecordNotARetry() throws Exception {
        Upload upload = ingest("uploads/cd-offset.ipa", HostileIpas.zip64DirectoryOffsetOverflowing());

        assertThat(failure(upload).reason()).startsWith("truncated or corrupt ZIP archive: the central directory (offset "
                + HostileIpas.OFFSET_NEAR_LONG_MAX + ", ");
    }

    @Test
    void handleRequest_zip64EndRecordOffsetOverflowing_isAFailureRecordNotARetry() throws Exception {
        Upload upload = ingest("uploads/end-offset.ipa", HostileIpas.zip64EndRecordOffsetOverflowing());

        assertThat(failure(upload).reason()).isEqualTo("corrupt ZIP64 archive: its end record offset "
                + HostileIpas.OFFSET_NEAR_LONG_MAX + " is outside the file");
    }

    @Test
    void handleRequest_zip64CompressedSizeOverflowing_isAFailureRecordNotARetry() throws Exception {
        Upload upload = ingest("uploads/compressed-size.ipa", HostileIpas.zip64CompressedSizeOverflowing());

        assertThat(failure(upload).reason()).isEqualTo("corrupt ZIP archive: " + HostileIpas.INFO_PLIST + " declares "
                + HostileIpas.SIZE_NEAR_LONG_MAX + " compressed bytes, more than the archive holds before its central "
                + "directory");
    }

    @Test
    void handleRequest_hostileCorpus_everyUploadEndsInABuildOrAFailureRecord() throws Exception {
        // given issue 10's generated hostile corpus (fewer bit flips than the reader's run: each is an S3 round trip)
        List<HostileCorpus.Input> corpus = HostileCorpus.generate(BIT_FLIPS);
        List<String> retries = new ArrayList<>();
        List<String> noVerdict = new ArrayList<>();
        int built = 0;
        int failed = 0;
        long worstMillis = 0;
        String worst = "";
        for (int i = 0; i < corpus.size(); i++) {
            HostileCorpus.Input input = corpus.get(i);
            String label = input.category() + ": " + input.name();
            long started = System.nanoTime();
            Upload upload;
            // when each is uploaded and its event handled
            try {
                upload = ingest("uploads/corpus/" + i + ".ipa", input.bytes().get());
            } catch (RuntimeException e) {
                // A throw from the handler is what Lambda retries, then dead-letters.
                retries.add(label + " -> " + e);
                continue;
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis >= worstMillis) {
                worstMillis = millis;
                worst = label;
            }
            // then it has a verdict: a build, or a failure record with a one-line reason
            if (INGEST.catalog().build(upload.buildId()).isPresent()) {
                built++;
            } else if (INGEST.catalog().failure(upload.failureId()).isPresent()) {
                failed++;
                assertThat(INGEST.catalog().failure(upload.failureId()).orElseThrow().reason()).as(label).isNotBlank()
                        .doesNotContain("\n").doesNotContain("Exception");
            } else {
                noVerdict.add(label);
            }
        }
        System.out.printf("hostile corpus through the ingest handler: inputs=%d built=%d failed=%d retries=%d "
                + "noVerdict=%d worstMs=%d worst=%s%n", corpus.size(), built, failed, retries.size(), noVerdict.size(),
                worstMillis, worst);
        assertThat(retries).isEmpty();
        assertThat(noVerdict).isEmpty();
        assertThat(built + failed).isEqualTo(corpus.size());
    }

    private static FailureRecord failure(Upload upload) throws Exception {
        FailureRecord failure = INGEST.catalog().failure(upload.failureId()).orElseThrow();
        assertThat(INGEST.catalog().receipt(upload.key()).orElseThrow().reason()).isEqualTo(failure.reason());
        assertThat(INGEST.catalog().build(upload.buildId())).isEmpty();
        return failure;
    }

    /** Uploads and delivers the event; the handler must return normally. */
    private static Upload ingest(String key, byte[] bytes) throws Exception {
        INGEST.s3().putObject(b -> b.bucket(INGEST.bucket()).key(key), RequestBody.fromBytes(bytes));
        S3Event event = S3Events.put(INGEST.bucket(), key, bytes, String.format("0077%014X", SEQUENCE.incrementAndGet()));
        INGEST.handler().handleRequest(event, new LocalContext("slipway-ingest", "test-request"));
        return IngestOverS3.upload(event.getRecords().get(0));
    }
}
