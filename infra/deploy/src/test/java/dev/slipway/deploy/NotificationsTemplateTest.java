package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Build notices: the topic, its e-mail and queue subscriptions, the webhook sender and its dead-letter queue. */
class NotificationsTemplateTest {
    private static final String WEBHOOKS = "https://ci.example.com/hook,slack:https://hooks.slack.com/services/T/B/s";
    private final Template template = Template.load();
    private final Stack defaults = new Stack(template);
    private final Stack configured = new Stack(template, Map.of("NotifyEmail", "team@example.com",
            "WebhookUrls", WEBHOOKS, "NoticeLinkTtlDays", "7"));

    @Test
    void topic_isAlwaysCreated_andIsAnOutput() {
        // then
        assertThat(template.type("NoticeTopic")).isEqualTo("AWS::SNS::Topic");
        assertThat(template.resource("NoticeTopic")).doesNotContainKey("Condition");
        assertThat(defaults.at("Outputs", "NoticeTopicArn", "Value")).isEqualTo("{NoticeTopic}");
    }

    @Test
    void ingest_publishesToTheTopic_withLinksOfTheConfiguredLifetime() {
        // when
        Object variables = Nodes.at(configured.function("IngestFunction"), "Environment", "Variables");
        // then
        assertThat(Nodes.map(variables, "Variables")).containsEntry("SLIPWAY_NOTICE_TOPIC_ARN", "{NoticeTopic}")
                .containsEntry("SLIPWAY_NOTICE_LINK_TTL_DAYS", 7)
                .containsEntry("SLIPWAY_SITE_URL", "https://{Distribution.DomainName}");
    }

    @Test
    void emailSubscription_existsOnlyWithAnAddress() {
        // when
        Map<String, Object> subscription = configured.properties("NoticeEmailSubscription");
        // then
        assertThat(template.resource("NoticeEmailSubscription")).containsEntry("Condition", "HasNotifyEmail");
        assertThat(defaults.condition("HasNotifyEmail")).isFalse();
        assertThat(configured.condition("HasNotifyEmail")).isTrue();
        assertThat(subscription).isEqualTo(Map.of("TopicArn", "{NoticeTopic}", "Protocol", "email",
                "Endpoint", "team@example.com"));
    }

    @Test
    void notifyEmail_notAnAddress_isRefused() {
        assertThatThrownBy(() -> new Stack(template, Map.of("NotifyEmail", "team at example")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void webhookUrls_plainHttp_isRefused() {
        assertThatThrownBy(() -> new Stack(template, Map.of("WebhookUrls", "http://ci.example.com/hook")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void webhookPath_existsOnlyWithWebhooks_andEveryPartOfItIsConditional() {
        // when
        List<String> parts = List.of("WebhookSecret", "NoticeQueue", "NoticeDeadLetterQueue", "NoticeQueuePolicy",
                "NoticeQueueSubscription", "NotifyFunction", "NotifyFunctionLogs", "NotifyEventSource");
        // then
        assertThat(defaults.condition("HasWebhooks")).isFalse();
        assertThat(configured.condition("HasWebhooks")).isTrue();
        assertThat(parts).allSatisfy(id -> assertThat(template.resource(id)).containsEntry("Condition", "HasWebhooks"));
        assertThat(Nodes.at(configured.function("NotifyFunction"), "Environment", "Variables", "SLIPWAY_WEBHOOKS"))
                .isEqualTo(WEBHOOKS);
        assertThat(template.section("Parameters").get("WebhookUrls")).satisfies(parameter ->
                assertThat(Nodes.map(parameter, "WebhookUrls")).containsEntry("NoEcho", true));
    }

    @Test
    void noticeQueue_takesRawNoticesFromTheTopicOnly_andDeadLettersAfterThreeReceives() {
        // when
        Map<String, Object> subscription = configured.properties("NoticeQueueSubscription");
        Map<String, Object> queue = configured.properties("NoticeQueue");
        Object statement = Nodes.list(Nodes.at(configured.properties("NoticeQueuePolicy"), "PolicyDocument", "Statement"),
                "Statement").get(0);
        // then
        assertThat(subscription).isEqualTo(Map.of("TopicArn", "{NoticeTopic}", "Protocol", "sqs",
                "Endpoint", "{NoticeQueue.Arn}", "RawMessageDelivery", true));
        assertThat(queue.get("RedrivePolicy")).isEqualTo(Map.of("deadLetterTargetArn", "{NoticeDeadLetterQueue.Arn}",
                "maxReceiveCount", 3));
        assertThat(queue.get("SqsManagedSseEnabled")).isEqualTo(true);
        assertThat(Nodes.map(statement, "statement")).containsEntry("Action", "sqs:SendMessage")
                .containsEntry("Resource", "{NoticeQueue.Arn}")
                .containsEntry("Principal", Map.of("Service", "sns.amazonaws.com"))
                .containsEntry("Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", "{NoticeTopic}")));
        assertThat(configured.at("Outputs", "NoticeDeadLetterQueueUrl", "Value")).isEqualTo("{NoticeDeadLetterQueue}");
    }

    @Test
    void notifyFunction_takesOneNoticeAtATime_andReportsEachFailure() {
        // when
        Map<String, Object> mapping = configured.properties("NotifyEventSource");
        // then: a failed notice returns to the queue alone, not with the batch
        assertThat(mapping).containsEntry("EventSourceArn", "{NoticeQueue.Arn}").containsEntry("BatchSize", 1)
                .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
        assertThat(template.function("NotifyFunction")).doesNotContainKey("Events");
    }

    @Test
    void notifyLogs_keptForTheStacksRetention() {
        // when
        Map<String, Object> group = new Stack(template, Map.of("WebhookUrls", WEBHOOKS, "LogRetentionDays", "14"))
                .properties("NotifyFunctionLogs");
        // then
        assertThat(group).containsEntry("LogGroupName", "/aws/lambda/{NotifyFunction}").containsEntry("RetentionInDays", 14);
    }

    @Test
    void installLogGroup_isAnOutput_forSlipwayStats() {
        assertThat(defaults.at("Outputs", "InstallLogGroupName", "Value")).isEqualTo("{InstallFunctionLogs}");
    }
}
