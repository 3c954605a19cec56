package dev.slipway.catalog;

import dev.slipway.ipa.Installability;
import dev.slipway.ipa.Platform;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One build in an app's index ({@code apps/{bundleId}/channels/{channel}/…}): enough to list it
 * without reading its record, including whether it installs ({@link #requirements()}).
 *
 * @param requirements what installability depends on; null for entries written before it was kept
 */
public record IndexEntry(String id, String bundleId, String channel, String name, String version, String build,
                         long size, Instant uploadedAt, String profileType, boolean hasIcon, Requirements requirements) {

    /**
     * What an app page needs to badge a build as the build page would: the facts the installability
     * assessment reads, and what a device must be to run it.
     *
     * @param facts as {@link BuildRecord#installFacts()} gives them
     * @param deviceFamilies {@code iphone}, {@code ipad}, …
     * @param minimumOsVersion {@code MinimumOSVersion}, or null
     */
    public record Requirements(Installability.Facts facts, List<String> deviceFamilies, String minimumOsVersion) {
        public Requirements {
            deviceFamilies = List.copyOf(deviceFamilies);
        }

        /** As the build record holds them. */
        public static Requirements of(BuildRecord record) {
            return new Requirements(record.installFacts(), record.deviceFamilies(), record.minimumOsVersion());
        }

        Map<String, Object> toMap() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("platform", facts.platform().label());
            json.put("profileType", facts.profileType());
            json.put("deviceCount", facts.deviceCount());
            json.put("teamName", facts.teamName());
            json.put("profileExpiresAt", Json.iso(facts.profileExpiresAt()));
            json.put("latestCertificateExpiry", Json.iso(facts.latestCertificateExpiry()));
            json.put("appStoreEncrypted", facts.appStoreEncrypted());
            json.put("architectures", facts.architectures());
            json.put("deviceFamilies", deviceFamilies);
            json.put("minimumOsVersion", minimumOsVersion);
            return json;
        }

        static Requirements fromMap(Map<String, Object> json) {
            Installability.Facts facts = new Installability.Facts(Platform.fromLabel(Json.string(json, "platform")),
                    Json.string(json, "profileType"), (int) Json.number(json, "deviceCount"),
                    Json.string(json, "teamName"), Json.instant(json, "profileExpiresAt"),
                    Json.instant(json, "latestCertificateExpiry"), Json.bool(json, "appStoreEncrypted"),
                    Json.strings(json, "architectures"));
            return new Requirements(facts, Json.strings(json, "deviceFamilies"), Json.string(json, "minimumOsVersion"));
        }
    }

    public static IndexEntry of(BuildRecord record) {
        return new IndexEntry(record.id(), record.bundleId(), record.channel(), record.name(), record.version(),
                record.build(), record.size(), record.uploadedAt(), record.profileType(), record.hasIcon(),
                Requirements.of(record));
    }

    public String key() {
        return Layout.indexEntry(bundleId, channel, uploadedAt, id);
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
        json.put("requirements", requirements == null ? null : requirements.toMap());
        return Json.write(json);
    }

    /**
     * @throws CatalogException if the bytes are not an index entry
     */
    public static IndexEntry parse(byte[] bytes) throws CatalogException {
        Map<String, Object> json = Json.read(bytes, "index entry");
        Map<String, Object> requirements = Json.object(json, "requirements");
        return new IndexEntry(Json.string(json, "id"), Json.string(json, "bundleId"), Json.string(json, "channel"),
                Json.string(json, "name"), Json.string(json, "version"), Json.string(json, "build"),
                Json.number(json, "size"), Json.instant(json, "uploadedAt"), Json.string(json, "profileType"),
                Json.bool(json, "hasIcon"), requirements == null ? null : Requirements.fromMap(requirements));
    }
}
