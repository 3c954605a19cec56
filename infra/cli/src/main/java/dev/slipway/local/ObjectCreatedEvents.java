package dev.slipway.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.RequestParametersEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.ResponseElementsEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.UserIdentityEntity;
import dev.slipway.storage.ETag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * S3 ObjectCreated notifications for objects found in the local bucket, shaped as S3 sends them
 * (see {@code events/s3-put-upload.json}): the key URL-encoded with {@code +} for a space, the ETag
 * without quotes, no version id (the local store is unversioned), and a sequencer.
 */
final class ObjectCreatedEvents {
    private ObjectCreatedEvents() {
    }

    /**
     * The event for one new object.
     *
     * @param eTag with or without quotes (events carry it bare)
     * @param sequencer S3's per-key ordering token: a later write under the key has a greater one
     */
    static S3Event created(String region, String bucket, String key, long size, String eTag, Instant at,
                           String sequencer) {
        String bare = ETag.bare(eTag);
        S3ObjectEntity entity = new S3ObjectEntity(encodeKey(key), size, bare, null, sequencer);
        S3BucketEntity bucketEntity = new S3BucketEntity(bucket, new UserIdentityEntity("slipway-local"),
                "arn:aws:s3:::" + bucket);
        // A multipart upload's ETag ends in -<parts>; S3 names those events apart.
        String eventName = bare.contains("-") ? "ObjectCreated:CompleteMultipartUpload" : "ObjectCreated:Put";
        S3EventNotificationRecord record = new S3EventNotificationRecord(region, eventName, "aws:s3", at.toString(),
                "2.1", new RequestParametersEntity("127.0.0.1"), new ResponseElementsEntity("slipway-local", sequencer),
                new S3Entity("IngestUploads", bucketEntity, entity, "1.0"), new UserIdentityEntity("slipway-local"));
        return new S3Event(List.of(record));
    }

    /** As S3 encodes keys in events: like a form, space as {@code +}, {@code /} kept. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
