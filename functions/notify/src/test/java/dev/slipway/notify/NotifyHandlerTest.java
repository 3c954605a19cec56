package dev.slipway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.notify.webhook.WebhookReceiver;
import dev.slipway.notify.webhook.WebhookSender;
import dev.slipway.notify.webhook.WebhookTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notify function fed the real SQS event shape ({@code events/sqs-notice.json}), delivering to real receivers. */
class NotifyHandlerTest {
    private static final byte[] SECRET = "notify-secret".getBytes(StandardCharsets.UTF_8);
    private WebhookReceiver first;
    private WebhookReceiver second;
    private NotifyHandler handler;

    @BeforeEach
    void start() throws Exception {
        first = WebhookReceiver.start(SECRET);
        second = WebhookReceiver.start(SECRET);
        handler = new NotifyHandler(List.of(WebhookTarget.parse(first.url("/hook").toString(), true),
                WebhookTarget.parse("slack:" + second.url("/chat"), true)),
                new WebhookSender(SECRET, new WebhookSender.Attempts(2, Duration.ofMillis(10), Duration.ofSeconds(5))));
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    @Test
    void handleRequest_sampleEvent_deliversToEveryTarget() throws Exception {
        SQSEvent event = EventLoader.loadSQSEvent("events/sqs-notice.json");

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(first.requests()).singleElement().satisfies(request -> {
            assertThat(request.signatureValid()).isTrue();
            assertThat(request.bodyText()).isEqualTo(event.getRecords().get(0).getBody());
        });
        assertThat(second.requests()).singleElement().satisfies(request -> {
            assertThat(request.signatureValid()).isTrue();
            assertThat(JSON.std.mapFrom(request.body())).containsOnlyKeys("text");
        });
    }

    @Test
    void handleRequest_targetKeepsFailing_reportsTheMessageForRedelivery() throws Exception {
        first.answer(500, 500);
        SQSEvent event = EventLoader.loadSQSEvent("events/sqs-notice.json");

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("059f36b4-87a3-44ab-83d2-661975830a7d");
        assertThat(first.requests()).hasSize(2);
    }

    @Test
    void handleRequest_bodyNotANotice_reportsItAndSendsNothing() throws Exception {
        SQSEvent event = EventLoader.loadSQSEvent("events/sqs-notice.json");
        event.getRecords().get(0).setBody("{\"hello\":1}");

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(first.requests()).isEmpty();
    }

    @Test
    void noticeBody_snsEnvelope_unwrapsTheMessage() throws Exception {
        String notice = EventLoader.loadSQSEvent("events/sqs-notice.json").getRecords().get(0).getBody();
        String envelope = JSON.std.asString(Map.of("Type", "Notification", "Message", notice));

        assertThat(new String(NotifyHandler.noticeBody(envelope), StandardCharsets.UTF_8)).isEqualTo(notice);
    }
}
