package dev.slipway.install;

import static dev.slipway.stack.StackEnvironment.require;

import dev.slipway.access.KeySource;
import dev.slipway.stack.SiteSettings;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * The install function's settings, from the environment variables template.yaml sets.
 *
 * @param bucket the bucket holding builds and the catalog
 * @param region its region
 * @param linkSecretArn the Secrets Manager secret holding the link-signing keys (its value is never
 *     in the environment: anyone allowed lambda:GetFunctionConfiguration could read it there)
 * @param downloadTtl how long the manifest and IPA URLs a page hands out stay valid
 * @param customDomain the custom domain CloudFront serves, or "" for the CloudFront domain only
 * @param originSecret what CloudFront sends in {@value Origins#ORIGIN_SECRET_HEADER} (never logged)
 * @param primeAtInit whether initialisation runs ahead of the requests it serves (Lambda's
 *     {@value #INITIALIZATION_TYPE}: {@code snap-start} or {@code provisioned-concurrency}), so that
 *     priming there takes time off a request; on {@code on-demand} a request waits for initialisation
 *     and its own work together, and priming (every kind of request, more than one request needs)
 *     would make that wait longer
 */
record InstallConfig(String bucket, Region region, String linkSecretArn, Duration downloadTtl,
                     String customDomain, String originSecret, boolean primeAtInit) {
    static final String DOWNLOAD_TTL_MINUTES = "SLIPWAY_DOWNLOAD_TTL_MINUTES";
    /** Set by Lambda: {@code on-demand}, {@code provisioned-concurrency} or {@code snap-start}. */
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    /**
     * @throws IllegalStateException naming the variable if one is missing or malformed (never its value)
     */
    static InstallConfig fromEnvironment(Map<String, String> env) {
        long minutes;
        try {
            minutes = Long.parseLong(require(env, DOWNLOAD_TTL_MINUTES).trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + DOWNLOAD_TTL_MINUTES + " is not a number of minutes");
        }
        if (minutes < 1 || minutes > 60) {
            throw new IllegalStateException("environment variable " + DOWNLOAD_TTL_MINUTES + " must be 1 to 60");
        }
        SiteSettings site = SiteSettings.fromEnvironment(env);
        return new InstallConfig(site.bucket(), site.region(), site.linkSecretArn(), Duration.ofMinutes(minutes),
                site.customDomain(), site.originSecret(), !"on-demand".equals(env.get(INITIALIZATION_TYPE)));
    }

    /** The site's settings as deployed: links to the distribution's domains only. */
    InstallSite.Settings settings(KeySource keys) {
        return new InstallSite.Settings(bucket, keys, downloadTtl, Origins.behindCloudFront(originSecret, customDomain));
    }
}
