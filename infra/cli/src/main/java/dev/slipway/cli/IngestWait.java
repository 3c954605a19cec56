package dev.slipway.cli;

import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.Receipt;
import dev.slipway.catalog.S3Catalog;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits for the ingest's receipt of one upload. On a versioned bucket (what the template deploys,
 * and the local stack) the receipt is named by the upload's own object version, so concurrent
 * uploads to one key each learn their own fate. On an unversioned bucket it is named by the ETag,
 * and must have been written after the upload started (the same file uploaded twice has the same
 * ETag, but gets a new receipt).
 */
final class IngestWait {
    private IngestWait() {
    }

    /**
     * @param versionId the upload's version id, or null on an unversioned bucket
     * @param uploadStarted when the upload began: on an unversioned bucket, an older receipt for the
     *     same ETag is an earlier upload's
     * @return the receipt, or empty if none came within {@code timeout}
     * @throws CatalogException if a receipt is unreadable
     * @throws InterruptedException if interrupted while waiting
     */
    static Optional<Receipt> await(S3Catalog catalog, String key, String eTag, String versionId, Instant uploadStarted,
                                   Duration timeout, Duration poll) throws CatalogException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Receipt> receipt = catalog.receipt(key, versionId, eTag);
            if (receipt.isPresent() && (versionId != null || !receipt.get().at().isBefore(uploadStarted))) {
                return receipt;
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            Thread.sleep(Math.min(poll.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }
}
