package dev.slipway.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One build in an app's index ({@code apps/{bundleId}/channels/{channel}/…}): enough to list it
 * without reading its record.
 */
public record IndexEntry(String id, String bundleId, String channel, String name, String version, String build,
                         long size, Instant uploadedAt, String profileType, boolean hasIcon) {
    private static final String JSON_SUFFIX = ".json";
    /** A file name's limit on common file systems (ext4, APFS, NTFS): the local stack's objects are files. */
    private static final int MAX_NAME_BYTES = 255;
    /** {@code apps/{bundleId}/channels/{channel}/{newest first}-{id}.{summary}.json}. */
    private static final Pattern DESCRIBED = Pattern.compile(
            Pattern.quote(Layout.APPS) + "([^/]+)/channels/([^/]+)/[0-9]{19}-([a-z2-7]{20})\\.([A-Za-z0-9_-]+)\\.json");

    public static IndexEntry of(BuildRecord record) {
        return new IndexEntry(record.id(), record.bundleId(), record.channel(), record.name(), record.version(),
                record.build(), record.size(), record.uploadedAt(), record.profileType(), record.hasIcon());
    }

    /**
     * {@code apps/{bundleId}/channels/{channel}/{newest first}-{id}.{summary}.json}: the summary
     * (what the path does not already say: name, version, build, size, profile type, icon and
     * upload time, as compact JSON in base64url) puts what the app page shows in the key, so one
     * listing reads a whole history, and each build stays an object of its own (no shared document
     * for concurrent ingests to overwrite). When the summary would make the key's last segment
     * longer than a file name may be (the local stack keeps objects as files), it is left out and
     * the entry is read with a GET.
     */
    public String key() {
        String plain = Layout.indexEntry(bundleId, channel, uploadedAt, id);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("n", name);
        summary.put("v", version);
        summary.put("b", build);
        summary.put("s", size);
        summary.put("p", profileType);
        summary.put("i", hasIcon);
        summary.put("u", Json.iso(uploadedAt));
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(summary));
        String described = plain.substring(0, plain.length() - JSON_SUFFIX.length()) + "." + encoded + JSON_SUFFIX;
        String last = described.substring(described.lastIndexOf('/') + 1);
        return last.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES ? described : plain;
    }

    /**
     * The entry a key written by {@link #key()} describes; empty for a key without a summary.
     *
     * @throws CatalogException if the summary is not readable
     */
    public static Optional<IndexEntry> fromKey(String key) throws CatalogException {
        Matcher described = DESCRIBED.matcher(key);
        if (!described.matches()) {
            return Optional.empty();
        }
        Map<String, Object> summary;
        try {
            summary = Json.read(Base64.getUrlDecoder().decode(described.group(4)), "index entry summary");
        } catch (IllegalArgumentException e) {
            throw new CatalogException("index entry key has an unreadable summary: " + key);
        }
        return Optional.of(new IndexEntry(described.group(3), described.group(1), described.group(2), Json.string(summary, "n"),
                Json.string(summary, "v"), Json.string(summary, "b"), Json.number(summary, "s"), Json.instant(summary, "u"),
                Json.string(summary, "p"), Json.bool(summary, "i")));
    }

    public byte[] toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("bundleId", bundleId);
        json.put("channel", channel);
        json.put("name", name);
        json.put("version", version);
        json.put("build", build);
        json.put("size", size);
        json.put("uploadedAt", Json.iso(uploadedAt));
        json.put("profileType", profileType);
        json.put("hasIcon", hasIcon);
        return Json.write(json);
    }

    /**
     * @throws CatalogException if the bytes are not an index entry
     */
    public static IndexEntry parse(byte[] bytes) throws CatalogException {
        Map<String, Object> json = Json.read(bytes, "index entry");
        return new IndexEntry(Json.string(json, "id"), Json.string(json, "bundleId"), Json.string(json, "channel"),
                Json.string(json, "name"), Json.string(json, "version"), Json.string(json, "build"),
                Json.number(json, "size"), Json.instant(json, "uploadedAt"), Json.string(json, "profileType"),
                Json.bool(json, "hasIcon"));
    }
}
