package dev.slipway.ingest;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.catalog.Upload;
import dev.slipway.fixtures.TestS3;
import dev.slipway.storage.SdkObjectStore;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The ingest handler over a real S3 protocol server (S3Proxy), with the catalog it writes: what the
 * handler tests start once per class, as a {@code @RegisterExtension static} field.
 */
final class IngestOverS3 implements BeforeAllCallback, AfterAllCallback {
    private final Clock clock;
    private TestS3 server;
    private S3Client s3;
    private S3Catalog catalog;
    private IngestHandler handler;

    IngestOverS3(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = TestS3.start();
        s3 = server.client();
        catalog = new S3Catalog(new SdkObjectStore(s3, server.bucket()));
        handler = handler(new IpaCopier(s3, server.bucket()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    TestS3 server() {
        return server;
    }

    S3Client s3() {
        return s3;
    }

    S3Catalog catalog() {
        return catalog;
    }

    String bucket() {
        return server.bucket();
    }

    /** The handler as deployed (the default copier). */
    IngestHandler handler() {
        return handler;
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
}
