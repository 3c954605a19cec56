package dev.slipway.notify.webhook;

import dev.slipway.log.Log;
import dev.slipway.notify.Notice;
import dev.slipway.notify.Notifier;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Delivers notices straight to webhooks, in the background so an ingest never waits for a slow
 * receiver: what {@code slipway local} uses in place of SNS and the notify function. Deliveries
 * happen one at a time, in the order notices were sent.
 */
public final class WebhookNotifier implements Notifier, AutoCloseable {
    private static final Log LOG = Log.of(WebhookNotifier.class);
    private final List<WebhookTarget> targets;
    private final WebhookSender sender;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "slipway-webhooks");
        thread.setDaemon(true);
        return thread;
    });

    public WebhookNotifier(List<WebhookTarget> targets, WebhookSender sender) {
        this.targets = List.copyOf(targets);
        this.sender = sender;
    }

    @Override
    public void send(Notice notice) {
        executor.execute(() -> {
            for (WebhookTarget target : targets) {
                try {
                    WebhookSender.Delivery delivery = sender.deliver(target, notice);
                    if (!delivery.delivered()) {
                        LOG.warn("webhook.failed", "target", target, "notice", notice.id(), "attempts",
                                delivery.attempts(), "error", delivery.error());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    /** Lets deliveries under way finish (a few seconds at most), then stops. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
