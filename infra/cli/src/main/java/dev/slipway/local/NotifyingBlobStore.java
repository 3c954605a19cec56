package dev.slipway.local;

import java.io.InputStream;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * S3Proxy's store, reporting every object it creates as S3 reports ObjectCreated: after a PUT, a
 * copy or a completed multipart upload succeeds, with the new object's ETag and version id (null
 * unless the bucket is versioned). Each write is reported, even one that stores the same bytes
 * under the same key again, as S3 does.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {
    /** Receives each created object; called on S3Proxy's request thread, so it must not block. */
    @FunctionalInterface
    interface Listener {
        void created(String bucket, String key, String eTag, String versionId);
    }

    private final Listener listener;

    NotifyingBlobStore(BlobStore delegate, Listener listener) {
        super(delegate);
        this.listener = listener;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = super.putBlob(request, content);
        listener.created(request.bucket(), request.key(), response.eTag(), response.versionId());
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        listener.created(request.destinationBucket(), request.destinationKey(),
                response.copyObjectResult() == null ? null : response.copyObjectResult().eTag(), response.versionId());
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        listener.created(upload.containerName(), upload.blobName(), response.eTag(), response.versionId());
        return response;
    }
}
