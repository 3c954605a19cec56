package dev.slipway.enrol;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSString;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The {@code .mobileconfig} a "Check this device" link serves: one payload of type
 * {@code Profile Service} (Apple's over-the-air profile delivery, phase 1). Installing it in
 * Settings makes iOS POST the requested attributes, signed by the device, to {@code URL}; it
 * installs nothing on the device.
 */
public final class ProfileService {
    /** The type Safari hands to Settings as a profile. */
    public static final String CONTENT_TYPE = "application/x-apple-aspen-config";
    /** What the device is asked for: the UDID is the point; product and build say which phone; the serial is asked as Apple's own tools do, but never stored. */
    public static final List<String> DEVICE_ATTRIBUTES = List.of("UDID", "PRODUCT", "VERSION", "SERIAL", "DEVICE_NAME");
    static final String IDENTIFIER = "dev.slipway.device-check";

    private ProfileService() {
    }

    /**
     * @param answerUrl where the device posts its answer (https, this site)
     * @param challenge the signed challenge ({@link dev.slipway.device.Challenges#issue})
     * @param host the site's host, shown to the tester as the organisation
     * @return the profile, an XML plist, unsigned
     */
    public static byte[] mobileconfig(URI answerUrl, String challenge, String host) {
        NSDictionary content = new NSDictionary();
        content.put("URL", new NSString(answerUrl.toString()));
        content.put("DeviceAttributes", new NSArray(DEVICE_ATTRIBUTES.stream().map(NSString::new).toArray(NSString[]::new)));
        content.put("Challenge", new NSString(challenge));
        NSDictionary profile = new NSDictionary();
        profile.put("PayloadContent", content);
        profile.put("PayloadType", new NSString("Profile Service"));
        profile.put("PayloadVersion", 1);
        profile.put("PayloadIdentifier", new NSString(IDENTIFIER));
        profile.put("PayloadUUID", new NSString(UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT)));
        profile.put("PayloadDisplayName", new NSString("Check this device"));
        profile.put("PayloadOrganization", new NSString(host));
        profile.put("PayloadDescription", new NSString("Sends this device's UDID, model, iOS build and name to " + host
                + " so its install pages can tell whether a build will install on it. Nothing is installed; "
                + "the profile can be deleted afterwards."));
        return profile.toXMLPropertyList().getBytes(StandardCharsets.UTF_8);
    }
}
