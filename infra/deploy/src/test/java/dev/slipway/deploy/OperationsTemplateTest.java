package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an operator needs once deployed: throttling, logs that expire, and alarms that reach someone. */
class OperationsTemplateTest {
    private final Template template = Template.load();
    private final Stack stack = new Stack(template);

    @Test
    void httpApi_defaultRoute_isThrottledByTheParameters() {
        Stack custom = new Stack(template, Map.of("ThrottlingBurstLimit", "40", "ThrottlingRateLimit", "20"));

        Object settings = custom.properties("HttpApi").get("DefaultRouteSettings");

        assertThat(settings).isEqualTo(Map.of("ThrottlingBurstLimit", 40, "ThrottlingRateLimit", 20));
    }

    @Test
    void httpApi_accessLogs_goToALogGroupWithRetention() {
        Stack custom = new Stack(template, Map.of("LogRetentionDays", "14"));

        Map<String, Object> access = Nodes.map(custom.properties("HttpApi").get("AccessLogSettings"), "AccessLogSettings");

        assertThat(template.type("HttpApiAccessLogs")).isEqualTo("AWS::Logs::LogGroup");
        assertThat(template.resource("HttpApiAccessLogs").get("Properties"))
                .isEqualTo(Map.of("RetentionInDays", Map.of("Ref", "LogRetentionDays")));
        assertThat(access.get("DestinationArn")).isEqualTo(custom.evaluate(Map.of("Fn::GetAtt", List.of("HttpApiAccessLogs", "Arn"))));
        assertThat((String) access.get("Format")).contains("$context.requestId").contains("$context.status");
        assertThat(custom.properties("HttpApiAccessLogs").get("RetentionInDays")).isEqualTo(14);
    }

    @ParameterizedTest
    @CsvSource({"IngestFunctionLogs, IngestFunction", "InstallFunctionLogs, InstallFunction"})
    void functionLogGroup_isLambdasOwnName_withRetention(String group, String function) {
        Map<String, Object> properties = new Stack(template, Map.of("LogRetentionDays", "90")).properties(group);

        assertThat(template.type(group)).isEqualTo("AWS::Logs::LogGroup");
        assertThat(properties.get("LogGroupName")).isEqualTo("/aws/lambda/{" + function + "}");
        assertThat(properties.get("RetentionInDays")).isEqualTo(90);
    }

    @ParameterizedTest
    @CsvSource({
            "DeadLetterAlarm, AWS/SQS, ApproximateNumberOfMessagesVisible, QueueName, Maximum",
            "IngestErrorsAlarm, AWS/Lambda, Errors, FunctionName, Sum",
            "InstallErrorsAlarm, AWS/Lambda, Errors, FunctionName, Sum"})
    void alarm_firesOnTheFirstOccurrence_andNotifiesTheTopic(String alarm, String namespace, String metric,
            String dimension, String statistic) {
        Map<String, Object> properties = stack.properties(alarm);

        assertThat(properties).containsEntry("Namespace", namespace).containsEntry("MetricName", metric)
                .containsEntry("Statistic", statistic).containsEntry("Threshold", 0)
                .containsEntry("ComparisonOperator", "GreaterThanThreshold")
                .containsEntry("TreatMissingData", "notBreaching")
                .containsEntry("AlarmActions", List.of("{AlarmTopic}"));
        assertThat(Nodes.map(Nodes.list(properties.get("Dimensions"), "Dimensions").get(0), "Dimension"))
                .containsEntry("Name", dimension);
    }

    @Test
    void alarmEmail_subscribesOnlyWhenGiven() {
        Stack withEmail = new Stack(template, Map.of("AlarmEmail", "ops@example.com"));

        assertThat(template.resource("AlarmEmailSubscription")).containsEntry("Condition", "HasAlarmEmail");
        assertThat(stack.condition("HasAlarmEmail")).isFalse();
        assertThat(withEmail.condition("HasAlarmEmail")).isTrue();
        assertThat(withEmail.properties("AlarmEmailSubscription")).containsEntry("Protocol", "email")
                .containsEntry("Endpoint", "ops@example.com").containsEntry("TopicArn", "{AlarmTopic}");
    }
}
