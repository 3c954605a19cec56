package dev.slipway.storage;

import java.net.URI;
import java.time.Duration;

/**
 * Presigned URLs for reading one object, which a browser or iOS's installer fetch from S3 directly.
 * A URL signed with a role's temporary credentials dies with the role's session, whatever its
 * duration says, so none is ever stored: sign one per request.
 */
public interface DownloadLinks {

    /**
     * @param head true for HEAD, false for GET (a URL presigned for one method refuses the other)
     * @param download the object and the headers S3 should answer with
     * @param ttl how long the URL works
     */
    URI presign(boolean head, Download download, Duration ttl);

    /**
     * An object to download.
     *
     * @param key its key
     * @param versionId the version, or null for the current one
     * @param contentType the {@code Content-Type} S3 answers with
     * @param contentDisposition the {@code Content-Disposition} S3 answers with
     */
    record Download(String key, String versionId, String contentType, String contentDisposition) {
    }
}
