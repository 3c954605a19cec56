package dev.slipway.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Download links from the SDK's presigner ({@link S3Clients#presigner}). */
public final class SdkDownloadLinks implements DownloadLinks {
    private final S3Presigner presigner;
    private final String bucket;

    public SdkDownloadLinks(S3Presigner presigner, String bucket) {
        this.presigner = Objects.requireNonNull(presigner, "presigner");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    public URI presign(boolean head, Download download, Duration ttl) {
        try {
            if (head) {
                return presigner.presignHeadObject(p -> p.signatureDuration(ttl).headObjectRequest(h -> h
                        .bucket(bucket).key(download.key()).versionId(download.versionId())
                        .responseContentType(download.contentType())
                        .responseContentDisposition(download.contentDisposition()))).url().toURI();
            }
            return presigner.presignGetObject(p -> p.signatureDuration(ttl).getObjectRequest(g -> g
                    .bucket(bucket).key(download.key()).versionId(download.versionId())
                    .responseContentType(download.contentType())
                    .responseContentDisposition(download.contentDisposition()))).url().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the presigner made an unparseable URL for " + download.key(), e);
        }
    }
}
