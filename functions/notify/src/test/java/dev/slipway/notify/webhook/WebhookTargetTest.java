package dev.slipway.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookTargetTest {

    @Test
    void parseList_plainAndSlackEntries_readsBoth() {
        assertThat(WebhookTarget.parseList("https://ci.example.com/hook, slack:https://hooks.slack.com/services/T/B/s,",
                false)).containsExactly(
                new WebhookTarget(URI.create("https://ci.example.com/hook"), WebhookTarget.Format.SLIPWAY),
                new WebhookTarget(URI.create("https://hooks.slack.com/services/T/B/s"), WebhookTarget.Format.SLACK));
    }

    @Test
    void parse_httpWhenDeployed_isRefused() {
        assertThatThrownBy(() -> WebhookTarget.parse("http://ci.example.com/hook", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("webhook http://ci.example.com/hook is not an https:// URL");
    }

    @Test
    void parse_notAUrl_namesIt() {
        assertThatThrownBy(() -> WebhookTarget.parse("ci example", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("webhook ci example is not a URL");
    }

    @Test
    void toString_slackUrl_hidesPathAndQuery() {
        assertThat(WebhookTarget.parse("slack:https://hooks.slack.com/services/T/B/secret", false))
                .hasToString("https://hooks.slack.com (slack)");
    }
}
