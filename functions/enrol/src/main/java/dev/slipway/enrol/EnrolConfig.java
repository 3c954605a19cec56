package dev.slipway.enrol;

import dev.slipway.stack.SiteSettings;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * The enrol function's settings, from the environment variables template.yaml sets.
 *
 * @param bucket the bucket (the function writes only under {@code devices/})
 * @param region its region
 * @param linkSecretArn the Secrets Manager secret holding the link keys (they verify page tokens and
 *     seal challenges and device tokens); its value is never in the environment
 * @param site which site a request came to: behind CloudFront, by its origin secret and the custom domain
 * @param profileSigningSecretArn the secret holding the operator's profile signing certificate and
 *     key (PEM), or "" to serve profiles unsigned
 */
record EnrolConfig(String bucket, Region region, String linkSecretArn, SiteOrigin site, String profileSigningSecretArn) {
    static final String PROFILE_SIGNING_SECRET_ARN = "SLIPWAY_PROFILE_SIGNING_SECRET_ARN";

    /**
     * @throws IllegalStateException naming the variable if one is missing or malformed (never its value)
     */
    static EnrolConfig fromEnvironment(Map<String, String> env) {
        SiteSettings site = SiteSettings.fromEnvironment(env);
        return new EnrolConfig(site.bucket(), site.region(), site.linkSecretArn(),
                SiteOrigin.behindCloudFront(site.originSecret(), site.customDomain()),
                env.getOrDefault(PROFILE_SIGNING_SECRET_ARN, "").trim());
    }
}
