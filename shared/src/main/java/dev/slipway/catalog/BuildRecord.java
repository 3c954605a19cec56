package dev.slipway.catalog;

import dev.slipway.ipa.Installability;
import dev.slipway.ipa.IpaInfo;
import dev.slipway.ipa.IpaJson;
import dev.slipway.ipa.Platform;
import dev.slipway.ipa.profile.DistributionType;
import dev.slipway.wire.JsonMaps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A build's record ({@code builds/{id}/build.json}): where the build came from, what the install
 * side needs, typed, and everything else {@code slipway inspect --json} knows about the IPA in
 * {@code others}. Keys this version does not type (a newer writer's included) survive a read and
 * a write unchanged; a required key that is missing or of the wrong type is an error naming it.
 *
 * @param schema {@link #SCHEMA} when written; a record from a newer schema is refused
 * @param channel the channel it was uploaded to
 * @param size the IPA's size in bytes
 * @param uploadedAt when S3 received the upload
 * @param ipaKey where the IPA is kept: under {@code builds/}, or the upload's own key on a versioned bucket
 * @param ipaVersionId the object version of {@code ipaKey}, or null when the key alone is immutable
 * @param platform {@link Platform#label()}, e.g. {@code iOS}
 * @param icons the stored icons, or null when the build has none
 * @param profile the embedded provisioning profile, or null when unsigned
 * @param install what installability depends on beyond the profile
 * @param others every other key, in order
 */
public record BuildRecord(int schema, String id, String bundleId, String channel, String name, String version,
                          String build, String releaseNotes, String fileName, String uploadKey, long size, String eTag,
                          Instant uploadedAt, Instant ingestedAt, String ipaKey, String ipaVersionId,
                          String minimumOsVersion, List<String> deviceFamilies, String platform, boolean appStoreEncrypted,
                          Icons icons, Profile profile, Install install, Map<String, Object> others) {
    /** Bumped only when a key changes meaning; new keys do not bump it (readers keep what they do not know). */
    public static final int SCHEMA = 1;
    private static final Set<String> TYPED = Set.of("schema", "id", "bundleId", "channel", "name", "version", "build",
            "releaseNotes", "fileName", "uploadKey", "size", "eTag", "uploadedAt", "ingestedAt", "ipaKey", "ipaVersionId",
            "minimumOsVersion", "deviceFamilies", "platform", "appStoreEncrypted", "icons", "profile", "install");

    public BuildRecord {
        deviceFamilies = List.copyOf(deviceFamilies);
        others = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(others));
    }

    /**
     * The stored icons (S3 keys).
     *
     * @param full the decoded icon at its own size
     * @param small 57 px, for the manifest's {@code display-image}
     * @param large 512 px, for the manifest's {@code full-size-image}
     */
    public record Icons(String full, String small, String large) {
        static Icons of(String id) {
            return new Icons(Layout.icon(id, 0), Layout.icon(id, 57), Layout.icon(id, 512));
        }

        Map<String, Object> toMap() {
            return JsonMaps.of("full", full, "57", small, "512", large);
        }
    }

    /**
     * The embedded provisioning profile, as far as pages and installability need it.
     *
     * @param teamName the team's name, or null (then the team id stands for it)
     * @param expiresAt when the profile expires, or null if it does not say
     * @param devices the UDIDs it lists (empty for enterprise and App Store profiles)
     * @param others its other keys ({@code name}, {@code uuid}, {@code entitlements}, {@code certificates}, …)
     */
    public record Profile(DistributionType type, String teamId, String teamName, Instant expiresAt, List<String> devices,
                          Map<String, Object> others) {
        private static final Set<String> TYPED = Set.of("type", "teamId", "teamName", "expiresAt", "devices");

        public Profile {
            devices = List.copyOf(devices);
            others = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(others));
        }

        /** The team as people know it: its name, else its id. */
        public String team() {
            return teamName != null && !teamName.isBlank() ? teamName : teamId;
        }

        static Profile read(Json.Fields json) throws CatalogException {
            json.requiredString("type");
            return new Profile(json.distributionType("type"), json.string("teamId"), json.string("teamName"), json.instant("expiresAt"),
                    json.strings("devices"), json.others(TYPED));
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = JsonMaps.of("type", type.id(), "teamId", teamId, "teamName", teamName,
                    "expiresAt", JsonMaps.iso(expiresAt), "devices", devices);
            map.putAll(others);
            return map;
        }
    }

    /**
     * What installability depends on, beyond the profile.
     *
     * @param latestCertificateExpiry the latest expiry among the profile's certificates, or null
     */
    public record Install(Instant latestCertificateExpiry) {
    }

    /**
     * A new record for an ingested upload.
     *
     * @param ipaKey where the build's IPA is kept
     * @param ipaVersionId the object version holding it (versioned bucket), or null
     * @param hasIcon whether the decoded icons were written under {@link Layout#icon}
     */
    public static BuildRecord create(String id, Upload upload, String channel, String releaseNotes, IpaInfo info,
                                     String ipaKey, String ipaVersionId, boolean hasIcon, Instant ingestedAt) {
        // The inspect JSON is the one description of an IPA; typed here by reading it back.
        Map<String, Object> json = new LinkedHashMap<>(IpaJson.toMap(info));
        json.putAll(JsonMaps.of("schema", SCHEMA, "id", id, "channel", channel, "releaseNotes", releaseNotes,
                "fileName", upload.fileName(), "uploadKey", upload.key(), "size", info.archiveSize(), "eTag", upload.eTag(),
                "uploadedAt", JsonMaps.iso(upload.eventTime()), "ingestedAt", JsonMaps.iso(ingestedAt), "ipaKey", ipaKey,
                "ipaVersionId", ipaVersionId, "icons", null, "install", Map.of()));
        try {
            BuildRecord record = read(new Json.Fields(json, "build record " + id));
            return record.with(hasIcon ? Icons.of(id) : null,
                    new Install(Installability.Facts.of(info).latestCertificateExpiry()));
        } catch (CatalogException e) {
            throw new IllegalStateException("a record made from an IPA is always readable: " + e.getMessage(), e);
        }
    }

    /**
     * @throws CatalogException naming the key if the bytes are not a build record this version can read
     */
    public static BuildRecord parse(byte[] bytes) throws CatalogException {
        Json.Fields json = Json.read(bytes, "build record");
        return read(json.named("build record " + json.requiredString("id")));
    }

    private static BuildRecord read(Json.Fields json) throws CatalogException {
        long schema = json.requiredNumber("schema");
        if (schema < 1 || schema > SCHEMA) {
            throw json.error("schema", "is " + schema + ": this version reads schema 1 to " + SCHEMA);
        }
        Json.Fields icons = json.object("icons");
        Json.Fields profile = json.object("profile");
        Json.Fields install = json.object("install");
        return new BuildRecord((int) schema, json.requiredString("id"), json.requiredString("bundleId"),
                json.requiredString("channel"), json.string("name"), json.string("version"), json.string("build"),
                json.string("releaseNotes"), json.string("fileName"), json.requiredString("uploadKey"),
                json.requiredNumber("size"), json.string("eTag"), json.requiredInstant("uploadedAt"),
                json.instant("ingestedAt"), json.requiredString("ipaKey"), json.string("ipaVersionId"),
                json.string("minimumOsVersion"), json.strings("deviceFamilies"), json.string("platform"),
                json.bool("appStoreEncrypted"),
                icons == null ? null : new Icons(icons.requiredString("full"), icons.requiredString("57"),
                        icons.requiredString("512")),
                profile == null ? null : Profile.read(profile),
                new Install(install == null ? null : install.instant("latestCertificateExpiry")),
                json.others(TYPED));
    }

    private BuildRecord with(Icons newIcons, Install newInstall) {
        return new BuildRecord(schema, id, bundleId, channel, name, version, build, releaseNotes, fileName, uploadKey, size,
                eTag, uploadedAt, ingestedAt, ipaKey, ipaVersionId, minimumOsVersion, deviceFamilies, platform,
                appStoreEncrypted, newIcons, profile, newInstall, others);
    }

    public byte[] toJson() {
        return JsonMaps.write(asMap());
    }

    /** The record as plain values, in the order it is written, for JSON output. */
    public Map<String, Object> asMap() {
        Map<String, Object> json = JsonMaps.of("schema", schema, "id", id, "channel", channel, "releaseNotes", releaseNotes,
                "fileName", fileName, "uploadKey", uploadKey, "size", size, "eTag", eTag,
                "uploadedAt", JsonMaps.iso(uploadedAt), "ingestedAt", JsonMaps.iso(ingestedAt), "ipaKey", ipaKey,
                "ipaVersionId", ipaVersionId, "icons", icons == null ? null : icons.toMap(),
                "install", JsonMaps.of("latestCertificateExpiry", JsonMaps.iso(install.latestCertificateExpiry())),
                "bundleId", bundleId, "version", version, "build", build, "name", name, "minimumOsVersion", minimumOsVersion,
                "deviceFamilies", deviceFamilies, "platform", platform, "profile", profile == null ? null : profile.toMap(),
                "appStoreEncrypted", appStoreEncrypted);
        json.putAll(others);
        return java.util.Collections.unmodifiableMap(json);
    }

    public boolean hasIcon() {
        return icons != null;
    }

    /** What installability depends on, as stored. */
    public Installability.Facts installFacts() {
        return new Installability.Facts(Platform.fromLabel(platform), profile == null ? null : profile.type(),
                profile == null ? 0 : profile.devices().size(), profile == null ? null : profile.team(),
                profile == null ? null : profile.expiresAt(), install.latestCertificateExpiry(), appStoreEncrypted,
                architectures());
    }

    /** The main executable's architectures ({@code inspect --json}'s key), empty for records written before. */
    public List<String> architectures() {
        return others.get("architectures") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
