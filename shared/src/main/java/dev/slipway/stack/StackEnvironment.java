package dev.slipway.stack;

import java.util.Map;

/** The environment variables template.yaml gives each function, as the functions' config records read them. */
public final class StackEnvironment {
    /** The bucket. */
    public static final String BUCKET = "SLIPWAY_BUCKET";
    /** The region Lambda runs the function in. */
    public static final String REGION = "AWS_REGION";
    /** The Secrets Manager secret holding the link keys (never the keys themselves). */
    public static final String LINK_SECRET_ARN = "SLIPWAY_LINK_SECRET_ARN";
    /** The custom domain CloudFront serves, or unset for the CloudFront domain only. */
    public static final String CUSTOM_DOMAIN = "SLIPWAY_CUSTOM_DOMAIN";
    /** What CloudFront sends in the origin-secret header. */
    public static final String ORIGIN_SECRET = "SLIPWAY_ORIGIN_SECRET";

    private StackEnvironment() {
    }

    /**
     * The variable's value, so that a function missing one fails at init naming it.
     *
     * @throws IllegalStateException naming the variable (never a value) if it is unset or blank
     */
    public static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
