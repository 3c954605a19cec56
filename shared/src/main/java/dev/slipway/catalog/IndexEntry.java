package dev.slipway.catalog;

import dev.slipway.ipa.Installability;
import dev.slipway.ipa.Platform;
import dev.slipway.ipa.profile.DistributionType;
import dev.slipway.wire.JsonMaps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One build in an app's index ({@code apps/{bundleId}/channels/{channel}/…}): enough to list it
 * without reading its record, including whether it installs ({@link #requirements()}).
 *
 * @param requirements what installability depends on; null for entries written before it was kept
 */
public record IndexEntry(String id, String bundleId, String channel, String name, String version, String build,
                         long size, Instant uploadedAt, DistributionType profileType, boolean hasIcon, Requirements requirements) {

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
            return JsonMaps.of("platform", facts.platform().label(),
                    "profileType", facts.profileType() == null ? null : facts.profileType().id(),
                    "deviceCount", facts.deviceCount(), "teamName", facts.teamName(),
                    "profileExpiresAt", JsonMaps.iso(facts.profileExpiresAt()),
                    "latestCertificateExpiry", JsonMaps.iso(facts.latestCertificateExpiry()),
                    "appStoreEncrypted", facts.appStoreEncrypted(), "architectures", facts.architectures(),
                    "deviceFamilies", deviceFamilies, "minimumOsVersion", minimumOsVersion);
        }

        static Requirements read(Json.Fields json) throws CatalogException {
            Installability.Facts facts = new Installability.Facts(Platform.fromLabel(json.string("platform")),
                    json.distributionType("profileType"),
                    (int) json.number("deviceCount"), json.string("teamName"), json.instant("profileExpiresAt"),
                    json.instant("latestCertificateExpiry"), json.bool("appStoreEncrypted"), json.strings("architectures"));
            return new Requirements(facts, json.strings("deviceFamilies"), json.string("minimumOsVersion"));
        }
    }

    private static final String JSON_SUFFIX = ".json";
    /** S3's limit on a key's length, in UTF-8 bytes. */
    private static final int MAX_KEY_BYTES = 1024;
    /**
     * A summary is cut into path segments of at most this many characters: the local stack keeps
     * objects as files, and a file name may not exceed 255 bytes (ext4, APFS, NTFS).
     */
    private static final int SEGMENT = 200;
    /** {@code apps/{bundleId}/channels/{channel}/{newest first}-{id}.{summary, in segments}.json}. */
    private static final Pattern DESCRIBED = Pattern.compile(Pattern.quote(Layout.APPS)
            + "([^/]+)/channels/([^/]+)/[0-9]{19}-([a-z2-7]{20})\\.((?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+)\\.json");


    public static IndexEntry of(BuildRecord record) {
        return new IndexEntry(record.id(), record.bundleId(), record.channel(), record.name(), record.version(),
                record.build(), record.size(), record.uploadedAt(),
                record.profile() == null ? null : record.profile().type(), record.hasIcon(), Requirements.of(record));
    }

    /**
     * {@code apps/{bundleId}/channels/{channel}/{newest first}-{id}.{summary}.json}: the summary
     * (this entry's JSON, requirements included, in base64url, cut into path segments of
     * {@value #SEGMENT} characters) puts everything the app page shows, badges included, in the
     * key, so one listing reads a whole history, and each build stays an object of its own (no
     * shared document for concurrent ingests to overwrite). When the key would pass S3's 1,024
     * bytes (a very long bundle id), the summary is left out and the entry is read with a GET.
     */
    public String key() {
        String plain = Layout.indexEntry(bundleId, channel, uploadedAt, id);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(toJson());
        StringBuilder segments = new StringBuilder(encoded.length() + encoded.length() / SEGMENT);
        for (int at = 0; at < encoded.length(); at += SEGMENT) {
            segments.append(at == 0 ? "" : "/").append(encoded, at, Math.min(encoded.length(), at + SEGMENT));
        }
        String described = plain.substring(0, plain.length() - JSON_SUFFIX.length()) + "." + segments + JSON_SUFFIX;
        return described.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES ? described : plain;
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
        byte[] summary;
        try {
            summary = Base64.getUrlDecoder().decode(described.group(4).replace("/", ""));
        } catch (IllegalArgumentException e) {
            throw new CatalogException("index entry key has an unreadable summary: " + key);
        }
        IndexEntry entry = parse(summary);
        if (!entry.id().equals(described.group(3))) {
            throw new CatalogException("index entry key names build " + described.group(3) + " but its summary "
                    + entry.id() + ": " + key);
        }
        return Optional.of(entry);
    }

    public byte[] toJson() {
        return JsonMaps.write(JsonMaps.of("id", id, "bundleId", bundleId, "channel", channel, "name", name,
                "version", version, "build", build, "size", size, "uploadedAt", JsonMaps.iso(uploadedAt),
                "profileType", profileType == null ? null : profileType.id(), "hasIcon", hasIcon,
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
                json.distributionType("profileType"), json.bool("hasIcon"), requirements == null ? null : Requirements.read(requirements));
    }
}
