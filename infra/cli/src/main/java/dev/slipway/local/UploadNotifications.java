package dev.slipway.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.Layout;
import dev.slipway.catalog.Receipt;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.catalog.Upload;
import dev.slipway.log.LocalContext;
import dev.slipway.log.Log;
import dev.slipway.storage.ETag;
import dev.slipway.storage.SdkObjectStore;
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
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3's event notification for the bucket, emulated: each object created under {@code uploads/}
 * with a name ending in {@code .ipa} becomes one ObjectCreated event for the real ingest handler,
 * as the template's notification configuration asks of S3. Events are delivered one at a time, in
 * the order the objects were written.
 *
 * <p>The bucket is versioned, so every write is its own object version and its own event, even
 * when twenty uploads of {@code App.ipa} land on one key at once. At start it also delivers what
 * arrived while the stack was stopped: every object version under {@code uploads/} without its
 * receipt. An upload seen both ways is delivered twice, which the ingest takes as S3's
 * at-least-once delivery. Like Lambda, an ingest that throws is tried three times in all, then
 * given up with a console line.
 */
final class UploadNotifications implements NotifyingBlobStore.Listener, AutoCloseable {
    private static final Log LOG = Log.of(UploadNotifications.class);
    private static final int ATTEMPTS = 3;
    private static final String NULL_VERSION = "null";

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
        this.catalog = new S3Catalog(new SdkObjectStore(s3, bucket));
        this.ingest = ingest;
        this.listener = listener;
        submit(this::catchUp);
        ready.countDown();
    }

    @Override
    public void created(String bucket, String key, String eTag, String versionId) {
        if (!this.bucket.equals(bucket) || !Upload.isUploadKey(key)) {
            return;
        }
        Instant at = Instant.now();
        String sequencer = String.format("%016X%08X", at.toEpochMilli(), writes.incrementAndGet());
        submit(() -> {
            HeadObjectResponse head;
            try {
                head = s3.headObject(b -> b.bucket(bucket).key(key).versionId(versionId));
            } catch (SdkException e) {
                if (!(e instanceof S3Exception s3e && s3e.statusCode() == 404)) {
                    fail(key, "cannot look at the upload, so it was not handed to the ingest", e);
                }
                // Otherwise removed already: S3 would still notify; the ingest would find it gone.
                return;
            }
            if (versionId == null && !ETag.same(head.eTag(), eTag)) {
                // Overwritten since (an unversioned write): that write's own event follows.
                return;
            }
            deliver(key, head.contentLength(), eTag, versionId, at, sequencer);
        });
    }

    /** The uploads that arrived while no stack was running: every version under uploads/ without its receipt. */
    private void catchUp() {
        try {
            for (ObjectVersion object : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(Layout.UPLOADS))
                    .versions()) {
                // Objects written before the bucket was versioned have the version "null", as in S3.
                String versionId = NULL_VERSION.equals(object.versionId()) ? null : object.versionId();
                if (Upload.isUploadKey(object.key()) && !ingested(object, versionId)) {
                    // The sequencer from the object's time: the same object found at every start is one event.
                    deliver(object.key(), object.size(), object.eTag(), versionId, object.lastModified(),
                            String.format("%016X%08X", object.lastModified().toEpochMilli(), 0));
                }
            }
        } catch (SdkException | CatalogException e) {
            fail(Layout.UPLOADS, "cannot look for uploads made while stopped", e);
        }
    }

    private boolean ingested(ObjectVersion object, String versionId) throws CatalogException {
        Optional<Receipt> receipt = catalog.receipt(object.key(), versionId, object.eTag());
        // Without a version, an ETag's receipt may be an earlier upload of the same bytes.
        return receipt.isPresent() && (versionId != null || !receipt.get().at().isBefore(object.lastModified()));
    }

    private void deliver(String key, long size, String eTag, String versionId, Instant at, String sequencer) {
        S3Event event = ObjectCreatedEvents.created(region, bucket, key, size, eTag, versionId, at, sequencer);
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
            fail(key, "the ingest failed " + ATTEMPTS + " times; the upload stays where it is", last);
            return;
        }
        try {
            Optional<Receipt> receipt = catalog.receipt(key, versionId, eTag);
            if (receipt.isPresent()) {
                listener.ingested(key, receipt.get());
            }
        } catch (CatalogException | SdkException e) {
            fail(key, "its receipt is unreadable", e);
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
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // A bug here would otherwise end the thread with nothing said, and no upload would ever be ingested.
                    fail(Layout.UPLOADS, "upload notifications failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Stopping: S3 would not notify a stopped function either.
        }
    }

    /** Logs the failure with its stack trace and tells the console, with the causes' messages. */
    private void fail(String key, String what, Exception cause) {
        LOG.error("upload.notification.failed", cause, "key", key, "what", what);
        StringBuilder reasons = new StringBuilder(what);
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            reasons.append(t == cause ? ": " : ", caused by ").append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                reasons.append(" (").append(t.getMessage().lines().findFirst().orElse("")).append(')');
            }
        }
        listener.failed(key, reasons.toString());
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
