package dev.slipway.ingest;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * S3 events for tests: one of the real event files in {@code events/}, with its first record
 * pointed at another object, then read by the same serializer Lambda's Java runtime uses.
 */
final class S3Events {
    private static final PojoSerializer<S3Event> SERIALIZER =
            LambdaEventSerializers.serializerFor(S3Event.class, S3Events.class.getClassLoader());

    private static final java.util.concurrent.atomic.AtomicLong COUNTER = new java.util.concurrent.atomic.AtomicLong();

    private S3Events() {
    }

    /** An event file from {@code events/} as it is. */
    static S3Event load(String file) throws Exception {
        try (InputStream in = S3Events.class.getResourceAsStream("/events/" + file)) {
            return SERIALIZER.fromJson(in);
        }
    }

    /** {@code events/s3-put-upload.json} with its object replaced: key (encoded as S3 does), size, ETag, sequencer. */
    static S3Event put(String bucket, String key, byte[] content, String sequencer) throws Exception {
        return put(bucket, key, content, sequencer, null);
    }

    /** The same, on a versioned bucket: the event names the object version. */
    @SuppressWarnings("unchecked")
    static S3Event put(String bucket, String key, byte[] content, String sequencer, String versionId) throws Exception {
        Map<String, Object> event;
        try (InputStream in = S3Events.class.getResourceAsStream("/events/s3-put-upload.json")) {
            event = JSON.std.mapFrom(in);
        }
        Map<String, Object> record = ((List<Map<String, Object>>) event.get("Records")).get(0);
        // Each event a later upload, as S3 would stamp them.
        record.put("eventTime", java.time.Instant.now().plusMillis(COUNTER.incrementAndGet()).toString());
        Map<String, Object> s3 = (Map<String, Object>) record.get("s3");
        ((Map<String, Object>) s3.get("bucket")).put("name", bucket);
        Map<String, Object> object = (Map<String, Object>) s3.get("object");
        // S3 encodes keys like a form: space as '+', '+' as %2B, '/' kept.
        object.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
        object.put("size", content.length);
        object.put("eTag", HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)));
        object.put("sequencer", sequencer);
        if (versionId != null) {
            object.put("versionId", versionId);
        }
        return SERIALIZER.fromJson(JSON.std.asString(event));
    }
}
