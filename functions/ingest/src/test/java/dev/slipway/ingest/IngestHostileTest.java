package dev.slipway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.slipway.catalog.FailureRecord;
import dev.slipway.catalog.Receipt;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.catalog.Upload;
import dev.slipway.fixtures.HostileIpas;
import dev.slipway.fixtures.TestContext;
import dev.slipway.fixtures.TestS3;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 10's defects 2 and 3 through the handler, over S3Proxy: each upload ends in a build or a
 * failure record, and the handler returns (a throw is a Lambda retry, then the dead-letter queue).
 */
class IngestHostileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static TestS3 s3server;
    private static S3Client s3;
    private static S3Catalog catalog;
    private static IngestHandler handler;

    @BeforeAll
    static void start() throws Exception {
        s3server = TestS3.start();
        s3 = s3server.client();
        catalog = new S3Catalog(s3, s3server.bucket());
        handler = new IngestHandler(new IngestService(s3, s3server.bucket(), new IpaCopier(s3, s3server.bucket()), CLOCK),
                s3server.bucket());
    }

    @AfterAll
    static void stop() throws Exception {
        s3server.close();
    }

    @Test
    void handleRequest_nanDeviceFamily_isABuild() throws Exception {
        Upload upload = ingest("uploads/nan.ipa", HostileIpas.nanDeviceFamily());

        assertThat(catalog.build(upload.buildId())).hasValueSatisfying(
                build -> assertThat(build.bundleId()).isEqualTo("com.example.hostile"));
        assertThat(catalog.receipt(upload.key()).orElseThrow().outcome()).isEqualTo(Receipt.BUILT);
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

    private static FailureRecord failure(Upload upload) throws Exception {
        FailureRecord failure = catalog.failure(upload.failureId()).orElseThrow();
        assertThat(catalog.receipt(upload.key()).orElseThrow().reason()).isEqualTo(failure.reason());
        assertThat(catalog.build(upload.buildId())).isEmpty();
        return failure;
    }

    /** Uploads and delivers the event; the handler must return normally. */
    private static Upload ingest(String key, byte[] bytes) throws Exception {
        s3.putObject(b -> b.bucket(s3server.bucket()).key(key), RequestBody.fromBytes(bytes));
        S3Event event = S3Events.put(s3server.bucket(), key, bytes, String.format("0077%014X", SEQUENCE.incrementAndGet()));
        handler.handleRequest(event, new TestContext());
        var record = event.getRecords().get(0);
        var object = record.getS3().getObject();
        return new Upload(object.getUrlDecodedKey(), object.getSizeAsLong(), object.geteTag(), object.getSequencer(),
                object.getVersionId(), Instant.ofEpochMilli(record.getEventTime().getMillis()));
    }
}
