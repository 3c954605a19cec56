package dev.slipway.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.log.Log;
import dev.slipway.notify.webhook.WebhookSender;
import dev.slipway.notify.webhook.WebhookTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The notice queue (subscribed to the stack's topic) → every configured webhook. A message whose
 * delivery failed after the sender's own retries is reported back to SQS, which makes it visible
 * again later and, after the queue's receive limit, moves it to the dead-letter queue. A retried
 * message goes to every target again, with the same delivery id.
 */
public final class NotifyHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Log LOG = Log.of(NotifyHandler.class);
    private final List<WebhookTarget> targets;
    private final WebhookSender sender;

    /** Used by Lambda: reads the webhook secret once, at init. */
    public NotifyHandler() {
        NotifyConfig config = NotifyConfig.fromEnvironment(System.getenv());
        String secret;
        try (SecretsManagerClient secrets = SecretsManagerClient.builder().region(config.region())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            secret = secrets.getSecretValue(b -> b.secretId(config.secretArn())).secretString();
        }
        this.targets = config.targets();
        this.sender = new WebhookSender(secret.getBytes(StandardCharsets.UTF_8), WebhookSender.Attempts.DEFAULT);
    }

    public NotifyHandler(List<WebhookTarget> targets, WebhookSender sender) {
        this.targets = List.copyOf(targets);
        this.sender = sender;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        try (Log.RequestScope scope = Log.request(context == null ? null : context.getAwsRequestId())) {
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                if (!deliver(message)) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
        }
        return new SQSBatchResponse(failures);
    }

    private boolean deliver(SQSEvent.SQSMessage message) {
        Notice notice;
        try {
            notice = Notice.parse(noticeBody(message.getBody()));
        } catch (IllegalArgumentException e) {
            // Kept for a person to look at: after the receive limit it lands in the dead-letter queue.
            LOG.warn("notice.malformed", "message", message.getMessageId(), "why", e.getMessage());
            return false;
        }
        boolean all = true;
        for (WebhookTarget target : targets) {
            try {
                WebhookSender.Delivery delivery = sender.deliver(target, notice);
                if (delivery.delivered()) {
                    LOG.info("webhook.delivered", "target", target, "notice", notice.id(), "status", delivery.status(),
                            "attempts", delivery.attempts());
                } else {
                    LOG.warn("webhook.failed", "target", target, "notice", notice.id(), "attempts", delivery.attempts(),
                            "error", delivery.error());
                    all = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return all;
    }

    /**
     * The notice inside a message body: raw delivery (what the template subscribes) gives the notice
     * itself; without it SNS wraps it in an envelope whose {@code Message} is the notice.
     */
    static byte[] noticeBody(String body) {
        if (body == null) {
            throw new IllegalArgumentException("message has no body");
        }
        try {
            Map<String, Object> json = JSON.std.mapFrom(body);
            if ("Notification".equals(json.get("Type")) && json.get("Message") instanceof String inner) {
                return inner.getBytes(StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("message body is not JSON");
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
