package dev.slipway.notify;

import static dev.slipway.stack.StackEnvironment.require;

import dev.slipway.notify.webhook.WebhookTarget;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * The notify function's settings, from the environment variables template.yaml sets.
 *
 * @param region the stack's region
 * @param targets the webhooks (https only)
 * @param secretArn the Secrets Manager secret whose value signs every body
 */
record NotifyConfig(Region region, List<WebhookTarget> targets, String secretArn) {
    static final String REGION = "AWS_REGION";
    static final String WEBHOOKS = "SLIPWAY_WEBHOOKS";
    static final String SECRET_ARN = "SLIPWAY_WEBHOOK_SECRET_ARN";

    /**
     * @throws IllegalStateException naming the variable if one is missing or malformed
     */
    static NotifyConfig fromEnvironment(Map<String, String> env) {
        List<WebhookTarget> targets;
        try {
            targets = WebhookTarget.parseList(require(env, WEBHOOKS), false);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable " + WEBHOOKS + ": " + e.getMessage());
        }
        return new NotifyConfig(Region.of(require(env, REGION)), targets, require(env, SECRET_ARN));
    }
}
