package dev.slipway.ipa;

import static dev.slipway.wire.JsonMaps.iso;

import dev.slipway.ipa.profile.DeveloperCertificate;
import dev.slipway.ipa.profile.ProvisioningProfile;
import dev.slipway.wire.JsonMaps;
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
        return JsonMaps.of("bundleId", app.bundleId(), "version", app.version(), "build", app.build(),
                "name", app.name(), "minimumOsVersion", app.minimumOsVersion(),
                "deviceFamilies", app.deviceFamilies().stream().map(DeviceFamily::id).toList(),
                "supportedDevices", app.supportedDevices(), "requiredDeviceCapabilities", app.requiredCapabilities(),
                "platform", app.platform().label(), "sdk", app.sdk(), "xcodeVersion", app.xcodeVersion(),
                "xcodeBuild", app.xcodeBuild(), "executable", app.executable(), "path", app.path());
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
        return JsonMaps.of("type", profile.type().id(), "name", profile.name(), "uuid", profile.uuid(),
                "teamId", profile.teamId(), "teamName", profile.teamName(), "appIdName", profile.appIdName(),
                "createdAt", iso(profile.createdAt()), "expiresAt", iso(profile.expiresAt()),
                "platforms", profile.platforms(), "provisionsAllDevices", profile.provisionsAllDevices(),
                "devices", profile.devices(),
                "entitlements", JsonMaps.of("applicationIdentifier", profile.entitlements().applicationIdentifier(),
                        "getTaskAllow", profile.entitlements().getTaskAllow(),
                        "apsEnvironment", profile.entitlements().apsEnvironment(),
                        "betaReportsActive", profile.entitlements().betaReportsActive()),
                "certificates", profile.certificates().stream().map(IpaJson::certificate).toList(),
                "signed", profile.signed());
    }

    private static Map<String, Object> certificate(DeveloperCertificate certificate) {
        return JsonMaps.of("commonName", certificate.commonName(), "subject", certificate.subject(),
                "serialNumber", certificate.serialNumber(), "expiresAt", iso(certificate.expiresAt()),
                "sha1", certificate.sha1Fingerprint());
    }

    private static Map<String, Object> icon(AppIcon icon) {
        return JsonMaps.of("path", icon.path(), "width", icon.width(), "height", icon.height(),
                "crushed", icon.crushed());
    }
}
