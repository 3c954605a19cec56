package dev.slipway.catalog;

import java.time.Instant;

/**
 * One build in an app's index ({@code apps/{bundleId}/channels/{channel}/…}): enough to list it
 * without reading its record.
 */
public record IndexEntry(String id, String bundleId, String channel, String name, String version, String build,
                         long size, Instant uploadedAt, String profileType, boolean hasIcon) {

    public static IndexEntry of(BuildRecord record) {
        return new IndexEntry(record.id(), record.bundleId(), record.channel(), record.name(), record.version(),
                record.build(), record.size(), record.uploadedAt(),
                record.profile() == null ? null : record.profile().type().id(), record.hasIcon());
    }

    public String key() {
        return Layout.indexEntry(bundleId, channel, uploadedAt, id);
    }

    public byte[] toJson() {
        return Json.write(Json.map("id", id, "bundleId", bundleId, "channel", channel, "name", name,
                "version", version, "build", build, "size", size, "uploadedAt", Json.iso(uploadedAt),
                "profileType", profileType, "hasIcon", hasIcon));
    }

    /**
     * @throws CatalogException if the bytes are not an index entry
     */
    public static IndexEntry parse(byte[] bytes) throws CatalogException {
        Json.Fields json = Json.read(bytes, "index entry");
        return new IndexEntry(json.string("id"), json.string("bundleId"), json.string("channel"), json.string("name"),
                json.string("version"), json.string("build"), json.number("size"), json.instant("uploadedAt"),
                json.string("profileType"), json.bool("hasIcon"));
    }
}
