package dev.slipway.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One bucket, as the catalog and the device store read and write it: whole small objects by key,
 * and listings. Two implementations: {@link SdkObjectStore} over the SDK's S3 client (ingest, enrol,
 * the command line) and {@link HttpObjectStore}, a few signed HTTP requests with no S3 client at all
 * (the install function, whose cold start and package size it keeps small).
 *
 * <p>Faults of S3 itself (refused, throttled past retries, unreachable) are unchecked: the SDK's
 * exceptions from the one, {@link dev.slipway.aws.AwsRequestException} from the other.
 */
public interface ObjectStore {

    /** The bucket this store reads and writes. */
    String bucket();

    /** An object's bytes, or empty if there is no such key. */
    Optional<byte[]> get(String key);

    /**
     * An object's first bytes (a ranged GET), or empty if there is no such key: for records that
     * must be small, so a large object is cut short (and then fails to parse) and never fills memory.
     *
     * @param maxBytes at most this many bytes are read
     */
    Optional<byte[]> getFirst(String key, int maxBytes);

    /**
     * One page of a ListObjectsV2 listing.
     *
     * @param delimiter groups keys into {@link Listing#commonPrefixes()}, or null
     * @param maxKeys at most this many keys and prefixes (S3 caps it at 1,000), or 0 for S3's default
     * @param continuationToken the previous page's {@link Listing#nextContinuationToken()}, or null
     */
    Listing list(String prefix, String delimiter, int maxKeys, String continuationToken);

    /**
     * Every key under the prefix, page after page.
     *
     * @param maxKeys each page's size, or 0 for S3's default
     */
    default List<String> listAll(String prefix, int maxKeys) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            Listing page = list(prefix, null, maxKeys, token);
            keys.addAll(page.keys());
            token = page.truncated() ? page.nextContinuationToken() : null;
        } while (token != null);
        return keys;
    }

    /** Stores an object, replacing any under the key. */
    void put(String key, byte[] bytes, String contentType, String cacheControl);

    /** An object's bytes and the ETag S3 gave them. */
    record Tagged(byte[] bytes, String eTag) {
    }

    /**
     * An object's bytes with its ETag, or empty if there is no such key: the read of a
     * read-modify-write that {@link #putIfUnchanged} completes.
     */
    default Optional<Tagged> getTagged(String key) {
        return getTagged(key, null);
    }

    /**
     * {@link #getTagged(String)}, unless the object is still the one read before: then S3 sends no
     * body ({@code If-None-Match}, 304) and {@code known} itself is returned.
     *
     * @param known an earlier read of the key, or null
     */
    Optional<Tagged> getTagged(String key, Tagged known);

    /**
     * Stores the object only if the key still holds what was read (S3's conditional writes): the
     * object with this ETag ({@code If-Match}), or with {@code eTag} null no object at all
     * ({@code If-None-Match: *}).
     *
     * @return false if another write or a delete came first (S3 answers 412, 409 or, for
     *     {@code If-Match} on a deleted key, 404): read again and retry
     */
    boolean putIfUnchanged(String key, byte[] bytes, String contentType, String cacheControl, String eTag);

    /** Deletes an object; no such key is no error. */
    void delete(String key);
}
