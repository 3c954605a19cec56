package dev.slipway.ingest;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.notify.Notice;
import dev.slipway.notify.Notifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes notices on the stack's SNS topic, one message per protocol ({@code MessageStructure:
 * json}): the notice's JSON for queues, functions and HTTPS endpoints, readable text for e-mail.
 * The {@code type} attribute lets a subscription filter ready from rejected.
 */
final class SnsNotifier implements Notifier {
    /** SNS subjects are ASCII-ish one-liners of at most 100 characters. */
    private static final int MAX_SUBJECT = 100;

    private final SnsClient sns;
    private final String topicArn;

    SnsNotifier(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void send(Notice notice) {
        Map<String, String> message = new LinkedHashMap<>();
        message.put("default", new String(notice.toJson(), StandardCharsets.UTF_8));
        message.put("email", notice.text());
        String structured;
        try {
            structured = JSON.std.asString(message);
        } catch (IOException e) {
            throw new UncheckedIOException("a map of strings always serialises", e);
        }
        sns.publish(b -> b.topicArn(topicArn).messageStructure("json").message(structured).subject(subject(notice))
                .messageAttributes(Map.of("type", MessageAttributeValue.builder().dataType("String")
                        .stringValue(notice.type()).build())));
    }

    /** SNS refuses subjects with line breaks or over 100 characters. */
    static String subject(Notice notice) {
        String line = "Slipway: " + notice.headline().replaceAll("[\\p{Cntrl}]", " ");
        return line.length() <= MAX_SUBJECT ? line : line.substring(0, MAX_SUBJECT - 1) + "…";
    }
}
