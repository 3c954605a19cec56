package dev.slipway.install;

import dev.slipway.access.AccessPolicy;
import dev.slipway.access.KeySource;
import dev.slipway.access.LinkSigner;
import dev.slipway.catalog.BuildId;
import dev.slipway.catalog.BundleId;
import dev.slipway.catalog.Channel;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.catalog.S3Revocations;
import dev.slipway.device.DeviceStore;
import dev.slipway.device.DeviceTokens;
import dev.slipway.install.page.Assets;
import dev.slipway.install.page.PageRenderer;
import dev.slipway.storage.DownloadLinks;
import dev.slipway.storage.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place the install site is put together: the Lambda handler, the local stack, the tests
 * and the benchmarks all build their {@link Router} here, so they run the same object graph.
 *
 * <p>A new route is one {@link Route.Handler} class and one line in {@link #router}.
 */
public final class InstallSite {
    /** A build or failure id in a path, as a group. */
    private static final String BUILD_ID = "(" + BuildId.FORM.regex() + ")";

    private InstallSite() {
    }

    /**
     * What differs between a deployment, the local stack and a test.
     *
     * @param bucket the bucket holding builds and the catalog (the store's)
     * @param keys the link-signing keys (a fixed ring, or the secret re-read after a rotation)
     * @param downloadTtl how long manifest and package tokens, and presigned URLs, stay valid
     * @param origins where links point
     * @param clock the time tokens and profiles are judged by
     * @param revocationsCacheFor how long a revocation may take to show (0: at once)
     */
    public record Settings(String bucket, KeySource keys, Duration downloadTtl, Origins origins, Clock clock,
                           Duration revocationsCacheFor) {
        /** As deployed: the system clock, revocations cached for {@link S3Revocations#CACHE_FOR}. */
        public Settings(String bucket, KeySource keys, Duration downloadTtl, Origins origins) {
            this(bucket, keys, downloadTtl, origins, Clock.systemUTC(), S3Revocations.CACHE_FOR);
        }
    }

    /**
     * The site with the precompiled pages.
     *
     * @param store the bucket, read for records, listings and devices
     * @param downloads presigns the IPA downloads
     * @throws IllegalArgumentException if the store's bucket is not the settings'
     */
    public static Router router(ObjectStore store, DownloadLinks downloads, Settings settings) {
        return router(store, downloads, settings, new PageRenderer());
    }

    /**
     * The site with these pages (tests give theirs a clock).
     *
     * @throws IllegalArgumentException if the store's bucket is not the settings'
     */
    public static Router router(ObjectStore store, DownloadLinks downloads, Settings settings, PageRenderer pages) {
        if (!store.bucket().equals(settings.bucket())) {
            throw new IllegalArgumentException("the store reads bucket " + store.bucket() + ", the settings name "
                    + settings.bucket());
        }
        S3Catalog catalog = new S3Catalog(store);
        LinkSigner signer = new LinkSigner(settings.keys(), settings.clock());
        AccessPolicy policy = new AccessPolicy(new S3Revocations(catalog, settings.clock(), settings.revocationsCacheFor()));
        AuthorisedBuilds builds = new AuthorisedBuilds(catalog, policy);
        KnownDevices devices = new KnownDevices(new DeviceTokens(settings.keys(), settings.clock()),
                new DeviceStore(store));
        Duration ttl = settings.downloadTtl();
        BuildVerdicts verdicts = new BuildVerdicts(catalog, signer, settings.clock(), ttl);
        return new Router(List.of(
                Route.read(Pattern.quote(Assets.PATH_PREFIX) + "(.*)", "asset.fetch", new AssetsRoute(pages.assets())),
                Route.read("/b/" + BUILD_ID, "page.view", new BuildPageRoute(builds, verdicts, pages, devices)),
                Route.read("/m/" + BUILD_ID + "\\.plist", "manifest.fetch", new ManifestRoute(builds, signer, ttl)),
                Route.read("/d/" + BUILD_ID + "\\.ipa", "package.download",
                        new DownloadRoute(builds, downloads, ttl)),
                Route.read("/a/(" + BundleId.FORM.regex() + ")(?:/(" + Channel.FORM.regex() + "))?", "page.view",
                        new AppPageRoute(catalog, policy, pages, verdicts, devices)),
                Route.read("/f/" + BUILD_ID, "page.view", new FailurePageRoute(catalog, policy, pages)),
                Route.read("/api/v1/apps/(" + BundleId.FORM.regex() + ")/latest", "update.check",
                        new LatestBuildRoute(catalog, policy, settings.clock()))),
                settings.origins(), signer, pages);
    }
}
