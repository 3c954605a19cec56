package dev.slipway.ingest;

import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * The ingest function's settings, from the environment variables template.yaml sets.
 *
 * @param bucket the bucket it reads uploads from and writes builds to
 * @param region the bucket's region
 */
record IngestConfig(String bucket, Region region) {
    static final String BUCKET = "SLIPWAY_BUCKET";
    /** Set by Lambda itself. */
    static final String REGION = "AWS_REGION";

    /**
     * @throws IllegalStateException naming the variable if one is missing
     */
    static IngestConfig fromEnvironment(Map<String, String> env) {
        return new IngestConfig(require(env, BUCKET), Region.of(require(env, REGION)));
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
