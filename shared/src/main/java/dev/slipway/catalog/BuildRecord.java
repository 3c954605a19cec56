package dev.slipway.catalog;

import dev.slipway.ipa.Installability;
import dev.slipway.ipa.IpaInfo;
import dev.slipway.ipa.IpaJson;
import dev.slipway.ipa.Platform;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A build's record ({@code builds/{id}/build.json}): everything {@code slipway inspect --json}
 * knows about the IPA, plus where it came from. Kept as an ordered map so keys written by a newer
 * version survive a read by an older one; typed getters for what the install side needs.
 */
public final class BuildRecord {
    /** Bumped only when a key changes meaning; readers ignore keys they do not know. */
    public static final int SCHEMA = 1;

    private final Map<String, Object> json;

    private BuildRecord(Map<String, Object> json) {
        this.json = json;
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
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema", SCHEMA);
        json.put("id", id);
        json.put("channel", channel);
        json.put("releaseNotes", releaseNotes);
        json.put("fileName", upload.fileName());
        json.put("uploadKey", upload.key());
        json.put("size", info.archiveSize());
        json.put("eTag", upload.eTag());
        json.put("uploadedAt", Json.iso(upload.eventTime()));
        json.put("ingestedAt", Json.iso(ingestedAt));
        json.put("ipaKey", ipaKey);
        json.put("ipaVersionId", ipaVersionId);
        if (hasIcon) {
            Map<String, Object> icons = new LinkedHashMap<>();
            icons.put("full", Layout.icon(id, 0));
            icons.put("57", Layout.icon(id, 57));
            icons.put("512", Layout.icon(id, 512));
            json.put("icons", icons);
        } else {
            json.put("icons", null);
        }
        Installability.Facts facts = Installability.Facts.of(info);
        Map<String, Object> install = new LinkedHashMap<>();
        install.put("latestCertificateExpiry", Json.iso(facts.latestCertificateExpiry()));
        json.put("install", install);
        json.putAll(IpaJson.toMap(info));
        return new BuildRecord(json);
    }

    /**
     * @throws CatalogException if the bytes are not a build record
     */
    public static BuildRecord parse(byte[] bytes) throws CatalogException {
        Map<String, Object> json = Json.read(bytes, "build record");
        if (Json.string(json, "id") == null || Json.string(json, "bundleId") == null) {
            throw new CatalogException("build record has no id or bundleId");
        }
        return new BuildRecord(json);
    }

    public byte[] toJson() {
        return Json.write(json);
    }

    /** The record as plain values, for JSON output. */
    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(json);
    }

    public String id() {
        return Json.string(json, "id");
    }

    public String bundleId() {
        return Json.string(json, "bundleId");
    }

    public String channel() {
        return Json.string(json, "channel");
    }

    public String name() {
        return Json.string(json, "name");
    }

    public String version() {
        return Json.string(json, "version");
    }

    public String build() {
        return Json.string(json, "build");
    }

    /** Where the IPA is kept: under {@code builds/}, or the upload's own version on a versioned bucket. */
    public String ipaKey() {
        return Json.string(json, "ipaKey");
    }

    /** The object version of {@link #ipaKey()}, or null when the key alone is immutable. */
    public String ipaVersionId() {
        return Json.string(json, "ipaVersionId");
    }

    public String fileName() {
        return Json.string(json, "fileName");
    }

    public String releaseNotes() {
        return Json.string(json, "releaseNotes");
    }

    public long size() {
        return Json.number(json, "size");
    }

    public Instant uploadedAt() {
        return Json.instant(json, "uploadedAt");
    }

    public String minimumOsVersion() {
        return Json.string(json, "minimumOsVersion");
    }

    public List<String> deviceFamilies() {
        return Json.strings(json, "deviceFamilies");
    }

    public boolean hasIcon() {
        return Json.object(json, "icons") != null;
    }

    /** The profile's fields ({@code type}, {@code teamName}, {@code expiresAt}, …), or null when unsigned. */
    public Map<String, Object> profile() {
        return Json.object(json, "profile");
    }

    public String profileType() {
        Map<String, Object> profile = profile();
        return profile == null ? null : Json.string(profile, "type");
    }

    public Instant profileExpiresAt() {
        Map<String, Object> profile = profile();
        return profile == null ? null : Json.instant(profile, "expiresAt");
    }

    public String teamName() {
        Map<String, Object> profile = profile();
        if (profile == null) {
            return null;
        }
        String name = Json.string(profile, "teamName");
        return name != null && !name.isBlank() ? name : Json.string(profile, "teamId");
    }

    /** What installability depends on, as stored. */
    public Installability.Facts installFacts() {
        Map<String, Object> profile = profile();
        Platform platform = Platform.fromLabel(Json.string(json, "platform"));
        Map<String, Object> install = Json.object(json, "install");
        return new Installability.Facts(platform, profileType(),
                profile == null ? 0 : Json.strings(profile, "devices").size(), teamName(), profileExpiresAt(),
                install == null ? null : Json.instant(install, "latestCertificateExpiry"),
                Json.bool(json, "appStoreEncrypted"), Json.strings(json, "architectures"));
    }
}
