package dev.slipway.ipa;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import dev.slipway.ipa.profile.ProvisioningProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An app bundle's {@code Info.plist} (binary or XML), read into an {@link AppBundle}. */
final class InfoPlist {
    private static final int MAX_LIST = 1000;

    private final String path;
    private final NSDictionary root;

    private InfoPlist(String path, NSDictionary root) {
        this.path = path;
        this.root = root;
    }

    /**
     * @param path the plist's path in the archive, for messages
     * @throws PlistFormatException if it is not a property list whose root is a dictionary
     */
    static InfoPlist parse(String path, byte[] bytes) throws PlistFormatException {
        NSObject parsed;
        try {
            parsed = PropertyLists.parse(bytes);
        } catch (Exception | StackOverflowError e) {
            // dd-plist throws checked and unchecked exceptions of many kinds for bad input; all mean the same here.
            throw new PlistFormatException(path + " is not a readable property list");
        }
        if (!(parsed instanceof NSDictionary dictionary)) {
            throw new PlistFormatException(path + " is not a dictionary property list");
        }
        return new InfoPlist(path, dictionary);
    }

    /**
     * @param bundlePath the bundle folder, e.g. {@code Payload/Demo.app/}
     * @throws PlistFormatException if {@code CFBundleIdentifier} is missing
     */
    AppBundle toBundle(String bundlePath, ProvisioningProfile profile) throws PlistFormatException {
        String bundleId = string("CFBundleIdentifier");
        if (bundleId == null || bundleId.isBlank()) {
            throw new PlistFormatException(path + " has no CFBundleIdentifier");
        }
        String executable = string("CFBundleExecutable");
        String folder = bundlePath.substring(0, bundlePath.length() - 1);
        folder = folder.substring(folder.lastIndexOf('/') + 1).replaceFirst("\\.(app|appex)$", "");
        String name = firstNonBlank(string("CFBundleDisplayName"), string("CFBundleName"), executable, folder);
        return new AppBundle(bundlePath, bundleId, string("CFBundleShortVersionString"), string("CFBundleVersion"), name,
                executable, string("MinimumOSVersion"), deviceFamilies(), strings("UISupportedDevices"),
                requiredCapabilities(), platform(), string("DTSDKName"), xcodeVersion(string("DTXcode")),
                string("DTXcodeBuild"), extensionPoint(), profile);
    }

    /** Icon file base names in the order Info.plist lists them: iPhone, iPad, then the legacy keys. */
    List<String> iconNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String key : List.of("CFBundleIcons", "CFBundleIcons~ipad")) {
            if (root.get(key) instanceof NSDictionary icons && icons.get("CFBundlePrimaryIcon") instanceof NSDictionary primary) {
                names.addAll(strings(primary, "CFBundleIconFiles"));
            }
        }
        names.addAll(strings(root, "CFBundleIconFiles"));
        String legacy = string("CFBundleIconFile");
        if (legacy != null && !legacy.isBlank()) {
            names.add(legacy);
        }
        return new ArrayList<>(names);
    }

    /** The asset catalog icon name ({@code CFBundleIconName}), if the app names one. */
    String assetCatalogIconName() {
        if (root.get("CFBundleIcons") instanceof NSDictionary icons && icons.get("CFBundlePrimaryIcon") instanceof NSDictionary primary
                && primary.get("CFBundleIconName") instanceof NSString name) {
            return name.getContent();
        }
        return string("CFBundleIconName");
    }

    private List<DeviceFamily> deviceFamilies() {
        NSObject value = root.get("UIDeviceFamily");
        List<NSObject> items = new ArrayList<>();
        if (value instanceof NSArray array) {
            // Not List.of: a binary plist's array can hold nulls (found by fuzzing).
            NSObject[] all = array.getArray();
            items.addAll(Arrays.asList(all).subList(0, Math.min(all.length, MAX_LIST)));
        } else if (value != null) {
            items.add(value);
        }
        Set<DeviceFamily> families = EnumSet.noneOf(DeviceFamily.class);
        for (NSObject item : items) {
            Integer code = item instanceof NSNumber number ? wholeNumber(number)
                    : item instanceof NSString text ? parseInt(text.getContent()) : null;
            if (code != null) {
                DeviceFamily.fromCode(code).ifPresent(families::add);
            }
        }
        // iOS treats a missing UIDeviceFamily as iPhone-only.
        return families.isEmpty() ? List.of(DeviceFamily.IPHONE) : List.copyOf(families);
    }

    private List<String> requiredCapabilities() {
        NSObject value = root.get("UIRequiredDeviceCapabilities");
        if (value instanceof NSDictionary dictionary) {
            List<String> required = new ArrayList<>();
            for (Map.Entry<String, NSObject> entry : dictionary.getHashMap().entrySet()) {
                if (entry.getValue() instanceof NSNumber flag && flag.isBoolean() && flag.boolValue() && required.size() < MAX_LIST) {
                    required.add(entry.getKey());
                }
            }
            return List.copyOf(required);
        }
        return strings("UIRequiredDeviceCapabilities");
    }

    Platform platform() {
        List<String> supported = strings("CFBundleSupportedPlatforms");
        String name = supported.isEmpty() ? string("DTPlatformName") : supported.get(0);
        if (name == null) {
            // Very old builds name neither; they were iPhone OS apps.
            return string("MinimumOSVersion") != null ? Platform.IOS : Platform.UNKNOWN;
        }
        return Platform.fromSdkName(name);
    }

    private String extensionPoint() {
        if (root.get("NSExtension") instanceof NSDictionary extension
                && extension.get("NSExtensionPointIdentifier") instanceof NSString point) {
            return point.getContent();
        }
        return null;
    }

    /** "1500" → "15.0", "1431" → "14.3.1", "0830" → "8.3". */
    static String xcodeVersion(String dtXcode) {
        if (dtXcode == null || !dtXcode.matches("\\d{4}")) {
            return dtXcode;
        }
        int major = Integer.parseInt(dtXcode.substring(0, 2));
        char minor = dtXcode.charAt(2);
        char patch = dtXcode.charAt(3);
        return major + "." + minor + (patch == '0' ? "" : "." + patch);
    }

    private String string(String key) {
        return root.get(key) instanceof NSString text ? text.getContent() : null;
    }

    private List<String> strings(String key) {
        return strings(root, key);
    }

    private static List<String> strings(NSDictionary dictionary, String key) {
        if (!(dictionary.get(key) instanceof NSArray array)) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (NSObject item : array.getArray()) {
            if (item instanceof NSString text && values.size() < MAX_LIST) {
                values.add(text.getContent());
            }
        }
        return List.copyOf(values);
    }

    /**
     * The number as an int, or null for a real that is not a whole number (dd-plist's
     * {@code intValue()} throws an unchecked exception for NaN and infinities, which a plist can hold).
     */
    private static Integer wholeNumber(NSNumber number) {
        if (number.isReal()) {
            double value = number.doubleValue();
            return Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE
                    ? Integer.valueOf((int) value) : null;
        }
        long value = number.longValue();
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? Integer.valueOf((int) value) : null;
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
