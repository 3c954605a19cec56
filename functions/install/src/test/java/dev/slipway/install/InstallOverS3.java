package dev.slipway.install;

import dev.slipway.access.KeyRing;
import dev.slipway.catalog.Upload;
import dev.slipway.fixtures.TestS3;
import dev.slipway.ingest.IngestService;
import dev.slipway.ingest.IpaCopier;
import dev.slipway.install.page.Assets;
import dev.slipway.install.page.PageRenderer;
import dev.slipway.storage.HttpObjectStore;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The install handler as the handler tests run it, over an S3Proxy bucket and behind CloudFront
 * ({@link ApiEvents#ORIGIN_SECRET}), rendering the real pages; and builds put in that bucket as the
 * ingest function makes them.
 */
final class InstallOverS3 {
    private InstallOverS3() {
    }

    /**
     * @param store reads the bucket and presigns its links (the server's own store, or one set to fail)
     * @param revocationCache how long revocations are cached ({@code S3Revocations.CACHE_FOR} as deployed)
     */
    static InstallHandler handler(TestS3 server, HttpObjectStore store, KeyRing keys, Duration downloadTtl, Clock clock,
            Duration revocationCache) {
        InstallSite.Settings settings = new InstallSite.Settings(server.bucket(), keys, downloadTtl,
                Origins.behindCloudFront(ApiEvents.ORIGIN_SECRET, ""), clock, revocationCache);
        return new InstallHandler(InstallSite.router(store, store, settings,
                new PageRenderer(TemplateEngine.createPrecompiled(ContentType.Html), Assets.fromClasspath(), clock)));
    }

    /** Uploads the IPA under {@code key}, uploaded now, and ingests it; returns the build id. */
    static String ingest(TestS3 server, String key, byte[] ipa) throws Exception {
        return ingest(server, key, ipa, Map.of(), Instant.now(), Clock.systemUTC());
    }

    /**
     * Uploads the IPA under {@code key} with this user metadata, as if at {@code uploadedAt}, and
     * ingests it by {@code clock}; returns the build id.
     */
    static String ingest(TestS3 server, String key, byte[] ipa, Map<String, String> metadata, Instant uploadedAt,
            Clock clock) throws Exception {
        S3Client s3 = server.client();
        String eTag = s3.putObject(b -> b.bucket(server.bucket()).key(key).metadata(metadata), RequestBody.fromBytes(ipa))
                .eTag();
        Upload upload = new Upload(key, ipa.length, eTag.replace("\"", ""), Long.toHexString(System.nanoTime()), null,
                uploadedAt);
        return new IngestService(s3, server.bucket(), new IpaCopier(s3, server.bucket()), clock).ingest(upload).id();
    }
}
