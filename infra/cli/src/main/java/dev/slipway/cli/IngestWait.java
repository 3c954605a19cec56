package dev.slipway.cli;

import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.Receipt;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.storage.ETag;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits for the ingest's receipt of one upload: the receipt under the upload's key that names its
 * ETag and is not the one that was there before the upload (the same file uploaded twice has the
 * same ETag, but gets a new receipt).
 */
final class IngestWait {
    private IngestWait() {
    }

    /**
     * @param before the key's receipt read just before uploading, if any
     * @return the receipt, or empty if none came within {@code timeout}
     * @throws CatalogException if a receipt is unreadable
     * @throws InterruptedException if interrupted while waiting
     */
    static Optional<Receipt> await(S3Catalog catalog, String key, String eTag, Optional<Receipt> before, Duration timeout,
                                   Duration poll) throws CatalogException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Receipt> receipt = catalog.receipt(key);
            if (receipt.isPresent() && ETag.same(receipt.get().eTag(), eTag)
                    && !Objects.equals(receipt, before)) {
                return receipt;
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            Thread.sleep(Math.min(poll.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }
}
