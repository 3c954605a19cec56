package dev.slipway.manifest;

import java.net.URI;

/**
 * What an OTA manifest says: where iOS downloads the app and its images, and what it installs.
 *
 * @param softwarePackage the IPA's https URL
 * @param displayImage the 57 px icon's https URL, or null when the app has no icon
 * @param fullSizeImage the 512 px icon's https URL, or null when the app has no icon
 * @param bundleId {@code CFBundleIdentifier}: iOS checks it against the IPA
 * @param bundleVersion the version shown while installing
 * @param title the app's name, shown in the install prompt
 */
public record ManifestData(URI softwarePackage, URI displayImage, URI fullSizeImage, String bundleId,
                           String bundleVersion, String title) {
    public ManifestData {
        requireHttps(softwarePackage, "software-package");
        if (displayImage != null) {
            requireHttps(displayImage, "display-image");
        }
        if (fullSizeImage != null) {
            requireHttps(fullSizeImage, "full-size-image");
        }
        if (bundleId == null || bundleId.isBlank()) {
            throw new IllegalArgumentException("a manifest needs a bundle identifier");
        }
    }

    private static void requireHttps(URI uri, String what) {
        // iOS refuses manifests and packages served over plain http.
        if (uri == null || !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(what + " URL must be https: " + uri);
        }
    }
}
