package dev.slipway.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifyConfigTest {

    @Test
    void fromEnvironment_templateVariables_areRead() {
        NotifyConfig config = NotifyConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1", "SLIPWAY_WEBHOOKS",
                "https://ci.example.com/hook,slack:https://hooks.slack.com/services/T/B/s",
                "SLIPWAY_WEBHOOK_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:w"));

        assertThat(config.targets()).hasSize(2);
        assertThat(config.secretArn()).isEqualTo("arn:aws:secretsmanager:eu-west-1:123456789012:secret:w");
    }

    @Test
    void fromEnvironment_httpWebhook_namesTheVariable() {
        assertThatThrownBy(() -> NotifyConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1", "SLIPWAY_WEBHOOKS",
                "http://ci.example.com/hook", "SLIPWAY_WEBHOOK_SECRET_ARN", "arn")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable SLIPWAY_WEBHOOKS: webhook http://ci.example.com/hook is not an https:// URL");
    }
}
