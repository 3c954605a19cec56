package dev.slipway.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.notify.Notice;
import dev.slipway.notify.WebhookSignature;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries to a real HTTP receiver on 127.0.0.1 that verifies signatures. */
class WebhookSenderTest {
    private static final byte[] SECRET = "webhook-secret-for-tests".getBytes(StandardCharsets.UTF_8);
    private static final WebhookSender.Attempts FAST = new WebhookSender.Attempts(3, Duration.ofMillis(10),
            Duration.ofSeconds(5));
    static final Notice READY = new Notice(Notice.READY, "build.ready:b-1", Instant.parse("2026-12-02T10:00:00Z"),
            "com.example.app", "Example", "b-1", "45", "Example.ipa", "beta", "1.2", "Faster & <smaller>", null,
            URI.create("https://install.example.com/b/b-1?t=page-token"));
    static final Notice REJECTED = new Notice(Notice.REJECTED, "build.rejected:f-1", Instant.parse("2026-12-02T10:00:00Z"),
            null, null, "f-1", null, "Broken.ipa", "beta", null, null, "the file is not a ZIP archive", 
            URI.create("https://install.example.com/f/f-1?t=page-token"));

    private WebhookReceiver receiver;
    private final WebhookSender sender = new WebhookSender(SECRET, FAST);

    @BeforeEach
    void start() throws Exception {
        receiver = WebhookReceiver.start(SECRET);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void deliver_readyNotice_postsTheSignedJsonOnce() throws Exception {
        WebhookTarget target = WebhookTarget.parse(receiver.url("/hook").toString(), true);

        WebhookSender.Delivery delivery = sender.deliver(target, READY);

        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.attempts()).isEqualTo(1);
        List<WebhookReceiver.Request> requests = receiver.requests();
        assertThat(requests).hasSize(1);
        WebhookReceiver.Request request = requests.get(0);
        assertThat(request.signatureValid()).isTrue();
        assertThat(request.header(WebhookSignature.HEADER))
                .isEqualTo(WebhookSignature.sign(SECRET, request.body())).startsWith("sha256=").hasSize(7 + 64);
        assertThat(request.header("X-Slipway-Event")).isEqualTo("build.ready");
        assertThat(request.header("X-Slipway-Delivery")).isEqualTo("build.ready:b-1");
        Map<String, Object> json = JSON.std.mapFrom(request.body());
        assertThat(json).containsKeys("type", "id", "occurredAt", "app", "build", "channel", "version", "notes", "links")
                .containsEntry("type", "build.ready").containsEntry("id", "build.ready:b-1")
                .containsEntry("occurredAt", "2026-12-02T10:00:00Z").containsEntry("channel", "beta")
                .containsEntry("version", "1.2").containsEntry("notes", "Faster & <smaller>")
                .containsEntry("app", Map.of("bundleId", "com.example.app", "name", "Example"))
                .containsEntry("links", Map.of("page", "https://install.example.com/b/b-1?t=page-token"));
        assertThat(Notice.parse(request.body())).isEqualTo(READY);
    }

    @Test
    void deliver_receiverAnswers500_retriesUntilItAccepts() throws Exception {
        receiver.answer(500, 503);
        WebhookTarget target = WebhookTarget.parse(receiver.url("/").toString(), true);

        WebhookSender.Delivery delivery = sender.deliver(target, READY);

        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(receiver.requests()).extracting(WebhookReceiver.Request::answeredWith).containsExactly(500, 503, 204);
        // The same body, signature and delivery id every time, so a receiver can de-duplicate.
        assertThat(receiver.requests()).extracting(WebhookReceiver.Request::bodyText).containsOnly(
                new String(READY.toJson(), StandardCharsets.UTF_8));
        assertThat(receiver.requests()).extracting(r -> r.header("X-Slipway-Delivery")).containsOnly("build.ready:b-1");
    }

    @Test
    void deliver_receiverKeepsFailing_givesUpAfterTheLastAttempt() throws Exception {
        receiver.answer(500, 500, 500, 500);

        WebhookSender.Delivery delivery = sender.deliver(WebhookTarget.parse(receiver.url("/").toString(), true), READY);

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.error()).isEqualTo("HTTP 500");
        assertThat(receiver.requests()).hasSize(3);
    }

    @Test
    void deliver_receiverAnswers400_doesNotRetry() throws Exception {
        receiver.answer(400);

        WebhookSender.Delivery delivery = sender.deliver(WebhookTarget.parse(receiver.url("/").toString(), true), READY);

        assertThat(delivery.error()).isEqualTo("HTTP 400 (not retried)");
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void deliver_nobodyListening_failsWithTheConnectionError() throws Exception {
        URI url = receiver.url("/");
        receiver.close();

        WebhookSender.Delivery delivery = sender.deliver(WebhookTarget.parse(url.toString(), true), READY);

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.status()).isZero();
        assertThat(delivery.error()).startsWith("ConnectException");
        assertThat(delivery.attempts()).isEqualTo(3);
    }

    @Test
    void deliver_slackTarget_postsSignedChatText() throws Exception {
        WebhookTarget target = WebhookTarget.parse("slack:" + receiver.url("/services/T0/B0/x"), true);

        sender.deliver(target, REJECTED);

        WebhookReceiver.Request request = receiver.requests().get(0);
        assertThat(request.signatureValid()).isTrue();
        assertThat(JSON.std.mapFrom(request.body())).isEqualTo(Map.of("text",
                "*Broken.ipa was rejected*: the file is not a ZIP archive\n"
                        + "<https://install.example.com/f/f-1?t=page-token|Failure page>"));
    }

    @Test
    void body_slackReadyWithMarkup_escapesSlackControlCharacters() throws Exception {
        byte[] body = WebhookSender.body(new WebhookTarget(URI.create("https://hooks.example.com/x"),
                WebhookTarget.Format.SLACK), READY);

        assertThat(JSON.std.mapFrom(body)).isEqualTo(Map.of("text", "*Example 1.2 (45) is ready on beta*\n"
                + "Faster &amp; &lt;smaller&gt;\n<https://install.example.com/b/b-1?t=page-token|Install page>"));
    }
}
