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
 * @param customDomain the custom domain CloudFront serves, or ""
 * @param profileSigner the operator's profile signing certificate and key, if both are set
 */
record EnrolConfig(String bucket, Region region, KeyRing keys, String customDomain, Optional<ProfileSigner> profileSigner) {
    static final String BUCKET = "SLIPWAY_BUCKET";
    static final String REGION = "AWS_REGION";
    static final String LINK_KEYS = "SLIPWAY_LINK_KEYS";
    static final String CUSTOM_DOMAIN = "SLIPWAY_CUSTOM_DOMAIN";
    static final String PROFILE_SIGNING_CERTIFICATE = "SLIPWAY_PROFILE_SIGNING_CERTIFICATE";
    static final String PROFILE_SIGNING_KEY = "SLIPWAY_PROFILE_SIGNING_KEY";

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
        String certificate = env.getOrDefault(PROFILE_SIGNING_CERTIFICATE, "");
        String key = env.getOrDefault(PROFILE_SIGNING_KEY, "");
        if (certificate.isBlank() != key.isBlank()) {
            throw new IllegalStateException("environment variables " + PROFILE_SIGNING_CERTIFICATE + " and "
                    + PROFILE_SIGNING_KEY + " must be set together (or both left empty)");
        }
        Optional<ProfileSigner> signer;
        try {
            signer = certificate.isBlank() ? Optional.empty() : Optional.of(ProfileSigner.fromPem(certificate, key));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variables " + PROFILE_SIGNING_CERTIFICATE + "/"
                    + PROFILE_SIGNING_KEY + ": " + e.getMessage());
        }
        return new EnrolConfig(require(env, BUCKET), Region.of(require(env, REGION)), keys,
                env.getOrDefault(CUSTOM_DOMAIN, ""), signer);
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
