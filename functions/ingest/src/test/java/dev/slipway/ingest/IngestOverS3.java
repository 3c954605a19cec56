package dev.slipway.ingest;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.catalog.Upload;
import dev.slipway.fixtures.TestS3;
import java.time.Clock;
import java.time.Instant;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The ingest handler over a real S3 protocol server (S3Proxy), with the catalog it writes: what the
 * handler tests start once per class.
 *
 * @param server the S3 server, closed with this
 * @param s3 a client of it
 * @param catalog the catalog in its bucket
 * @param handler the handler as deployed (the default copier)
 * @param clock the handler's clock
 */
record IngestOverS3(TestS3 server, S3Client s3, S3Catalog catalog, IngestHandler handler, Clock clock)
        implements AutoCloseable {

    static IngestOverS3 start(Clock clock) throws Exception {
        TestS3 server = TestS3.start();
        S3Client s3 = server.client();
        String bucket = server.bucket();
        return new IngestOverS3(server, s3, new S3Catalog(s3, bucket),
                new IngestHandler(new IngestService(s3, bucket, new IpaCopier(s3, bucket), clock), bucket), clock);
    }

    String bucket() {
        return server.bucket();
    }

    /** A handler on the same bucket and clock with another copier. */
    IngestHandler handler(IpaCopier copier) {
        return new IngestHandler(new IngestService(s3, bucket(), copier, clock), bucket());
    }

    /** The upload an event record announces, as the handler reads it. */
    static Upload upload(S3EventNotificationRecord record) {
        var object = record.getS3().getObject();
        return new Upload(object.getUrlDecodedKey(), object.getSizeAsLong(), object.geteTag(), object.getSequencer(),
                object.getVersionId(), Instant.ofEpochMilli(record.getEventTime().getMillis()));
    }

    @Override
    public void close() {
        server.close();
    }
}
