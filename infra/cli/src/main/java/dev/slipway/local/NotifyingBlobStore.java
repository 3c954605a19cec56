package dev.slipway.local;

import java.io.InputStream;
import java.util.function.Supplier;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * S3Proxy's store, reporting every object it creates as S3 reports ObjectCreated: after a PUT, a
 * copy or a completed multipart upload succeeds, with the new object's ETag and version id (null
 * unless the bucket is versioned). Each write is reported, even one that stores the same bytes
 * under the same key again, as S3 does. Every change, deletions included, is also reported to
 * {@link Changes}, before S3Proxy answers the request that made it.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {
    /** Receives each created object; called on S3Proxy's request thread, so it must not block. */
    @FunctionalInterface
    interface Listener {
        void created(String bucket, String key, String eTag, String versionId);
    }

    /** Receives the key of every object written or deleted; on S3Proxy's request thread, so it must not block. */
    @FunctionalInterface
    interface Changes {
        /** @param key the object's key, or null when the whole bucket changed */
        void changed(String bucket, String key);
    }

    private final Listener listener;
    private final Changes changes;

    NotifyingBlobStore(BlobStore delegate, Listener listener, Changes changes) {
        super(delegate);
        this.listener = listener;
        this.changes = changes;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = reporting(request.bucket(), request.key(), () -> super.putBlob(request, content));
        listener.created(request.bucket(), request.key(), response.eTag(), response.versionId());
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = reporting(request.destinationBucket(), request.destinationKey(),
                () -> super.copyBlob(request));
        listener.created(request.destinationBucket(), request.destinationKey(),
                response.copyObjectResult() == null ? null : response.copyObjectResult().eTag(), response.versionId());
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = reporting(upload.containerName(), upload.blobName(),
                () -> super.completeMultipartUpload(upload, request));
        listener.created(upload.containerName(), upload.blobName(), response.eTag(), response.versionId());
        return response;
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        return reporting(request.bucket(), request.key(), () -> super.removeBlob(request));
    }

    @Override
    public DeleteObjectsResponse removeBlobs(DeleteObjectsRequest request) {
        try {
            return super.removeBlobs(request);
        } finally {
            for (ObjectIdentifier object : request.delete().objects()) {
                changes.changed(request.bucket(), object.key());
            }
        }
    }

    @Override
    public void clearContainer(ListObjectsV2Request request) {
        reporting(request.bucket(), null, () -> {
            super.clearContainer(request);
            return null;
        });
    }

    @Override
    public void deleteContainer(String bucket) {
        reporting(bucket, null, () -> {
            super.deleteContainer(bucket);
            return null;
        });
    }

    @Override
    public void deleteBucket(String bucket) {
        reporting(bucket, null, () -> {
            super.deleteBucket(bucket);
            return null;
        });
    }

    /** Makes a change, then reports it, even when it failed part-way (the report only empties caches). */
    private <T> T reporting(String bucket, String key, Supplier<T> change) {
        try {
            return change.get();
        } finally {
            changes.changed(bucket, key);
        }
    }
}
