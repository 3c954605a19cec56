package dev.slipway.storage;

import dev.slipway.ipa.zip.ByteSource;
import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One version of an S3 object, read with ranged GETs: one GET per {@link #readFully} call, so put
 * a {@link dev.slipway.ipa.zip.BlockCache} in front (it also counts the reads).
 *
 * <p>Every GET carries {@code If-Match} with the ETag the reading started from: an upload that
 * overwrites the key mid-read makes the next GET fail with 412 instead of returning bytes of the
 * new object, which would splice two archives into one. Failures are of two kinds:
 * {@link ObjectChangedException} when the object was deleted or replaced (retrying cannot help),
 * and a plain {@link IOException} for anything else (throttling, network, permissions), which the
 * caller treats as transient.
 *
 * <p>Holds no connection: the client is shared and outlives this source, so {@link #close()} does
 * nothing.
 */
public final class S3ByteSource implements ByteSource {
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final long size;
    private final String eTag;
    private final String versionId;

    /**
     * For a caller that already knows the object's size and ETag, from a HEAD or an S3 event.
     *
     * @param eTag quoted ({@code "abc"}, as HEAD returns it) or bare ({@code abc}, as S3 events carry it)
     * @throws IllegalArgumentException if the size is negative or the ETag blank
     */
    public S3ByteSource(S3Client s3, String bucket, String key, long size, String eTag) {
        this(s3, bucket, key, null, size, eTag);
    }

    /**
     * The same, for one version of an object in a versioned bucket.
     *
     * @param versionId the version to read, or null for the current one
     * @throws IllegalArgumentException if the size is negative or the ETag blank
     */
    public S3ByteSource(S3Client s3, String bucket, String key, String versionId, long size, String eTag) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.key = Objects.requireNonNull(key, "key");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " for " + location(bucket, key));
        }
        if (eTag == null || eTag.isBlank()) {
            throw new IllegalArgumentException("no ETag for " + location(bucket, key));
        }
        this.size = size;
        this.versionId = versionId;
        // If-Match takes an entity tag, which HTTP quotes; S3 events carry the bare value.
        this.eTag = eTag.startsWith("\"") ? eTag : "\"" + eTag + "\"";
    }

    /**
     * HEADs the object and reads the version found.
     *
     * @throws ObjectChangedException if the object does not exist (any more)
     * @throws IOException if the HEAD fails otherwise (transient)
     */
    public static S3ByteSource open(S3Client s3, String bucket, String key) throws IOException {
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failure("HEAD " + location(bucket, key), bucket, key, null, e);
        }
        return new S3ByteSource(s3, bucket, key, head.contentLength(), head.eTag());
    }

    /** The ETag every read is pinned to, quoted. */
    public String eTag() {
        return eTag;
    }

    @Override
    public long size() {
        return size;
    }

    /**
     * One ranged GET for exactly these bytes, of the version this source was opened on.
     *
     * @throws EOFException if the range goes past the end
     * @throws ObjectChangedException if the object was deleted or overwritten
     * @throws IOException if the GET fails otherwise or returns the wrong number of bytes (transient)
     */
    @Override
    public void readFully(long position, byte[] destination, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, destination.length);
        if (position < 0 || position + length > size) {
            throw new EOFException("read of " + length + " bytes at " + position + " is past the end of "
                    + location(bucket, key) + " (" + size + " bytes)");
        }
        if (length == 0) {
            // "bytes=p-(p-1)" is not a valid range, and there is nothing to ask for.
            return;
        }
        String range = "bytes=" + position + "-" + (position + length - 1);
        String request = "GET " + range + " of " + location(bucket, key);
        int n;
        boolean more;
        try (ResponseInputStream<GetObjectResponse> body = s3.getObject(
                GetObjectRequest.builder().bucket(bucket).key(key).versionId(versionId).range(range).ifMatch(eTag).build())) {
            n = body.readNBytes(destination, offset, length);
            more = n == length && body.read() >= 0;
        } catch (SdkException e) {
            throw failure(request, bucket, key, eTag, e);
        } catch (IOException e) {
            throw new IOException(request + " failed: " + firstLine(e.toString()), e);
        }
        // A server that ignores Range answers 200 with the whole object, whose first bytes would
        // pass for ours: a body of any other length is an error, short or long.
        if (n != length || more) {
            throw new IOException(request + " returned " + (more ? "more than " + length : n) + " bytes");
        }
    }

    private static IOException failure(String request, String bucket, String key, String eTag, SdkException e) {
        if (e instanceof NoSuchKeyException) {
            return new ObjectChangedException(location(bucket, key) + " no longer exists");
        }
        if (e instanceof S3Exception s3e) {
            if (s3e.statusCode() == 412) {
                return new ObjectChangedException(location(bucket, key) + " changed while being read: its ETag is no longer " + eTag);
            }
            // A HEAD's error response has no body, hence no error code.
            String code = s3e.awsErrorDetails() != null ? s3e.awsErrorDetails().errorCode() : null;
            return new IOException(request + " failed: " + (code != null ? code + " (HTTP " + s3e.statusCode() + ")"
                    : "HTTP " + s3e.statusCode() + " without an error code"), e);
        }
        return new IOException(request + " failed: " + firstLine(e.getMessage()), e);
    }

    private static String location(String bucket, String key) {
        return "s3://" + bucket + "/" + key;
    }

    /** SDK messages can run over lines; the log wants one. */
    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
