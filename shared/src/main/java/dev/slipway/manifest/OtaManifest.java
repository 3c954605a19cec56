package dev.slipway.manifest;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import java.util.ArrayList;
import java.util.List;

/**
 * The install manifest iOS fetches from an {@code itms-services} link: a plist with one item whose
 * assets are the IPA (and the icons) and whose metadata names the app. dd-plist writes the XML, so
 * {@code &} and {@code <} in URLs and titles are escaped for us (the third encoding layer).
 */
public final class OtaManifest {
    private OtaManifest() {
    }

    /** The manifest as an XML property list. */
    public static String toXml(ManifestData data) {
        return toPlist(data).toXMLPropertyList();
    }

    static NSDictionary toPlist(ManifestData data) {
        List<NSDictionary> assets = new ArrayList<>();
        assets.add(asset("software-package", data.softwarePackage().toString()));
        if (data.displayImage() != null) {
            assets.add(asset("display-image", data.displayImage().toString()));
        }
        if (data.fullSizeImage() != null) {
            assets.add(asset("full-size-image", data.fullSizeImage().toString()));
        }
        NSDictionary metadata = new NSDictionary();
        metadata.put("bundle-identifier", data.bundleId());
        metadata.put("bundle-version", data.bundleVersion() == null ? "" : data.bundleVersion());
        metadata.put("kind", "software");
        metadata.put("title", data.title() == null ? data.bundleId() : data.title());
        NSDictionary item = new NSDictionary();
        item.put("assets", new NSArray(assets.toArray(new NSDictionary[0])));
        item.put("metadata", metadata);
        NSDictionary root = new NSDictionary();
        root.put("items", new NSArray(item));
        return root;
    }

    private static NSDictionary asset(String kind, String url) {
        NSDictionary asset = new NSDictionary();
        asset.put("kind", kind);
        asset.put("url", url);
        return asset;
    }
}
