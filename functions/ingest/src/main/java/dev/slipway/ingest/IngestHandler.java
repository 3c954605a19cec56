package dev.slipway.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.SecretKeySource;
import dev.slipway.access.SecretsManagerSecret;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.Upload;
import dev.slipway.log.Log;
import dev.slipway.notify.NoticeLinks;
import dev.slipway.storage.S3Clients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * S3 ObjectCreated → {@link IngestService}, for every record in the event. Keys outside
 * {@code uploads/} or not ending in {@code .ipa} are logged and ignored, so the function can never
 * act on what it writes itself. A transient fault is rethrown: Lambda retries, then dead-letters.
 */
public final class IngestHandler implements RequestHandler<S3Event, Void> {
    private static final Log LOG = Log.of(IngestHandler.class);
    private final IngestService service;
    private final String bucket;

    /** Used by Lambda: clients built once, at init, from the template's environment variables. */
    public IngestHandler() {
        IngestConfig config = IngestConfig.fromEnvironment(System.getenv());
        S3Client s3 = S3Clients.create(config.region());
        this.bucket = config.bucket();
        IngestConfig.Notices notices = config.notices();
        Clock clock = Clock.systemUTC();
        if (notices == null) {
            this.service = new IngestService(s3, config.bucket(), new IpaCopier(s3, config.bucket()), clock);
        } else {
            SnsClient sns = SnsClient.builder().region(config.region())
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
            // Keys reread every few minutes, as the install function does, so a rotation needs no redeploy.
            SecretKeySource keys = new SecretKeySource(SecretsManagerSecret.fromEnvironment(System.getenv(),
                    config.region().id(), notices.linkSecretArn()), clock);
            this.service = new IngestService(s3, config.bucket(), new IpaCopier(s3, config.bucket()), clock,
                    new SnsNotifier(sns, notices.topicArn()),
                    new NoticeLinks(new LinkSigner(keys, clock), notices.site(), notices.linkTtl()));
            // Read at init: a missing secret fails the first start, not a notice.
            LOG.info("ingest.notices", "topic", notices.topicArn(), "site", notices.site(), "keys",
                    keys.keys().keyIds().size());
        }
    }

    public IngestHandler(IngestService service, String bucket) {
        this.service = service;
        this.bucket = bucket;
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        try (Log.RequestScope request = Log.request(context == null ? null : context.getAwsRequestId())) {
            for (S3EventNotificationRecord record : event.getRecords()) {
                ingest(record);
            }
        }
        return null;
    }

    private void ingest(S3EventNotificationRecord record) {
        S3ObjectEntity object = record.getS3().getObject();
        String key = object.getUrlDecodedKey();
        if (!bucket.equals(record.getS3().getBucket().getName()) || !Upload.isUploadKey(key)) {
            LOG.info("ingest.ignored", "bucket", record.getS3().getBucket().getName(), "key", key);
            return;
        }
        Instant time = record.getEventTime() == null ? Instant.now()
                : Instant.ofEpochMilli(record.getEventTime().getMillis());
        Upload upload = new Upload(key, object.getSizeAsLong() == null ? 0 : object.getSizeAsLong(),
                object.geteTag(), object.getSequencer(), object.getVersionId(), time);
        try {
            service.ingest(upload);
        } catch (IOException | CatalogException | RuntimeException e) {
            // Rethrown so Lambda retries, then dead-letters; logged here so the cause has its request id.
            LOG.error("ingest.failed", e, "key", key);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
        }
    }
}
