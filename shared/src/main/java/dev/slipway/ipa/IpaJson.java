package dev.slipway.ipa;

import dev.slipway.ipa.profile.DeveloperCertificate;
import dev.slipway.ipa.profile.ProvisioningProfile;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shape of an {@link IpaInfo}: what {@code slipway inspect --json} prints and what a
 * build record stores. Keys are a public contract; add, never rename.
 */
public final class IpaJson {
    private IpaJson() {
    }

    /** An ordered map of plain values (strings, numbers, booleans, lists, maps, nulls) ready for any JSON writer. */
    public static Map<String, Object> toMap(IpaInfo info) {
        Map<String, Object> json = bundle(info.app());
        json.put("profile", profile(info.profile()));
        json.put("icon", info.icon() == null ? null : icon(info.icon()));
        json.put("iconNote", info.iconNote());
        json.put("extensions", info.extensions().stream().map(IpaJson::nested).toList());
        json.put("watchApps", info.watchApps().stream().map(IpaJson::nested).toList());
        json.put("appStoreEncrypted", info.appStoreEncrypted());
        json.put("architectures", info.architectures());
        json.put("archiveSize", info.archiveSize());
        json.put("entryCount", info.entryCount());
        return json;
    }

    private static Map<String, Object> bundle(AppBundle app) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bundleId", app.bundleId());
        json.put("version", app.version());
        json.put("build", app.build());
        json.put("name", app.name());
        json.put("minimumOsVersion", app.minimumOsVersion());
        json.put("deviceFamilies", app.deviceFamilies().stream().map(DeviceFamily::id).toList());
        json.put("supportedDevices", app.supportedDevices());
        json.put("requiredDeviceCapabilities", app.requiredCapabilities());
        json.put("platform", app.platform().label());
        json.put("sdk", app.sdk());
        json.put("xcodeVersion", app.xcodeVersion());
        json.put("xcodeBuild", app.xcodeBuild());
        json.put("executable", app.executable());
        json.put("path", app.path());
        return json;
    }

    private static Map<String, Object> nested(AppBundle bundle) {
        Map<String, Object> json = bundle(bundle);
        json.put("extensionPoint", bundle.extensionPoint());
        json.put("profile", profile(bundle.profile()));
        return json;
    }

    private static Map<String, Object> profile(ProvisioningProfile profile) {
        if (profile == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", profile.type().id());
        json.put("name", profile.name());
        json.put("uuid", profile.uuid());
        json.put("teamId", profile.teamId());
        json.put("teamName", profile.teamName());
        json.put("appIdName", profile.appIdName());
        json.put("createdAt", iso(profile.createdAt()));
        json.put("expiresAt", iso(profile.expiresAt()));
        json.put("platforms", profile.platforms());
        json.put("provisionsAllDevices", profile.provisionsAllDevices());
        json.put("devices", profile.devices());
        Map<String, Object> entitlements = new LinkedHashMap<>();
        entitlements.put("applicationIdentifier", profile.entitlements().applicationIdentifier());
        entitlements.put("getTaskAllow", profile.entitlements().getTaskAllow());
        entitlements.put("apsEnvironment", profile.entitlements().apsEnvironment());
        entitlements.put("betaReportsActive", profile.entitlements().betaReportsActive());
        json.put("entitlements", entitlements);
        json.put("certificates", profile.certificates().stream().map(IpaJson::certificate).toList());
        json.put("signed", profile.signed());
        return json;
    }

    private static Map<String, Object> certificate(DeveloperCertificate certificate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("commonName", certificate.commonName());
        json.put("subject", certificate.subject());
        json.put("serialNumber", certificate.serialNumber());
        json.put("expiresAt", iso(certificate.expiresAt()));
        json.put("sha1", certificate.sha1Fingerprint());
        return json;
    }

    private static Map<String, Object> icon(AppIcon icon) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", icon.path());
        json.put("width", icon.width());
        json.put("height", icon.height());
        json.put("crushed", icon.crushed());
        return json;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
