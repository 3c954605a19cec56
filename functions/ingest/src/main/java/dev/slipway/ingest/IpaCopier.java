package dev.slipway.ingest;

import dev.slipway.catalog.Upload;
import dev.slipway.storage.ETag;
import dev.slipway.storage.ObjectChangedException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Copies an upload to its build's key inside S3: no byte passes through the function. CopyObject
 * takes objects up to 5 GB; larger ones are copied as a multipart upload of ranged part copies.
 * Every copy is pinned to the ingested ETag, so a concurrent re-upload cannot slip in.
 */
public final class IpaCopier {
    /** S3's limit for a single CopyObject. */
    public static final long SINGLE_COPY_LIMIT = 5L * 1024 * 1024 * 1024;
    private static final long DEFAULT_PART = 512L * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final long singleCopyLimit;
    private final long partSize;

    public IpaCopier(S3Client s3, String bucket) {
        this(s3, bucket, SINGLE_COPY_LIMIT, DEFAULT_PART);
    }

    /** With smaller limits, so tests can exercise the multipart path without 5 GB objects. */
    public IpaCopier(S3Client s3, String bucket, long singleCopyLimit, long partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.singleCopyLimit = singleCopyLimit;
        this.partSize = partSize;
    }

    /**
     * @throws ObjectChangedException if the upload no longer has the ingested ETag
     */
    public void copy(Upload upload, String destination) throws ObjectChangedException {
        // Events carry the ETag bare; S3 compares preconditions against the quoted form.
        String eTag = ETag.quoted(upload.eTag());
        try {
            if (upload.size() <= singleCopyLimit) {
                s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(upload.key()).sourceVersionId(upload.versionId())
                        .copySourceIfMatch(eTag).destinationBucket(bucket).destinationKey(destination)
                        .metadataDirective(MetadataDirective.REPLACE).contentType("application/octet-stream"));
            } else {
                multipart(upload, eTag, destination);
            }
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 404) {
                throw new ObjectChangedException(upload.key() + " changed before it could be copied");
            }
            throw e;
        }
    }

    private void multipart(Upload upload, String eTag, String destination) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(destination)
                .contentType("application/octet-stream")).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long start = 0; start < upload.size(); start += partSize, number++) {
                long end = Math.min(upload.size(), start + partSize) - 1;
                String range = "bytes=" + start + "-" + end;
                int part = number;
                String partETag = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey(upload.key())
                        .sourceVersionId(upload.versionId()).copySourceIfMatch(eTag).copySourceRange(range)
                        .destinationBucket(bucket).destinationKey(destination).uploadId(uploadId).partNumber(part))
                        .copyPartResult().eTag();
                parts.add(CompletedPart.builder().partNumber(part).eTag(partETag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(destination).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            // Leave no half-copied parts billed in the bucket.
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(destination).uploadId(uploadId));
            throw e;
        }
    }
}
