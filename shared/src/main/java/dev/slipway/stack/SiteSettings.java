package dev.slipway.stack;

import static dev.slipway.stack.StackEnvironment.require;

import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * The settings the install and enrol functions both read, from the variables template.yaml sets on
 * each: read in one place, so both fail at init alike when one is missing.
 *
 * @param bucket the bucket ({@code SLIPWAY_BUCKET})
 * @param region its region ({@code AWS_REGION}, which Lambda sets)
 * @param linkSecretArn the Secrets Manager secret holding the link keys ({@code SLIPWAY_LINK_SECRET_ARN});
 *     its value is never in the environment: anyone allowed lambda:GetFunctionConfiguration could read it there
 * @param originSecret what CloudFront sends in its origin-secret header ({@code SLIPWAY_ORIGIN_SECRET}; never logged)
 * @param customDomain the custom domain CloudFront serves ({@code SLIPWAY_CUSTOM_DOMAIN}), or "" for the
 *     CloudFront domain only
 */
public record SiteSettings(String bucket, Region region, String linkSecretArn, String originSecret,
                           String customDomain) {
    /**
     * @throws IllegalStateException naming the variable (never its value) if one is unset or blank;
     *     the bucket, region, link secret and origin secret are checked in that order
     */
    public static SiteSettings fromEnvironment(Map<String, String> env) {
        return new SiteSettings(require(env, "SLIPWAY_BUCKET"), Region.of(require(env, "AWS_REGION")),
                require(env, "SLIPWAY_LINK_SECRET_ARN"), require(env, "SLIPWAY_ORIGIN_SECRET"),
                env.getOrDefault("SLIPWAY_CUSTOM_DOMAIN", ""));
    }
}
