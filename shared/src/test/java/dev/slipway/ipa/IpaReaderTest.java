package dev.slipway.ipa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import dev.slipway.fixtures.Corpus;
import dev.slipway.fixtures.Fixtures;
import dev.slipway.fixtures.TestProfile;
import dev.slipway.fixtures.ZipWriter;
import dev.slipway.ipa.zip.BlockCache;
import dev.slipway.ipa.zip.FileByteSource;
import dev.slipway.ipa.zip.ZipFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpaReaderTest {
    @TempDir
    Path dir;

    @Corpus
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            fastlane-not-an-ipa.ipa              | not a ZIP archive
            fastlane-no-app-bundle.ipa           | no Payload/<App>.app/Info.plist found: this ZIP holds no iOS app
            isign-NotAnApp.ipa                   | no Payload/<App>.app/Info.plist found: this ZIP holds no iOS app
            fastlane-with_no_swift.ipa           | no Payload/<App>.app/Info.plist found: Client.app has no Info.plist
            fastlane-iOSAppOnly-wrapped.ipa      | no Payload/<App>.app/Info.plist at the top of the archive: the app is inside iOSAppOnly/ (zip the Payload folder itself, not the folder around it)
            fastlane-ContainsWatchApp-wrapped.ipa | no Payload/<App>.app/Info.plist at the top of the archive: the app is inside ContainsWatchApp/ (zip the Payload folder itself, not the folder around it)
            """)
    void read_invalidFixture_givesOneLineReason(String file, String message) {
        Path ipa = Fixtures.get("invalid/" + file);

        assertReadRefuses(ipa, InvalidIpaException.class, message);
    }

    @Corpus
    @Test
    void read_enterpriseIpaWithExtension_readsTheExtensionAndItsOwnProfile() throws Exception {
        IpaInfo info = read(Fixtures.get("ipa/app_info-embedded.ipa"));

        assertThat(info.extensions()).singleElement().satisfies(extension -> {
            assertThat(extension.path()).isEqualTo("Payload/Demo.app/PlugIns/Notification.appex/");
            assertThat(extension.bundleId()).isEqualTo("com.icyleaf.test.Demo.Notification");
            assertThat(extension.extensionPoint()).isEqualTo("com.apple.usernotifications.service");
            assertThat(extension.profile()).isNotNull();
        });
        assertThat(info.watchApps()).isEmpty();
        assertThat(info.profile().provisionsAllDevices()).isTrue();
        assertThat(info.app().requiredCapabilities()).containsExactly("arm64");
        assertThat(info.app().sdk()).isEqualTo("iphoneos14.3");
        assertThat(info.app().xcodeBuild()).isEqualTo("12C33");
    }

    @Corpus
    @Test
    void read_capabilitiesAsDictionary_keepsTheRequiredKeys() throws Exception {
        IpaInfo info = read(Fixtures.get("ipa/fastlane-Example1.ipa"));

        assertThat(info.app().requiredCapabilities()).containsExactly("accelerometer", "opengles-2");
    }

    @Corpus
    @Test
    void read_iconOnlyInAssetCatalog_isAFactNotAFailure() throws Exception {
        IpaInfo info = read(Fixtures.get("ipa/ipa-server-test.ipa"));

        assertThat(info.icon()).isNull();
        assertThat(info.iconNote()).isEqualTo("icon only in Assets.car (not extracted)");
    }

    @Test
    void read_nonAsciiNamesWatchAppAndFairPlay_areAllFound() throws Exception {
        // given an IPA with a non-ASCII, spaced app name, a Watch app with an extension, and SC_Info
        Path ipa = dir.resolve("watch.ipa");
        String app = "Payload/Café Über.app/";
        try (ZipWriter zip = new ZipWriter(ipa)) {
            zip.deflated(app + "Watch/Café Watch.app/PlugIns/Complication.appex/Info.plist",
                            binary(plist("com.example.cafe.watch.complication", "Complication")))
                    .deflated(app + "Watch/Café Watch.app/Info.plist", binary(plist("com.example.cafe.watch", "Café Watch")))
                    .deflated(app + "SC_Info/Café.sinf", new byte[16])
                    .deflated(app + "Frameworks/Lib.framework/Info.plist", binary(plist("com.example.lib", "Lib")))
                    .deflated(app + "Info.plist", plist("com.example.cafe", "Café Über").toXMLPropertyList()
                            .getBytes(StandardCharsets.UTF_8));
        }

        // when
        IpaInfo info = read(ipa);

        // then the framework's plist is never taken for the app's
        assertThat(info.app().path()).isEqualTo(app);
        assertThat(info.app().bundleId()).isEqualTo("com.example.cafe");
        assertThat(info.app().name()).isEqualTo("Café Über");
        assertThat(info.watchApps()).extracting(AppBundle::bundleId).containsExactly("com.example.cafe.watch");
        assertThat(info.extensions()).extracting(AppBundle::path)
                .containsExactly(app + "Watch/Café Watch.app/PlugIns/Complication.appex/");
        assertThat(info.appStoreEncrypted()).isTrue();
        assertThat(info.profile()).isNull();
        assertThat(info.iconNote()).isEqualTo("Info.plist names no icon");
    }

    @Test
    void read_twoApps_refusesToGuess() throws Exception {
        Path ipa = dir.resolve("two.ipa");
        try (ZipWriter zip = new ZipWriter(ipa)) {
            zip.stored("Payload/B.app/Info.plist", binary(plist("b", "B")))
                    .stored("Payload/A.app/Info.plist", binary(plist("a", "A")));
        }

        assertReadRefuses(ipa, BundleException.class, "more than one app in Payload/: A.app, B.app");
    }

    @Test
    void read_iosAppWithMacProfile_saysTheProfileIsForAnotherPlatform() throws Exception {
        Path ipa = dir.resolve("mac-profile.ipa");
        try (ZipWriter zip = new ZipWriter(ipa)) {
            zip.deflated("Payload/A.app/Info.plist", binary(plist("a", "A")))
                    .stored("Payload/A.app/embedded.mobileprovision",
                            TestProfile.development().platform("OSX").signed());
        }

        assertReadRefuses(ipa, dev.slipway.ipa.profile.ProfileException.class,
                "Payload/A.app/embedded.mobileprovision is a provisioning profile for OSX, not for iOS");
    }

    @Test
    void read_plistWithoutBundleId_namesTheMissingKey() throws Exception {
        NSDictionary dict = plist("x", "X");
        dict.remove("CFBundleIdentifier");
        Path ipa = ipaWithPlist(binary(dict));

        assertReadRefuses(ipa, PlistFormatException.class, "Payload/A.app/Info.plist has no CFBundleIdentifier");
    }

    @Test
    void read_entityExpansionPlistBomb_isNotExpanded() throws Exception {
        // given a "billion laughs" plist: 10^12 characters if its entities were expanded
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE plist [\n<!ENTITY a \"aaaaaaaaaa\">\n");
        for (int i = 1; i < 12; i++) {
            xml.append("<!ENTITY ").append((char) ('a' + i)).append(" \"")
                    .append(("&" + (char) ('a' + i - 1) + ";").repeat(10)).append("\">\n");
        }
        xml.append("]>\n<plist version=\"1.0\"><dict><key>CFBundleIdentifier</key><string>&l;</string></dict></plist>");
        Path ipa = ipaWithPlist(xml.toString().getBytes(StandardCharsets.UTF_8));

        // then the entity stays unexpanded, so the bundle id is simply missing
        assertReadRefuses(ipa, PlistFormatException.class, "Payload/A.app/Info.plist has no CFBundleIdentifier");
    }

    @Test
    void read_deeplyNestedPlist_isRefusedWithoutStackOverflow() throws Exception {
        String xml = "<?xml version=\"1.0\"?><plist version=\"1.0\">" + "<array>".repeat(50_000)
                + "</array>".repeat(50_000) + "</plist>";
        Path ipa = ipaWithPlist(xml.getBytes(StandardCharsets.UTF_8));

        assertReadRefuses(ipa, PlistFormatException.class, "Payload/A.app/Info.plist is not a readable property list");
    }

    @Test
    void read_binaryPlistDeclaringBillionsOfObjects_isRefused() throws Exception {
        // given a real binary plist whose trailer claims 2^31 objects and an offset table past the end
        byte[] bytes = binary(plist("a", "A"));
        java.nio.ByteBuffer trailer = java.nio.ByteBuffer.wrap(bytes, bytes.length - 32, 32);
        trailer.putLong(bytes.length - 24, 0x7FFFFFFFL);
        Path ipa = ipaWithPlist(bytes);

        assertReadRefuses(ipa, PlistFormatException.class, "Payload/A.app/Info.plist is not a readable property list");
    }

    @Test
    void read_zipBombAsInfoPlist_isRefusedByItsRealSize() throws Exception {
        Path ipa = dir.resolve("bomb.ipa");
        try (ZipWriter zip = new ZipWriter(ipa)) {
            zip.lieAboutNextSize(500).deflated("Payload/A.app/Info.plist", new byte[50_000_000]);
        }

        assertReadRefuses(ipa, LimitExceededException.class,
                "Payload/A.app/Info.plist inflates to more than its declared 500 bytes (a ZIP bomb?)");
    }

    @Test
    void read_zeroByteFile_saysEmpty() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.ipa"));

        assertThatThrownBy(() -> read(empty))
                .isInstanceOf(ZipFormatException.class)
                .hasMessage("empty file (0 bytes), not a ZIP archive");
    }

    private Path ipaWithPlist(byte[] infoPlist) throws Exception {
        Path ipa = dir.resolve("one.ipa");
        try (ZipWriter zip = new ZipWriter(ipa)) {
            zip.deflated("Payload/A.app/Info.plist", infoPlist);
        }
        return ipa;
    }

    static NSDictionary plist(String bundleId, String name) {
        NSDictionary dict = new NSDictionary();
        dict.put("CFBundleIdentifier", bundleId);
        dict.put("CFBundleName", name);
        dict.put("CFBundleShortVersionString", "1.0");
        dict.put("CFBundleVersion", "7");
        dict.put("MinimumOSVersion", "15.0");
        dict.put("CFBundleSupportedPlatforms", new NSArray(new com.dd.plist.NSString("iPhoneOS")));
        return dict;
    }

    static byte[] binary(NSDictionary dict) throws Exception {
        return BinaryPropertyListWriter.writeToArray(dict);
    }

    /** Reading the IPA throws this type of exception with exactly this message. */
    private static void assertReadRefuses(Path ipa, Class<? extends Exception> type, String message) {
        assertThatThrownBy(() -> read(ipa)).isInstanceOf(type).hasMessage(message);
    }

    private static IpaInfo read(Path ipa) throws Exception {
        try (BlockCache source = new BlockCache(FileByteSource.open(ipa))) {
            return new IpaReader().read(source);
        }
    }
}
