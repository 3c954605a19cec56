package dev.slipway.notify.webhook;

import dev.slipway.log.Log;
import dev.slipway.notify.Notice;
import dev.slipway.notify.WebhookSignature;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs a notice to a webhook, signed ({@link WebhookSignature}), retrying with exponential backoff
 * on what may pass: a connection failure, a timeout, 408, 425, 429 or any 5xx. Other answers are
 * final. Redirects are not followed: a signed delivery goes where it was configured to go.
 *
 * <p>Headers besides the signature: {@code X-Slipway-Event} (the notice type) and
 * {@code X-Slipway-Delivery} (the notice id, the same on every retry and redelivery: receivers
 * de-duplicate on it).
 */
public final class WebhookSender {
    public static final String EVENT_HEADER = "X-Slipway-Event";
    public static final String DELIVERY_HEADER = "X-Slipway-Delivery";
    private static final Log LOG = Log.of(WebhookSender.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * How hard to try.
     *
     * @param max attempts in all, at least 1
     * @param firstBackoff the wait before the second attempt; each later wait doubles
     * @param timeout how long one attempt may take
     */
    public record Attempts(int max, Duration firstBackoff, Duration timeout) {
        /** About 45 s in the worst case: inside the notify function's timeout. */
        public static final Attempts DEFAULT = new Attempts(4, Duration.ofSeconds(1), Duration.ofSeconds(10));

        public Attempts {
            if (max < 1) {
                throw new IllegalArgumentException("at least one attempt");
            }
        }
    }

    /**
     * What came of one delivery.
     *
     * @param attempts how many POSTs were made
     * @param status the last HTTP status, or 0 if no answer came
     * @param error why it failed, or null when delivered
     */
    public record Delivery(WebhookTarget target, int attempts, int status, String error) {
        public boolean delivered() {
            return error == null;
        }
    }

    private final HttpClient http;
    private final byte[] secret;
    private final Attempts attempts;

    /**
     * @param secret the shared webhook secret (never logged)
     * @throws IllegalArgumentException if the secret is empty
     */
    public WebhookSender(byte[] secret, Attempts attempts) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the webhook secret is empty");
        }
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.secret = secret.clone();
        this.attempts = attempts;
    }

    /** The signed body a target receives for a notice. */
    public static byte[] body(WebhookTarget target, Notice notice) {
        return target.format() == WebhookTarget.Format.SLACK ? ChatText.body(notice) : notice.toJson();
    }

    /**
     * Delivers one notice to one target, retrying as the class says.
     *
     * @throws InterruptedException if interrupted while waiting to retry (nothing more is sent)
     */
    public Delivery deliver(WebhookTarget target, Notice notice) throws InterruptedException {
        byte[] body = body(target, notice);
        HttpRequest request = HttpRequest.newBuilder(target.url())
                .timeout(attempts.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Slipway-Webhook/1")
                .header(EVENT_HEADER, notice.type())
                .header(DELIVERY_HEADER, notice.id())
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        Duration backoff = attempts.firstBackoff();
        int status = 0;
        String error = null;
        for (int attempt = 1; attempt <= attempts.max(); attempt++) {
            try {
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300) {
                    return new Delivery(target, attempt, status, null);
                }
                error = "HTTP " + status;
                if (!retryable(status)) {
                    return new Delivery(target, attempt, status, error + " (not retried)");
                }
            } catch (IOException e) {
                status = 0;
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt < attempts.max()) {
                LOG.warn("webhook.retry", "target", target, "notice", notice.id(), "attempt", attempt, "error", error,
                        "retryInMs", backoff.toMillis());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2);
            }
        }
        return new Delivery(target, attempts.max(), status, error);
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }
}
