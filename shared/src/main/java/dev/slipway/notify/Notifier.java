package dev.slipway.notify;

/** Where the ingest sends a build ready or rejected. */
public interface Notifier {
    /** For stacks with nowhere to send notices. */
    Notifier NONE = notice -> { };

    /**
     * Sends one notice. Delivery is at least once: a retried ingest may send the same notice (same
     * {@link Notice#id()}) again, which receivers de-duplicate.
     *
     * @throws RuntimeException if it cannot be handed over; the ingest fails and Lambda retries it
     */
    void send(Notice notice);
}
