package dev.slipway.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A bucket through the SDK's S3 client ({@link S3Clients}): one SDK call per method, faults as the SDK throws them. */
public final class SdkObjectStore implements ObjectStore {
    private final S3Client s3;
    private final String bucket;

    public SdkObjectStore(S3Client s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArrayUnsafe());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> getFirst(String key, int maxBytes) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).range("bytes=0-" + (maxBytes - 1)))
                    .asByteArrayUnsafe());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public Listing list(String prefix, String delimiter, int maxKeys, String continuationToken) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix)
                .delimiter(delimiter).continuationToken(continuationToken);
        if (maxKeys > 0) {
            request.maxKeys(maxKeys);
        }
        ListObjectsV2Response page = s3.listObjectsV2(request.build());
        List<String> keys = new ArrayList<>();
        for (S3Object object : page.contents()) {
            keys.add(object.key());
        }
        List<String> prefixes = new ArrayList<>();
        for (CommonPrefix common : page.commonPrefixes()) {
            prefixes.add(common.prefix());
        }
        return new Listing(keys, prefixes, Boolean.TRUE.equals(page.isTruncated()), page.nextContinuationToken());
    }

    @Override
    public void put(String key, byte[] bytes, String contentType, String cacheControl) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl),
                RequestBody.fromBytes(bytes));
    }

    @Override
    public Optional<Tagged> getTagged(String key, Tagged known) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)
                    .ifNoneMatch(known == null ? null : known.eTag()));
            return Optional.of(new Tagged(object.asByteArrayUnsafe(), object.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (known != null && e.statusCode() == 304) {
                return Optional.of(known);
            }
            throw e;
        }
    }

    @Override
    public boolean putIfUnchanged(String key, byte[] bytes, String contentType, String cacheControl, String eTag) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl)
                    .ifMatch(eTag).ifNoneMatch(eTag == null ? "*" : null), RequestBody.fromBytes(bytes));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }
}
