package dev.slipway.enrol;

import dev.slipway.access.KeyRing;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * The enrol function's settings, from the environment variables template.yaml sets.
 *
 * @param bucket the bucket (the function writes only under {@code devices/})
 * @param region its region
 * @param keys the link keys: they verify page tokens and seal challenges and device tokens
 * @param site which site a request came to: behind CloudFront, by its origin secret and the custom domain
 * @param profileSigner the operator's profile signing certificate and key, if set
 */
record EnrolConfig(String bucket, Region region, KeyRing keys, SiteOrigin site, Optional<ProfileSigner> profileSigner) {
    static final String BUCKET = "SLIPWAY_BUCKET";
    static final String REGION = "AWS_REGION";
    static final String LINK_KEYS = "SLIPWAY_LINK_KEYS";
    static final String CUSTOM_DOMAIN = "SLIPWAY_CUSTOM_DOMAIN";
    static final String ORIGIN_SECRET = "SLIPWAY_ORIGIN_SECRET";
    static final String PROFILE_SIGNING_PEM = "SLIPWAY_PROFILE_SIGNING_PEM";

    /**
     * @throws IllegalStateException naming the variable if one is missing or malformed (never its value)
     */
    static EnrolConfig fromEnvironment(Map<String, String> env) {
        KeyRing keys;
        try {
            keys = KeyRing.parse(require(env, LINK_KEYS));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable " + LINK_KEYS + " is not a usable key ring: " + e.getMessage());
        }
        String pem = env.getOrDefault(PROFILE_SIGNING_PEM, "");
        Optional<ProfileSigner> signer;
        try {
            signer = pem.isBlank() ? Optional.empty() : Optional.of(ProfileSigner.fromPem(pem));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable " + PROFILE_SIGNING_PEM + ": " + e.getMessage());
        }
        return new EnrolConfig(require(env, BUCKET), Region.of(require(env, REGION)), keys,
                SiteOrigin.behindCloudFront(require(env, ORIGIN_SECRET), env.getOrDefault(CUSTOM_DOMAIN, "")), signer);
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
