package dev.slipway.cli;

import com.dd.plist.NSArray;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSString;
import dev.slipway.fixtures.ZipWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;

/**
 * An IPA whose page offers Install today. Every real fixture's profile has expired (or is for the
 * App Store), so the pages of the fixtures show why they cannot install, not an Install button;
 * this one has an ad hoc profile valid for a year, wrapped in CMS as Apple ships profiles (the
 * signature itself is not what installability looks at).
 */
final class InstallableIpa {
    static final String BUNDLE_ID = "dev.slipway.test.installable";
    static final String NAME = "Installable";

    private InstallableIpa() {
    }

    static void write(Path file) throws Exception {
        write(file, "7");
    }

    /** The same app with another CFBundleVersion: other bytes, another build. */
    static void write(Path file, String build) throws Exception {
        write(file, build, Instant.now().plus(Duration.ofDays(365)));
    }

    /** The same app with a profile that expires (or expired) at {@code expiresAt}. */
    static void write(Path file, Instant expiresAt) throws Exception {
        write(file, "7", expiresAt);
    }

    private static void write(Path file, String build, Instant expiresAt) throws Exception {
        NSDictionary info = new NSDictionary();
        info.put("CFBundleIdentifier", BUNDLE_ID);
        info.put("CFBundleName", NAME);
        info.put("CFBundleExecutable", NAME);
        info.put("CFBundleShortVersionString", "2.0");
        info.put("CFBundleVersion", build);
        info.put("MinimumOSVersion", "15.0");
        info.put("DTPlatformName", "iphoneos");
        info.put("CFBundleSupportedPlatforms", new NSArray(new NSString("iPhoneOS")));
        info.put("UIDeviceFamily", new NSArray(new NSNumber(1)));

        NSDictionary profile = new NSDictionary();
        profile.put("Name", "Slipway tests ad hoc");
        profile.put("UUID", "5E1F0000-0000-4000-8000-000000000007");
        profile.put("TeamIdentifier", new NSArray(new NSString("ABCDE12345")));
        profile.put("TeamName", "Slipway Tests");
        profile.put("CreationDate", new NSDate(Date.from(expiresAt.minus(Duration.ofDays(400)))));
        profile.put("ExpirationDate", new NSDate(Date.from(expiresAt)));
        profile.put("ProvisionedDevices", new NSArray(new NSString("00008110-000A1D2C3E4F5061")));
        NSDictionary entitlements = new NSDictionary();
        entitlements.put("application-identifier", "ABCDE12345." + BUNDLE_ID);
        entitlements.put("get-task-allow", false);
        profile.put("Entitlements", entitlements);
        byte[] cms = new CMSSignedDataGenerator().generate(new CMSProcessableByteArray(
                profile.toXMLPropertyList().getBytes(StandardCharsets.UTF_8)), true).getEncoded();

        try (ZipWriter zip = new ZipWriter(file)) {
            zip.deflated("Payload/" + NAME + ".app/Info.plist", info.toXMLPropertyList().getBytes(StandardCharsets.UTF_8));
            zip.stored("Payload/" + NAME + ".app/embedded.mobileprovision", cms);
            zip.deflated("Payload/" + NAME + ".app/" + NAME, "not a real binary".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
