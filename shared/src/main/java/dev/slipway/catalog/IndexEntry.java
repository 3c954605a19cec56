package dev.slipway.catalog;

import dev.slipway.ipa.Installability;
import dev.slipway.ipa.Platform;
import dev.slipway.ipa.profile.DistributionType;
import java.time.Instant;
import java.util.Arrays;
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
            return Json.map("platform", facts.platform().label(),
                    "profileType", facts.profileType() == null ? null : facts.profileType().id(),
                    "deviceCount", facts.deviceCount(), "teamName", facts.teamName(),
                    "profileExpiresAt", Json.iso(facts.profileExpiresAt()),
                    "latestCertificateExpiry", Json.iso(facts.latestCertificateExpiry()),
                    "appStoreEncrypted", facts.appStoreEncrypted(), "architectures", facts.architectures(),
                    "deviceFamilies", deviceFamilies, "minimumOsVersion", minimumOsVersion);
        }

        static Requirements read(Json.Fields json) throws CatalogException {
            String typeId = json.string("profileType");
            DistributionType type = typeId == null ? null : Arrays.stream(DistributionType.values())
                    .filter(t -> t.id().equals(typeId)).findFirst()
                    .orElseThrow(() -> json.error("profileType", "is not a distribution type (" + typeId + ")"));
            Installability.Facts facts = new Installability.Facts(Platform.fromLabel(json.string("platform")), type,
                    (int) json.number("deviceCount"), json.string("teamName"), json.instant("profileExpiresAt"),
                    json.instant("latestCertificateExpiry"), json.bool("appStoreEncrypted"), json.strings("architectures"));
            return new Requirements(facts, json.strings("deviceFamilies"), json.string("minimumOsVersion"));
        }
    }

    public static IndexEntry of(BuildRecord record) {
        return new IndexEntry(record.id(), record.bundleId(), record.channel(), record.name(), record.version(),
                record.build(), record.size(), record.uploadedAt(),
                record.profile() == null ? null : record.profile().type().id(), record.hasIcon(), Requirements.of(record));
    }

    public String key() {
        return Layout.indexEntry(bundleId, channel, uploadedAt, id);
    }

    public byte[] toJson() {
        return Json.write(Json.map("id", id, "bundleId", bundleId, "channel", channel, "name", name,
                "version", version, "build", build, "size", size, "uploadedAt", Json.iso(uploadedAt),
                "profileType", profileType, "hasIcon", hasIcon,
                "requirements", requirements == null ? null : requirements.toMap()));
    }

    /**
     * @throws CatalogException if the bytes are not an index entry
     */
    public static IndexEntry parse(byte[] bytes) throws CatalogException {
        Json.Fields json = Json.read(bytes, "index entry");
        Json.Fields requirements = json.object("requirements");
        return new IndexEntry(json.string("id"), json.string("bundleId"), json.string("channel"), json.string("name"),
                json.string("version"), json.string("build"), json.number("size"), json.instant("uploadedAt"),
                json.string("profileType"), json.bool("hasIcon"), requirements == null ? null : Requirements.read(requirements));
    }
}
