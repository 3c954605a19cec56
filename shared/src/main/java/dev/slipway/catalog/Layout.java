package dev.slipway.catalog;

import dev.slipway.storage.ETag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Where everything lives in the bucket. Only {@code uploads/} triggers ingest; the ingest function
 * writes everything else, so it can never trigger itself.
 *
 * <pre>
 * uploads/[channel/]Name.ipa            the inbox (moved out once ingested; kept if rejected)
 * builds/{id}/app.ipa                   the immutable IPA of a build
 * builds/{id}/build.json                the build record (written last: its presence means "built")
 * builds/{id}/manifest.plist            the canonical manifest, with placeholder URLs
 * static/icons/{id}.png, -57, -512      decoded icons (served by CloudFront)
 * apps/{bundleId}/channels/{channel}/{newest-first}-{id}.json   the index, one object per build
 * apps/{bundleId}/index.json            each channel's newest index entries' keys, in one document
 * failed/{id}.json                      rejected uploads, with the reason
 * receipts/{sha256(upload key)}/{sha256(version)}.json   the outcome of one upload (version id, else ETag)
 * apps/{bundleId}/withdrawn/{id}        a withdrawn build: kept, but no link installs it and no list shows it
 * revocations/builds/{id}, revocations/apps/{bundleId}/all, …/channels/{channel}   revoked links
 * </pre>
 *
 * <p>The index is one object per build so two builds ingested at once never overwrite each other;
 * the key sorts newest first, so a listing answers "latest per channel" without reading records.
 */
public final class Layout {
    public static final String UPLOADS = "uploads/";
    public static final String BUILDS = "builds/";
    public static final String ICONS = "static/icons/";
    public static final String APPS = "apps/";
    public static final String FAILED = "failed/";
    public static final String RECEIPTS = "receipts/";
    public static final String REVOCATIONS = "revocations/";
    /** Host of the URLs in stored manifests: the install function writes real ones per request. */
    public static final String PLACEHOLDER_BASE = "https://slipway.invalid";

    private Layout() {
    }

    public static String ipa(String buildId) {
        return BUILDS + buildId + "/app.ipa";
    }

    public static String record(String buildId) {
        return BUILDS + buildId + "/build.json";
    }

    public static String manifest(String buildId) {
        return BUILDS + buildId + "/manifest.plist";
    }

    /** The decoded icon at its own size ({@code size} 0) or scaled to 57 or 512 px. */
    public static String icon(String buildId, int size) {
        return ICONS + buildId + (size == 0 ? "" : "-" + size) + ".png";
    }

    public static String channels(String bundleId) {
        return APPS + bundleId + "/channels/";
    }

    public static String channel(String bundleId, String channel) {
        return channels(bundleId) + channel + "/";
    }

    /** An index entry's key: sorts newest first within its channel, ties broken by build id. */
    public static String indexEntry(String bundleId, String channel, Instant uploadedAt, String buildId) {
        long newestFirst = Long.MAX_VALUE - uploadedAt.toEpochMilli();
        return channel(bundleId, channel) + String.format("%019d", newestFirst) + "-" + buildId + ".json";
    }

    /** The app's index document: what its page lists, in one object. */
    public static String appIndex(String bundleId) {
        return APPS + bundleId + "/index.json";
    }

    /** The app's withdrawn builds, one empty marker object each (listed once per app page). */
    public static String withdrawn(String bundleId) {
        return APPS + bundleId + "/withdrawn/";
    }

    /** The marker that withdraws a build: under {@code apps/} so the install function can already read and list it. */
    public static String withdrawn(String bundleId, String buildId) {
        return withdrawn(bundleId) + buildId;
    }

    public static String failure(String failureId) {
        return FAILED + failureId + ".json";
    }

    /** Where the receipts of every upload under a key live. */
    public static String receipts(String uploadKey) {
        return RECEIPTS + sha256(uploadKey) + "/";
    }

    /**
     * One upload's receipt: named by its object version where the bucket is versioned (each upload
     * under a key is then its own version), else by its ETag (unquoted).
     */
    public static String receipt(String uploadKey, String versionId, String eTag) {
        return receipts(uploadKey) + sha256(uploadVersion(versionId, eTag)) + ".json";
    }

    /** What tells one upload under a key from another: {@code v:} and its version id, else {@code e:} and its ETag. */
    static String uploadVersion(String versionId, String eTag) {
        if (versionId != null && !versionId.isBlank()) {
            return "v:" + versionId;
        }
        return "e:" + ETag.bare(eTag);
    }

    public static String revokedBuild(String buildId) {
        return REVOCATIONS + "builds/" + buildId;
    }

    /**
     * Links to every channel of an app revoked. No key here is the prefix of another (an
     * S3-compatible store on a file system cannot hold both {@code a} and {@code a/b}).
     */
    public static String revokedApp(String bundleId) {
        return REVOCATIONS + "apps/" + bundleId + "/all";
    }

    public static String revokedChannel(String bundleId, String channel) {
        return REVOCATIONS + "apps/" + bundleId + "/channels/" + channel;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
