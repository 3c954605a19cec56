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
    /** S3's limit is 1,024 bytes of UTF-8; some room stays for tools that add a prefix. */
    private static final int MAX_KEY_BYTES = 1000;
    /** {@code -{id}.{summary}.json} at the end of a key. */
    private static final Pattern SUMMARY = Pattern.compile("-[a-z2-7]{20}\\.([A-Za-z0-9_-]+)\\.json$");

    public static IndexEntry of(BuildRecord record) {
        return new IndexEntry(record.id(), record.bundleId(), record.channel(), record.name(), record.version(),
                record.build(), record.size(), record.uploadedAt(), record.profileType(), record.hasIcon());
    }

    /**
     * {@code apps/{bundleId}/channels/{channel}/{newest first}-{id}.{summary}.json}: the summary
     * (this entry's JSON, base64url) puts what the app page shows in the key itself, so one listing
     * reads a whole history, and each build stays an object of its own (no shared document for
     * concurrent ingests to overwrite). An entry too large for a key (names near S3's 1,024 bytes)
     * goes without it and is read with a GET.
     */
    public String key() {
        String plain = Layout.indexEntry(bundleId, channel, uploadedAt, id);
        String described = plain.substring(0, plain.length() - JSON_SUFFIX.length()) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(toJson()) + JSON_SUFFIX;
        return described.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES ? described : plain;
    }

    /**
     * The entry a key written by {@link #key()} describes; empty for a key without a summary.
     *
     * @throws CatalogException if the summary is not an index entry
     */
    public static Optional<IndexEntry> fromKey(String key) throws CatalogException {
        Matcher summary = SUMMARY.matcher(key);
        if (!summary.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Base64.getUrlDecoder().decode(summary.group(1))));
        } catch (IllegalArgumentException e) {
            throw new CatalogException("index entry key has an unreadable summary: " + key);
        }
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
