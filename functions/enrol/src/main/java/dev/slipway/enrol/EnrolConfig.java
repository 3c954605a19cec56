package dev.slipway.enrol;

import static dev.slipway.stack.StackEnvironment.BUCKET;
import static dev.slipway.stack.StackEnvironment.CUSTOM_DOMAIN;
import static dev.slipway.stack.StackEnvironment.LINK_SECRET_ARN;
import static dev.slipway.stack.StackEnvironment.ORIGIN_SECRET;
import static dev.slipway.stack.StackEnvironment.REGION;
import static dev.slipway.stack.StackEnvironment.require;

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
        return new EnrolConfig(require(env, BUCKET), Region.of(require(env, REGION)), require(env, LINK_SECRET_ARN),
                SiteOrigin.behindCloudFront(require(env, ORIGIN_SECRET), env.getOrDefault(CUSTOM_DOMAIN, "")),
                env.getOrDefault(PROFILE_SIGNING_SECRET_ARN, "").trim());
    }
}
