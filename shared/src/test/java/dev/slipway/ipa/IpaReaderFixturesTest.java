package dev.slipway.ipa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.fixtures.Corpus;
import dev.slipway.fixtures.Fixtures;
import dev.slipway.ipa.zip.BlockCache;
import dev.slipway.ipa.zip.FileByteSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real IPA in {@code ../shared/fixtures/ipa}, read field by field.
 *
 * <p>The expected values were not taken from this reader's output: they were printed by an
 * independent Python script using {@code zipfile} and {@code plistlib} for Info.plist, and
 * {@code openssl cms -verify -noverify -inform DER} piped into {@code plistlib} for the profiles
 * (dates are the plist's UTC dates), and the PNG IHDR bytes for icon sizes.
 */
class IpaReaderFixturesTest {

    record Expected(String file, String appPath, String bundleId, String version, String build, String name,
                    String minimumOs, List<DeviceFamily> families, String type, String teamId, String expiresAt,
                    int devices, String firstDevice, String iconPath, int iconWidth, String xcode) {
    }

    static Stream<Expected> fixtures() {
        List<DeviceFamily> iphone = List.of(DeviceFamily.IPHONE);
        List<DeviceFamily> universal = List.of(DeviceFamily.IPHONE, DeviceFamily.IPAD);
        return Stream.of(
                new Expected("app_info-embedded.ipa", "Payload/Demo.app/", "com.icyleaf.test.Demo", "1.0", "1", "Demo",
                        "14.3", universal, "enterprise", "72LA85G59H", "2022-01-15T06:40:53Z", 0, null, null, 0, "12.3"),
                new Expected("app_info-ipad.ipa", "Payload/bundle.app/", "com.icyleaf.bundle", "1.0", "1", "bundle",
                        "9.3", List.of(DeviceFamily.IPAD), "app-store", "5PJA6N5A3B", "2017-04-12T09:37:18Z", 0, null,
                        "Payload/bundle.app/AppIcon83.5x83.5@2x~ipad.png", 167, "7.3"),
                new Expected("app_info-iphone.ipa", "Payload/AppInfoDemo.app/", "com.icyleaf.AppInfoDemo", "1.2.3", "5",
                        "AppInfoDemo", "9.3", iphone, "development", "5PJA6N5A3B", "2017-07-27T09:44:49Z", 100,
                        "18cf53cddee60c52f9c97b1521e7cbf8342628da", null, 0, "7.3"),
                new Expected("fastlane very capable app.ipa", "Payload/very capable app.app/", "org.fastlane.very-capable-app",
                        "1.0", "1", "very capable app", "11.2", universal, "development", "TestFixture",
                        "2019-04-07T01:27:21Z", 1, "1234567890123456789012345678901234567890", null, 0, "9.2"),
                new Expected("fastlane-Example1.ipa", "Payload/iTanky.app/", "at.felixkrause.iTanky", "1.0", "1.0", "iTanky",
                        "5.0", iphone, "ad-hoc", "A83XXT7P9C", "2012-07-23T08:45:45Z", 24,
                        "fcb7c60cd9b9fb79b14be6934cd93f99bcd8e7fa", "Payload/iTanky.app/Icon@2x.png", 114, "4.2.1"),
                new Expected("fastlane-ExampleProductName.ipa", "Payload/ExampleProductName.app/", "net.sunapps.9", "1.0",
                        "1", "ExampleProductName", "9.0", iphone, "app-store", "5A997XSHK2", "2016-02-10T23:44:20Z", 0,
                        null, null, 0, "7.0"),
                new Expected("fastlane-very-capable-app.ipa", "Payload/very-capable-app.app/", "org.fastlane.very-capable-app",
                        "1.0", "1", "very-capable-app", "11.2", universal, "development", "TestFixture",
                        "2019-04-07T01:27:21Z", 1, "1234567890123456789012345678901234567890", null, 0, "9.2"),
                new Expected("fastlane-very-capable-app.old.ipa", "Payload/very-capable-app.app/",
                        "org.fastlane.very-capable-app", "1.0", "1", "very-capable-app", "11.2", universal, "app-store",
                        "5UKXVKJP8C", "2019-03-24T04:23:49Z", 0, null, null, 0, "9.2"),
                new Expected("ipa-server-test.ipa", "Payload/Test.app/", "com.ineva.test-rtmp.Test", "1.0", "1", "Test",
                        "13.1", universal, "development", "GC6FQHF5NF", "2022-05-09T06:59:38Z", 35,
                        "00008020-001964311A08002E", null, 0, "12.5"),
                new Expected("ipa_analyzer-ios-simple-objc.ipa", "Payload/ios-simple-objc.app/", "Bitrise.ios-simple-objc",
                        "1.0", "1", "ios-simple-objc", "8.1", universal, "development", "72SA8V3WYL",
                        "2018-02-17T09:33:57Z", 1, "21bbc342c380001152f6f44055d3e8b3f4229740", null, 0, "7.3.1"),
                new Expected("isign-SimpleSaucyApp.ipa", "Payload/SimpleSaucyApp.app/", "com.sauceio.SimpleSaucyApp", "1.0",
                        "1", "SimpleSaucyApp", "8.0", universal, "ad-hoc", "JWKXD469L2", "2016-05-24T23:48:19Z", 20,
                        "5c8cbed80f621926b8024a96fdc46be759ce5041", null, 0, "6.3.2"),
                new Expected("pliney-test.ipa", "Payload/pliney-test.app/", "computer.versus.pliney-test", "1.0", "1",
                        "pliney-test", "8.2", iphone, "development", "UL736KYQR9", "2016-04-20T21:18:13Z", 1,
                        "9383c3ff10b9566e2f5042f86ce13e7045c48dad", null, 0, "6.2"),
                new Expected("profileInspector-spotmyride.ipa", "Payload/spotmyride.app/", "com.mayhemic.spotmyride", "1.0",
                        "1.0", "SpotMyRide", "6.0", iphone, "development", "779ZVKQ7Q5", "2014-08-28T18:47:23Z", 24,
                        "FFFFFFFF911F5AC3E2DF4E758E3ED3239A8D2844", "Payload/spotmyride.app/SMR_app_Icon@2x.png", 114,
                        "4.6.3"));
    }

    @Corpus
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void read_realIpa_readsEveryFieldAsPlistlibAndOpensslDo(Expected expected) throws Exception {
        // given
        Path ipa = Fixtures.get("ipa/" + expected.file());

        // when
        IpaInfo info;
        try (BlockCache source = new BlockCache(FileByteSource.open(ipa))) {
            info = new IpaReader().read(source);
        }

        // then
        AppBundle app = info.app();
        assertThat(app.path()).isEqualTo(expected.appPath());
        assertThat(app.bundleId()).isEqualTo(expected.bundleId());
        assertThat(app.version()).isEqualTo(expected.version());
        assertThat(app.build()).isEqualTo(expected.build());
        assertThat(app.name()).isEqualTo(expected.name());
        assertThat(app.minimumOsVersion()).isEqualTo(expected.minimumOs());
        assertThat(app.deviceFamilies()).isEqualTo(expected.families());
        assertThat(app.platform()).isEqualTo(Platform.IOS);
        assertThat(app.xcodeVersion()).isEqualTo(expected.xcode());
        assertThat(info.profile().type().id()).isEqualTo(expected.type());
        assertThat(info.profile().teamId()).isEqualTo(expected.teamId());
        assertThat(info.profile().expiresAt()).hasToString(expected.expiresAt());
        assertThat(info.profile().devices()).hasSize(expected.devices());
        if (expected.firstDevice() != null) {
            assertThat(info.profile().devices().get(0)).isEqualTo(expected.firstDevice());
        }
        if (expected.iconPath() == null) {
            assertThat(info.icon()).isNull();
            assertThat(info.iconNote()).isNotBlank();
        } else {
            assertThat(info.icon().path()).isEqualTo(expected.iconPath());
            assertThat(info.icon().width()).isEqualTo(expected.iconWidth());
            assertThat(info.icon().height()).isEqualTo(expected.iconWidth());
            assertThat(info.icon().crushed()).isTrue();
        }
        assertThat(info.appStoreEncrypted()).isFalse();
        assertThat(info.archiveSize()).isEqualTo(Files.size(ipa));
    }
}
