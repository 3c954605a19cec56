package dev.slipway.ingest;

import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.BundleId;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.FailureRecord;
import dev.slipway.catalog.IndexEntry;
import dev.slipway.catalog.Layout;
import dev.slipway.catalog.Receipt;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.catalog.Upload;
import dev.slipway.catalog.UploadRejectedException;
import dev.slipway.ipa.InvalidIpaException;
import dev.slipway.ipa.IpaInfo;
import dev.slipway.ipa.IpaReader;
import dev.slipway.ipa.icon.IconException;
import dev.slipway.ipa.icon.IconScaler;
import dev.slipway.ipa.zip.BlockCache;
import dev.slipway.ipa.zip.ReadStats;
import dev.slipway.log.Log;
import dev.slipway.manifest.ManifestData;
import dev.slipway.manifest.OtaManifest;
import dev.slipway.notify.Notice;
import dev.slipway.notify.NoticeLinks;
import dev.slipway.notify.Notifier;
import dev.slipway.storage.ETag;
import dev.slipway.storage.ObjectChangedException;
import dev.slipway.storage.S3ByteSource;
import dev.slipway.storage.SdkObjectStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns one upload into a build: reads the IPA with ranged GETs, writes the icon, the manifest,
 * the record and the index entry, and answers with a receipt. A rejected upload gets a failure
 * record and stays where it was.
 *
 * <p>Where the build's IPA is kept: on a versioned bucket (what template.yaml deploys) the
 * uploaded object version itself, which nothing can change, so ingest copies nothing and takes
 * the same time for 10 MB and 2 GB; a re-upload under the same key is a new version and a new
 * build. On an unversioned bucket the IPA is moved under {@code builds/} (a server-side copy,
 * multipart above 5 GB, then the upload is deleted) so a re-upload cannot change it.
 *
 * <p>Safe under at-least-once delivery: the build id comes from the upload's key, ETag and
 * sequencer, so a redelivered event finds its record and stops, while a later upload under the
 * same key is a new build. The record is written after everything it points at, so a crash midway
 * leaves nothing a reader can see; Lambda's retry redoes the same steps.
 */
public final class IngestService {

    /** How an upload ended. */
    public enum Outcome {
        /** A new build was written. */
        BUILT,
        /** The build existed already (a redelivered event). */
        DUPLICATE,
        /** The upload was refused; its failure record says why. */
        REJECTED,
        /** The object was overwritten or removed before it was read; its own event handles what is there now. */
        SUPERSEDED
    }

    /**
     * The outcome and the id of the build or failure record; for a new build also what reading it
     * cost and where the time went (the copy is S3's own work, proportional to the IPA's size).
     */
    public record Result(Outcome outcome, String id, ReadStats stats, long readMillis, long copyMillis, long totalMillis) {
        Result(Outcome outcome, String id) {
            this(outcome, id, null, 0, 0, 0);
        }
    }

    private final S3Client s3;
    private final S3Catalog catalog;
    private final IpaCopier copier;
    private final Clock clock;
    private final Notifier notifier;
    private final NoticeLinks links;
    private final IpaReader reader = new IpaReader();
    private static final Log LOG = Log.of(IngestService.class);

    /** An ingest that notifies nobody. */
    public IngestService(S3Client s3, String bucket, IpaCopier copier, Clock clock) {
        this(s3, bucket, copier, clock, Notifier.NONE, null);
    }

    /**
     * An ingest that sends a notice for every build ready or upload rejected.
     *
     * @param links mints the notices' page links; null only with {@link Notifier#NONE}
     */
    public IngestService(S3Client s3, String bucket, IpaCopier copier, Clock clock, Notifier notifier, NoticeLinks links) {
        if (notifier != Notifier.NONE && links == null) {
            throw new IllegalArgumentException("a notifier needs links for its notices");
        }
        this.s3 = s3;
        this.catalog = new S3Catalog(new SdkObjectStore(s3, bucket));
        this.copier = copier;
        this.clock = clock;
        this.notifier = notifier;
        this.links = links;
    }

    /**
     * Ingests one upload.
     *
     * @throws IOException if S3 fails in a way worth retrying (Lambda retries, then dead-letters)
     * @throws CatalogException if an existing record is unreadable (a bug: retried, then dead-lettered)
     */
    public Result ingest(Upload upload) throws IOException, CatalogException {
        long started = System.nanoTime();
        String id = upload.buildId();
        Optional<BuildRecord> existing = catalog.build(id);
        if (existing.isPresent()) {
            LOG.info("ingest.duplicate", "build", id, "result", "duplicate", "key", upload.key());
            if (!finished(upload, id)) {
                // The earlier attempt stopped between the record and its receipt: its index entry
                // may be missing and its notice may not have gone out. Both again, with the same
                // key and id; receivers de-duplicate.
                index(existing.get());
                notifyReady(existing.get(), clock.instant());
                catalog.putReceipt(new Receipt(upload.key(), upload.eTag(), upload.versionId(), Receipt.BUILT, id, null, clock.instant()));
            }
            if (upload.versionId() == null) {
                removeUpload(upload);
            }
            return new Result(Outcome.DUPLICATE, id);
        }
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(catalog.bucket()).key(upload.key()).versionId(upload.versionId()));
        } catch (NoSuchKeyException e) {
            return superseded(upload, "it is gone");
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return superseded(upload, "it is gone");
            }
            throw e;
        }
        if (!ETag.same(head.eTag(), upload.eTag())) {
            return superseded(upload, "it was overwritten");
        }
        try {
            String channel = upload.channel();
            String notes = ReleaseNotes.from(head.metadata());
            IpaInfo info;
            ReadStats stats;
            long readStarted = System.nanoTime();
            try (BlockCache cache = new BlockCache(new S3ByteSource(s3, catalog.bucket(), upload.key(),
                    upload.versionId(), head.contentLength(), head.eTag()))) {
                info = reader.read(cache);
                stats = cache.stats();
            }
            long readMillis = (System.nanoTime() - readStarted) / 1_000_000;
            String bundleId = info.app().bundleId();
            if (!BundleId.FORM.matches(bundleId)) {
                throw new UploadRejectedException("CFBundleIdentifier \"" + bundleId + "\" is not a valid bundle identifier");
            }
            long copyMillis = store(id, upload, channel, notes, info);
            long totalMillis = (System.nanoTime() - started) / 1_000_000;
            LOG.info("build.ready", "build", id, "app", bundleId, "version", info.app().version(), "channel", channel,
                    "result", "ok", "key", upload.key(), "size", info.archiveSize(), "bytesRead", stats.bytesRead(),
                    "gets", stats.readCalls(), "readMs", readMillis, "copyMs", copyMillis, "ms", totalMillis);
            return new Result(Outcome.BUILT, id, stats, readMillis, copyMillis, totalMillis);
        } catch (ObjectChangedException e) {
            return superseded(upload, "it changed while being read");
        } catch (InvalidIpaException e) {
            return reject(upload, e.getMessage(), started);
        }
    }

    /** Writes everything; returns how long the server-side copy took. */
    private long store(String id, Upload upload, String channel, String notes, IpaInfo info) throws IOException {
        boolean hasIcon = info.icon() != null && storeIcons(id, info);
        long copyStarted = System.nanoTime();
        boolean versioned = upload.versionId() != null;
        String ipaKey = versioned ? upload.key() : Layout.ipa(id);
        if (!versioned) {
            copier.copy(upload, ipaKey);
        }
        long copyMillis = (System.nanoTime() - copyStarted) / 1_000_000;
        URI base = URI.create(Layout.PLACEHOLDER_BASE + "/");
        ManifestData manifest = new ManifestData(base.resolve(Layout.ipa(id)),
                hasIcon ? base.resolve(Layout.icon(id, 57)) : null, hasIcon ? base.resolve(Layout.icon(id, 512)) : null,
                info.app().bundleId(), info.app().version(), info.app().name());
        catalog.put(Layout.manifest(id), OtaManifest.toXml(manifest).getBytes(StandardCharsets.UTF_8), "application/xml");
        Instant now = clock.instant();
        BuildRecord record = BuildRecord.create(id, upload, channel, notes, info, ipaKey, upload.versionId(), hasIcon,
                now);
        catalog.putRecord(record);
        index(record);
        notifyReady(record, now);
        catalog.putReceipt(new Receipt(upload.key(), upload.eTag(), upload.versionId(), Receipt.BUILT, id, null, now));
        if (!versioned) {
            removeUpload(upload);
        }
        return copyMillis;
    }

    /** The build's index entry, then the app's index document that lists it (idempotent: the same key each time). */
    private void index(BuildRecord record) {
        catalog.putIndexEntry(IndexEntry.of(record));
        catalog.refreshAppIndex(record.bundleId());
    }

    private boolean storeIcons(String id, IpaInfo info) {
        byte[] png = info.icon().png();
        try {
            byte[] small = IconScaler.scaleTo(png, 57);
            byte[] large = IconScaler.scaleTo(png, 512);
            catalog.put(Layout.icon(id, 0), png, "image/png");
            catalog.put(Layout.icon(id, 57), small, "image/png");
            catalog.put(Layout.icon(id, 512), large, "image/png");
            return true;
        } catch (IconException e) {
            // An icon that decodes but cannot be scaled is no reason to refuse the build.
            LOG.warn("icon.skipped", "build", id, "reason", e.getMessage());
            return false;
        }
    }

    private Result reject(Upload upload, String reason, long started) throws CatalogException {
        if (finished(upload, upload.failureId())) {
            // A redelivered event for an upload already rejected and notified.
            return new Result(Outcome.REJECTED, upload.failureId());
        }
        Instant now = clock.instant();
        FailureRecord failure = FailureRecord.of(upload, reason, now);
        catalog.putFailure(failure);
        if (notifier != Notifier.NONE) {
            notifier.send(Notice.rejected(failure, channelOrNull(upload), links.failure(failure.id())));
        }
        catalog.putReceipt(new Receipt(upload.key(), upload.eTag(), upload.versionId(), Receipt.FAILED, failure.id(),
                reason, now));
        LOG.warn("build.rejected", "build", failure.id(), "channel", channelOrNull(upload), "result", "rejected",
                "ms", (System.nanoTime() - started) / 1_000_000,
                "key", upload.key(), "reason", reason);
        return new Result(Outcome.REJECTED, failure.id());
    }

    /** Whether the upload's receipt names that outcome: written last, after the notice went out. */
    private boolean finished(Upload upload, String id) throws CatalogException {
        return catalog.receipt(upload.key(), upload.versionId(), upload.eTag()).map(receipt -> id.equals(receipt.id())).orElse(false);
    }

    private void notifyReady(BuildRecord record, Instant at) {
        if (notifier != Notifier.NONE) {
            notifier.send(Notice.ready(record, at, links.page(record.id())));
        }
    }

    private static String channelOrNull(Upload upload) {
        try {
            return upload.channel();
        } catch (UploadRejectedException e) {
            return null;
        }
    }

    private Result superseded(Upload upload, String why) {
        LOG.info("ingest.superseded", "result", "superseded", "key", upload.key(), "eTag", upload.eTag(), "why", why);
        return new Result(Outcome.SUPERSEDED, null);
    }

    /**
     * Removes a moved upload (unversioned bucket) only if the key still holds the ingested object,
     * so a newer upload under the same key is never deleted before its own event is handled.
     */
    private void removeUpload(Upload upload) {
        try {
            HeadObjectResponse now = s3.headObject(b -> b.bucket(catalog.bucket()).key(upload.key()));
            if (ETag.same(now.eTag(), upload.eTag())) {
                s3.deleteObject(b -> b.bucket(catalog.bucket()).key(upload.key()));
            }
        } catch (NoSuchKeyException e) {
            // Already removed by an earlier delivery.
        }
    }
}
