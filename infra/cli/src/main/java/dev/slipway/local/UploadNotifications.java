package dev.slipway.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.Layout;
import dev.slipway.catalog.Receipt;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.catalog.Upload;
import dev.slipway.storage.ETag;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3's event notification for the bucket, emulated: each object created under {@code uploads/}
 * with a name ending in {@code .ipa} becomes one ObjectCreated event for the real ingest handler,
 * as the template's notification configuration asks of S3. Events are delivered one at a time, in
 * the order the objects were written.
 *
 * <p>At start it also delivers what arrived while the stack was stopped: every object under
 * {@code uploads/} whose receipt is missing, for another ETag, or older than the object (a built
 * upload is moved out of {@code uploads/}; a rejected one stays, with its receipt). An upload seen
 * both ways is delivered twice, which the ingest takes as S3's at-least-once delivery. Like Lambda,
 * an ingest that throws is tried three times in all, then given up with a console line.
 */
final class UploadNotifications implements NotifyingBlobStore.Listener, AutoCloseable {
    private static final int ATTEMPTS = 3;

    /** What became of an upload, for the console. */
    interface Listener {
        /** The ingest wrote this receipt for the upload (built or rejected). */
        void ingested(String key, Receipt receipt);

        /** The ingest failed, or the upload could not be looked at; the upload stays where it is. */
        void failed(String key, String error);
    }

    private final String bucket;
    private final String region;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "slipway-s3-notifications");
        thread.setDaemon(true);
        return thread;
    });
    /** Opened by {@link #start}: events wait until the ingest side is ready. */
    private final CountDownLatch ready = new CountDownLatch(1);
    /** Tells apart writes of the same bytes under one key, as S3's per-key sequencers do. */
    private final AtomicLong writes = new AtomicLong();
    private volatile S3Client s3;
    private volatile S3Catalog catalog;
    private volatile RequestHandler<S3Event, Void> ingest;
    private volatile Listener listener;

    UploadNotifications(String bucket, String region) {
        this.bucket = bucket;
        this.region = region;
    }

    /** Delivers events from now on, starting with the uploads not yet ingested. */
    void start(S3Client s3, RequestHandler<S3Event, Void> ingest, Listener listener) {
        this.s3 = s3;
        this.catalog = new S3Catalog(s3, bucket);
        this.ingest = ingest;
        this.listener = listener;
        submit(this::catchUp);
        ready.countDown();
    }

    @Override
    public void created(String bucket, String key, String eTag) {
        if (!this.bucket.equals(bucket) || !Upload.isUploadKey(key)) {
            return;
        }
        Instant at = Instant.now();
        String sequencer = String.format("%016X%08X", at.toEpochMilli(), writes.incrementAndGet());
        submit(() -> {
            HeadObjectResponse head;
            try {
                head = s3.headObject(b -> b.bucket(bucket).key(key));
            } catch (SdkException e) {
                // Overwritten and removed already: S3 would still notify; the ingest would find it gone.
                return;
            }
            if (!ETag.same(head.eTag(), eTag)) {
                // Overwritten since: that write's own event follows.
                return;
            }
            deliver(key, head.contentLength(), eTag, at, sequencer);
        });
    }

    /** The uploads that arrived while no stack was running. */
    private void catchUp() {
        try {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(Layout.UPLOADS)).contents()) {
                if (Upload.isUploadKey(object.key()) && !ingested(object)) {
                    // The sequencer from the object's time: the same object found at every start is one event.
                    deliver(object.key(), object.size(), object.eTag(), object.lastModified(),
                            String.format("%016X%08X", object.lastModified().toEpochMilli(), 0));
                }
            }
        } catch (SdkException | CatalogException e) {
            listener.failed(Layout.UPLOADS, "cannot look for uploads made while stopped: " + e.getMessage());
        }
    }

    private boolean ingested(S3Object object) throws CatalogException {
        Optional<Receipt> receipt = catalog.receipt(object.key());
        return receipt.isPresent() && ETag.same(object.eTag(), receipt.get().eTag())
                && !receipt.get().at().isBefore(object.lastModified());
    }

    private void deliver(String key, long size, String eTag, Instant at, String sequencer) {
        S3Event event = ObjectCreatedEvents.created(region, bucket, key, size, eTag, at, sequencer);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                ingest.handleRequest(event, new LocalContext("slipway-local-ingest"));
                last = null;
                break;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        if (last != null) {
            listener.failed(key, String.valueOf(last.getMessage()));
            return;
        }
        try {
            Optional<Receipt> receipt = catalog.receipt(key);
            if (receipt.isPresent() && ETag.same(receipt.get().eTag(), eTag)) {
                listener.ingested(key, receipt.get());
            }
        } catch (CatalogException | SdkException e) {
            listener.failed(key, "its receipt is unreadable: " + e.getMessage());
        }
    }

    private void submit(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    ready.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                task.run();
            });
        } catch (RejectedExecutionException e) {
            // Stopping: S3 would not notify a stopped function either.
        }
    }

    /** Stops delivering; an ingest under way finishes first (up to ten seconds). */
    @Override
    public void close() {
        executor.shutdown();
        ready.countDown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
