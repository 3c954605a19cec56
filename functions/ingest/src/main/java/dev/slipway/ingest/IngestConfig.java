package dev.slipway.ingest;

import static dev.slipway.stack.StackEnvironment.require;

import dev.slipway.access.Purpose;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * The ingest function's settings, from the environment variables template.yaml sets.
 *
 * @param bucket the bucket it reads uploads from and writes builds to
 * @param region the bucket's region
 * @param notices where build notices go, or null when the stack sends none
 */
record IngestConfig(String bucket, Region region, Notices notices) {
    static final String BUCKET = "SLIPWAY_BUCKET";
    /** Set by Lambda itself. */
    static final String REGION = "AWS_REGION";
    static final String TOPIC_ARN = "SLIPWAY_NOTICE_TOPIC_ARN";
    static final String SITE_URL = "SLIPWAY_SITE_URL";
    static final String LINK_SECRET_ARN = "SLIPWAY_LINK_SECRET_ARN";
    static final String LINK_TTL_DAYS = "SLIPWAY_NOTICE_LINK_TTL_DAYS";

    /**
     * Where notices go and what their links are made of.
     *
     * @param topicArn the SNS topic the function may publish to
     * @param site the install site's origin, for page links
     * @param linkSecretArn the Secrets Manager secret holding the link-signing keys (read, never logged)
     * @param linkTtl how long a notice's page link lives
     */
    record Notices(String topicArn, URI site, String linkSecretArn, Duration linkTtl) {
    }

    /**
     * @throws IllegalStateException naming the variable if one is missing or malformed (never its value)
     */
    static IngestConfig fromEnvironment(Map<String, String> env) {
        String topic = env.getOrDefault(TOPIC_ARN, "");
        Notices notices = null;
        if (!topic.isBlank()) {
            notices = new Notices(topic.trim(), site(require(env, SITE_URL)), require(env, LINK_SECRET_ARN),
                    linkTtl(require(env, LINK_TTL_DAYS)));
        }
        return new IngestConfig(require(env, BUCKET), Region.of(require(env, REGION)), notices);
    }

    private static URI site(String value) {
        try {
            URI uri = URI.create(value.trim());
            if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // Reported below, like any other unusable value.
        }
        throw new IllegalStateException("environment variable " + SITE_URL + " is not an https:// origin");
    }

    private static Duration linkTtl(String value) {
        long days;
        try {
            days = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + LINK_TTL_DAYS + " is not a number of days");
        }
        long max = Purpose.PAGE.maxTtl().toDays();
        if (days < 1 || days > max) {
            throw new IllegalStateException("environment variable " + LINK_TTL_DAYS + " must be 1 to " + max);
        }
        return Duration.ofDays(days);
    }
}
