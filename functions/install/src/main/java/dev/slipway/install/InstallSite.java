package dev.slipway.install;

import dev.slipway.access.AccessPolicy;
import dev.slipway.access.KeyRing;
import dev.slipway.access.LinkSigner;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.catalog.S3Revocations;
import dev.slipway.install.page.PageRenderer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The one place the install site is put together: the Lambda handler, the local stack, the tests
 * and the benchmarks all build their {@link Router} here, so they run the same object graph.
 *
 * <p>A new route is one class implementing {@link Route} and one line in {@link #router}.
 */
public final class InstallSite {
    private InstallSite() {
    }

    /**
     * What differs between a deployment, the local stack and a test.
     *
     * @param bucket the bucket holding builds and the catalog
     * @param keys the link-signing keys
     * @param downloadTtl how long manifest and package tokens, and presigned URLs, stay valid
     * @param origins where links point
     * @param clock the time tokens and profiles are judged by
     * @param revocationsCacheFor how long a revocation may take to show (0: at once)
     */
    public record Settings(String bucket, KeyRing keys, Duration downloadTtl, Origins origins, Clock clock,
                           Duration revocationsCacheFor) {
        /** As deployed: the system clock, revocations cached for {@link S3Revocations#CACHE_FOR}. */
        public Settings(String bucket, KeyRing keys, Duration downloadTtl, Origins origins) {
            this(bucket, keys, downloadTtl, origins, Clock.systemUTC(), S3Revocations.CACHE_FOR);
        }
    }

    /** The site with the precompiled pages. */
    public static Router router(S3Client s3, S3Presigner presigner, Settings settings) {
        return router(s3, presigner, settings, new PageRenderer());
    }

    /** The site with these pages (tests give theirs a clock). */
    public static Router router(S3Client s3, S3Presigner presigner, Settings settings, PageRenderer pages) {
        S3Catalog catalog = new S3Catalog(s3, settings.bucket());
        LinkSigner signer = new LinkSigner(settings.keys(), settings.clock());
        AccessPolicy policy = new AccessPolicy(new S3Revocations(catalog, settings.clock(), settings.revocationsCacheFor()));
        AuthorisedBuilds builds = new AuthorisedBuilds(catalog, policy);
        Duration ttl = settings.downloadTtl();
        BuildVerdicts verdicts = new BuildVerdicts(catalog, signer, settings.clock(), ttl);
        return new Router(List.of(
                new AssetsRoute(pages.assets()),
                new BuildPageRoute(builds, verdicts, pages),
                new ManifestRoute(builds, signer, ttl),
                new DownloadRoute(builds, presigner, settings.bucket(), ttl),
                new AppPageRoute(catalog, policy, pages, verdicts),
                new FailurePageRoute(catalog, policy, pages)),
                settings.origins(), signer, pages);
    }
}
