package dev.slipway.ipa.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.PropertyListParser;
import dev.slipway.fixtures.Corpus;
import dev.slipway.fixtures.Fixtures;
import dev.slipway.fixtures.TestProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/*
 * Every expected fixture value below was read without this parser or BouncyCastle/dd-plist:
 *
 *   openssl cms -verify -noverify -inform DER -in F > F.plist    # CMS fixtures: the encapsulated plist
 *   python3 -c 'import plistlib,sys; print(plistlib.load(open(sys.argv[1], "rb")))' F.plist
 *   # each DeveloperCertificates blob, written out by plistlib, then:
 *   openssl x509 -inform DER -noout -subject -serial -startdate -enddate -fingerprint -sha1 -nameopt RFC2253
 *
 * (fingerprints copied with their colons dropped). plistlib refuses the sanitised certificate of
 * the three "com.icyleaf.ios" fixtures, so their other values were read after deleting the array:
 *   re.sub(rb'(?s)<key>DeveloperCertificates</key>\s*<array>.*?</array>', b'', xml)
 */
class ProfileParserTest {
    private static final String NICELIVING = "Niceliving (Beijing) Technology Co., Ltd.";
    private static final DeveloperCertificate NICELIVING_DISTRIBUTION = nicelivingCertificate(
            "CN=Apple Distribution: Niceliving (Beijing) Technology Co.\\, Ltd. (WKR87TTKML),UID=WKR87TTKML",
            "Apple Distribution: Niceliving (Beijing) Technology Co., Ltd. (WKR87TTKML)", "4183BFB5DE015BF9",
            "2019-10-25T08:40:28Z", "2020-10-24T08:40:28Z", "B2144D88801FF9A5C1536F179E4876B02CFFDA73");
    private static final DeveloperCertificate NICELIVING_DEVELOPMENT = nicelivingCertificate(
            "CN=Apple Development: Shen Wang (A3Z3NZQ8V3),UID=SY5DGV3J4K", "Apple Development: Shen Wang (A3Z3NZQ8V3)",
            "1F1AA133B9991558", "2020-05-28T13:33:21Z", "2021-05-28T13:33:21Z", "B8357AF0954E90B0DC7B4409CC1B49934AF5B559");
    private static final String NICELIVING_APP_ID = "WKR87TTKML.com.icyleaf.appinfo.test";
    private static final String IPHONE_UDID = "e801228c2086d3aacc917b9c3d19bfa56efcab5b";
    private static final String SANITISED_CERTIFICATE = "provisioning profile has an unreadable developer certificate #1";

    // ---- every fixture in shared/fixtures/profiles ----

    @Corpus
    @Test
    void fixtures_profilesFolder_everyFileHasATestHere() {
        // given the fixtures each test below reads by name
        Set<String> tested = Set.of("app_info-bplist.mobileprovision", "app_info-ios_adhoc.mobileprovision",
                "app_info-ios_appstore.mobileprovision", "app_info-ios_development.mobileprovision",
                "app_info-macos_appstore.provisionprofile", "app_info-macos_development.provisionprofile",
                "app_info-plist.mobileprovision", "app_info-profile.mobileprovision",
                "app_info-signed_plist.mobileprovision", "fastlane-test.mobileprovision");

        // when
        List<String> present = Fixtures.all("profiles").stream().map(path -> path.getFileName().toString()).toList();

        // then a new fixture fails here until it gets a test
        assertThat(present).containsExactlyInAnyOrderElementsOf(tested);
    }

    @Corpus
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/dev/slipway/ipa/profile/niceliving-profiles.csv", numLinesToSkip = 1)
    void parse_nicelivingFixture_readsEveryFieldAndSupportsOnlyItsPlatform(String fixture, String name, String uuid,
            String created, String expires, String platform, String devices, boolean getTaskAllow, String apsEnvironment,
            boolean betaReports, DistributionType type) throws Exception {
        assertParsesTo(fixture, new ProvisioningProfile(name, uuid, "WKR87TTKML", NICELIVING, "test by wangshen",
                Instant.parse(created), Instant.parse(expires), List.of(platform),
                devices == null ? List.of() : List.of(devices.split(";")), false,
                new Entitlements(NICELIVING_APP_ID, getTaskAllow, apsEnvironment, betaReports, "WKR87TTKML"),
                List.of(type == DistributionType.DEVELOPMENT ? NICELIVING_DEVELOPMENT : NICELIVING_DISTRIBUTION), type, true));
    }

    static Stream<Arguments> otherFixtures() {
        return Stream.of(
                // Xcode-managed, with two certificates: both read, in order
                Arguments.of("app_info-profile.mobileprovision", new ProvisioningProfile(
                        "iOS Team Provisioning Profile: com.icyleaf.iOS", "5a7e37d2-052c-40f1-bf02-f493f28f2e3e",
                        "KJSWUGJ39S", "Shen Wang", "XC com icyleaf iOS",
                        Instant.parse("2019-09-16T08:11:28Z"), Instant.parse("2019-09-23T08:11:28Z"), List.of("iOS"),
                        List.of("00008020-001430D41A68002E"), false,
                        new Entitlements("KJSWUGJ39S.com.icyleaf.iOS", true, null, false, "KJSWUGJ39S"),
                        List.of(new DeveloperCertificate(
                                "C=US,O=Shen Wang,OU=KJSWUGJ39S,CN=iPhone Developer: icyleaf.cn@gmail.com (7MTJ2DCLYY),"
                                        + "UID=7AL6M9NWJ7",
                                "iPhone Developer: icyleaf.cn@gmail.com (7MTJ2DCLYY)", "20B91B238B5CA171",
                                Instant.parse("2019-09-16T08:01:27Z"), Instant.parse("2020-09-15T08:01:27Z"),
                                "39AD59AD87C6DD8EF32E33EE0F2E13DF133961E5"),
                                new DeveloperCertificate(
                                "C=US,O=Shen Wang,OU=KJSWUGJ39S,CN=Apple Development: icyleaf.cn@gmail.com (7MTJ2DCLYY),"
                                        + "UID=7AL6M9NWJ7",
                                "Apple Development: icyleaf.cn@gmail.com (7MTJ2DCLYY)", "684F76295C8EFE30",
                                Instant.parse("2019-07-23T10:12:39Z"), Instant.parse("2020-07-22T10:12:39Z"),
                                "080D3780BBD3BFCDF8258770E6AEEB2430044A8A")),
                        DistributionType.DEVELOPMENT, true)),
                // a 2015 App Store profile whose certificate serial starts with 0x03: the leading zero kept
                Arguments.of("fastlane-test.mobileprovision", new ProvisioningProfile(
                        "tools.fastlane.app AppStore", "98264c6b-5151-4349-8d0f-66691e48ae35",
                        "439BBM9367", "Felix Krause", "fastlane test app",
                        Instant.parse("2015-11-08T21:09:03Z"), Instant.parse("2016-11-07T20:58:52Z"), List.of("iOS"),
                        List.of(), false, new Entitlements("439BBM9367.tools.fastlane.app", false, null, true, "439BBM9367"),
                        List.of(new DeveloperCertificate(
                                "C=US,O=Felix Krause,OU=439BBM9367,CN=iPhone Distribution: Felix Krause (439BBM9367),"
                                        + "UID=439BBM9367",
                                "iPhone Distribution: Felix Krause (439BBM9367)", "03E864E90C414228",
                                Instant.parse("2015-11-08T20:58:52Z"), Instant.parse("2016-11-07T20:58:52Z"),
                                "061D3B3DDDCE32CE3FB5901AC608E5AA6C9C540C")),
                        DistributionType.APP_STORE, true)));
    }

    @Corpus
    @ParameterizedTest(name = "{0}")
    @MethodSource("otherFixtures")
    void parse_otherFixture_readsEveryFieldAndSupportsOnlyItsPlatform(String fixture, ProvisioningProfile expected)
            throws Exception {
        assertParsesTo(fixture, expected);
    }

    private static void assertParsesTo(String fixture, ProvisioningProfile expected) throws Exception {
        // given
        byte[] data = Fixtures.bytes("profiles/" + fixture);

        // when
        ProvisioningProfile profile = ProfileParser.parse(data);

        // then
        assertThat(profile).isEqualTo(expected);
        for (String platform : List.of("iOS", "OSX")) {
            assertThat(profile.supportsPlatform(platform)).as(platform).isEqualTo(expected.platforms().contains(platform));
        }
    }

    // The three app_info "com.icyleaf.ios" fixtures carry a sanitised certificate: its base64 starts
    // "SampleDCCBJyg…" instead of a real DER header, so no X.509 parser (openssl included) reads it.

    @Corpus
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "app_info-plist.mobileprovision", // bare XML
        "app_info-bplist.mobileprovision", // bare binary
        // an openssl-style CMS message (indefinite lengths, constructed OCTET STRING) whose plist is the
        // sanitised one: failing on the certificate proves the CMS layer was read
        "app_info-signed_plist.mobileprovision"})
    void parse_fixtureWithSanitisedCertificate_rejectsTheCertificate(String fixture) {
        // given
        byte[] data = Fixtures.bytes("profiles/" + fixture);

        // when / then
        assertThatThrownBy(() -> ProfileParser.parse(data)).isInstanceOf(ProfileException.class)
                .hasMessage(SANITISED_CERTIFICATE);
    }

    @Corpus
    @Test
    void parse_bareXmlFixtureWithoutItsCertificates_readsAnUnsignedEnterpriseProfile() throws Exception {
        // given the unsigned XML fixture minus its sanitised certificate
        String xml = new String(Fixtures.bytes("profiles/app_info-plist.mobileprovision"), StandardCharsets.UTF_8);
        String withoutCertificates = xml.replaceAll("(?s)<key>DeveloperCertificates</key>\\s*<array>.*?</array>", "");
        assertThat(withoutCertificates).hasSizeLessThan(xml.length());

        // when
        ProvisioningProfile profile = ProfileParser.parse(withoutCertificates.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(profile).isEqualTo(icyleafEnterprise());
    }

    @Corpus
    @Test
    void parse_bareBinaryFixtureWithoutItsCertificates_readsAnUnsignedEnterpriseProfile() throws Exception {
        // given the binary fixture minus its sanitised certificate, rewritten as a binary plist
        NSDictionary root = (NSDictionary) PropertyListParser.parse(Fixtures.bytes("profiles/app_info-bplist.mobileprovision"));
        assertThat(root.remove("DeveloperCertificates")).isNotNull();
        byte[] data = BinaryPropertyListWriter.writeToArray(root);

        // when
        ProvisioningProfile profile = ProfileParser.parse(data);

        // then
        assertThat(profile).isEqualTo(icyleafEnterprise());
    }

    /** A certificate of the Niceliving team: its subject after the organisation's own names. */
    private static DeveloperCertificate nicelivingCertificate(String subjectTail, String name, String serial,
            String notBefore, String notAfter, String sha1) {
        return new DeveloperCertificate("C=US,O=Niceliving (Beijing) Technology Co.\\, Ltd.,OU=WKR87TTKML," + subjectTail,
                name, serial, Instant.parse(notBefore), Instant.parse(notAfter), sha1);
    }

    private static ProvisioningProfile icyleafEnterprise() {
        return new ProvisioningProfile("com.icyleaf.ios", "12345678-5af4-4b93-b7e1-ca71e35562e1", "1234567890", "icyleaf",
                "ios", Instant.parse("2019-06-20T11:47:07Z"), Instant.parse("2020-06-19T11:47:07Z"), List.of("iOS"),
                List.of(), true, new Entitlements("1234567890.com.icyleaf.ios", false, "production", false, "1234567890"),
                List.of(), DistributionType.ENTERPRISE, false);
    }

    // ---- hostile and broken input ----

    static Stream<Arguments> unreadableProfiles() throws Exception {
        String notCmsOrPlist = "provisioning profile is not a signed CMS message or a property list";
        return Stream.of(
                unreadable("empty", new byte[0], "provisioning profile is empty"),
                // the first byte none of 0x30, '<', 'b'
                unreadable("noise", noise(0x17), notCmsOrPlist),
                unreadable("noise that looks like DER only in its first byte", noise(0x30),
                        notCmsOrPlist + ": its encoding is damaged or cut short"),
                // a valid start of CMS: rejected before parsing
                unreadable("one byte over 1 MiB", startingWith(0x30, 1024 * 1024 + 1),
                        "provisioning profile is 1048577 bytes, over the 1 MiB limit"),
                // zeros: too big would be the wrong complaint
                unreadable("exactly 1 MiB", new byte[1024 * 1024], notCmsOrPlist),
                unreadable("a plist whose root is an array", xml(new NSArray(new NSString("UUID"))),
                        "provisioning profile's property list root is array, expected dictionary"),
                unreadable("XML that is not a plist", "<?xml version=\"1.0\"?><html/>".getBytes(StandardCharsets.UTF_8),
                        "provisioning profile's property list is unreadable: its root element is <html>, not <plist>"),
                // a detached (content-less) SignedData with no signers
                unreadable("CMS without encapsulated content", new CMSSignedDataGenerator()
                        .generate(new CMSProcessableByteArray(xml(minimalProfile())), false).getEncoded(),
                        "provisioning profile's CMS message has no encapsulated content"),
                // a well-formed SignedData whose content is not XML or a binary plist
                unreadable("CMS wrapping plain text", new CMSSignedDataGenerator()
                        .generate(new CMSProcessableByteArray("Name = x;".getBytes(StandardCharsets.US_ASCII)), true)
                        .getEncoded(), "provisioning profile's signed content is not a property list"));
    }

    private static Arguments unreadable(String what, byte[] data, String message) {
        return Arguments.of(Named.of(what, data), message);
    }

    /** 4 KiB of noise from a fixed seed, its first byte replaced. */
    private static byte[] noise(int firstByte) {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[0] = (byte) firstByte;
        return noise;
    }

    private static byte[] startingWith(int firstByte, int length) {
        byte[] data = new byte[length];
        data[0] = (byte) firstByte;
        return data;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableProfiles")
    void parse_unreadableBytes_isRejectedSayingWhy(byte[] data, String message) {
        assertThatThrownBy(() -> ProfileParser.parse(data)).isInstanceOf(ProfileException.class).hasMessage(message);
    }

    @Corpus
    @Test
    void parse_firstHalfOfARealProfile_isATruncatedCmsMessage() {
        // given
        byte[] whole = Fixtures.bytes("profiles/app_info-ios_adhoc.mobileprovision");
        byte[] half = Arrays.copyOf(whole, whole.length / 2);

        // when / then
        assertThatThrownBy(() -> ProfileParser.parse(half)).isInstanceOf(ProfileException.class)
                .hasMessage("provisioning profile is not a signed CMS message or a property list: "
                        + "its encoding is damaged or cut short");
    }

    @Test
    void parse_tenThousandDevices_isAccepted() throws Exception {
        // given
        NSDictionary root = minimalProfile();
        root.put("ProvisionedDevices", udids(10_000));

        // when
        ProvisioningProfile profile = ProfileParser.parse(xml(root));

        // then
        assertThat(profile.devices()).hasSize(10_000).startsWith("udid-0");
    }

    static Stream<Arguments> malformedProfiles() {
        return Stream.of(
                malformed("required Name missing", root -> root.remove("Name"), "provisioning profile has no Name"),
                malformed("required UUID missing", root -> root.remove("UUID"), "provisioning profile has no UUID"),
                malformed("required CreationDate missing", root -> root.remove("CreationDate"),
                        "provisioning profile has no CreationDate"),
                malformed("required ExpirationDate missing", root -> root.remove("ExpirationDate"),
                        "provisioning profile has no ExpirationDate"),
                malformed("device count over the cap", root -> root.put("ProvisionedDevices", udids(10_001)),
                        "provisioning profile lists 10001 devices, over the 10000 limit"),
                // 101 blobs that are not certificates at all: rejected before reading any
                malformed("certificate count over the cap", root -> root.put("DeveloperCertificates", repeated(101,
                        new NSData(new byte[] {1}))),
                        "provisioning profile lists 101 developer certificates, over the 100 limit"),
                malformed("platform count over the cap", root -> root.put("Platform", repeated(101, new NSString("iOS"))),
                        "provisioning profile lists 101 platforms, over the 100 limit"),
                // a valid certificate followed by garbage: its one-based position named
                malformed("second certificate unreadable", root -> root.put("DeveloperCertificates",
                        new NSArray(new NSData(TestProfile.certificate()), new NSData(new byte[] {0x30, 0}))),
                        "provisioning profile has an unreadable developer certificate #2"),
                malformed("UUID an integer", root -> root.put("UUID", 42),
                        "provisioning profile's UUID is integer, expected string"),
                malformed("ExpirationDate a string", root -> root.put("ExpirationDate", "2030-01-01"),
                        "provisioning profile's ExpirationDate is string, expected date"),
                malformed("get-task-allow a string", root -> root.put("Entitlements", entitlement("get-task-allow", "yes")),
                        "provisioning profile's Entitlements.get-task-allow is string, expected boolean"),
                malformed("a device an array", root -> root.put("ProvisionedDevices",
                        new NSArray(new NSString("a"), new NSArray())),
                        "provisioning profile's ProvisionedDevices[1] is array, expected string"));
    }

    private static Arguments malformed(String fault, Consumer<NSDictionary> change, String message) {
        return Arguments.of(Named.of(fault, change), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedProfiles")
    void parse_malformedProfile_isRejectedNamingTheFault(Consumer<NSDictionary> change, String message) {
        // given
        NSDictionary root = minimalProfile();
        change.accept(root);

        // when / then
        assertThatThrownBy(() -> ProfileParser.parse(xml(root))).isInstanceOf(ProfileException.class)
                .hasMessage(message);
    }

    @Test
    void parse_xmlAfterByteOrderMark_isAccepted() throws Exception {
        // given what a text editor may save
        byte[] xml = xml(minimalProfile());
        byte[] data = new byte[xml.length + 3];
        data[0] = (byte) 0xEF;
        data[1] = (byte) 0xBB;
        data[2] = (byte) 0xBF;
        System.arraycopy(xml, 0, data, 3, xml.length);

        // when
        ProvisioningProfile profile = ProfileParser.parse(data);

        // then
        assertThat(profile.signed()).isFalse();
        assertThat(profile.name()).isEqualTo("Synthetic");
    }

    @Test
    void parse_cmsWithEncapsulatedBinaryPlist_isSigned() throws Exception {
        // given
        byte[] signed = new CMSSignedDataGenerator()
                .generate(new CMSProcessableByteArray(BinaryPropertyListWriter.writeToArray(minimalProfile())), true)
                .getEncoded();

        // when
        ProvisioningProfile profile = ProfileParser.parse(signed);

        // then
        assertThat(profile.signed()).isTrue();
        assertThat(profile.uuid()).isEqualTo("00000000-0000-0000-0000-000000000001");
    }

    @Corpus
    @Test
    void parse_mutatedFixtures_failOnlyWithOneLineProfileExceptions() {
        // given every fixture with a few bytes overwritten or cut short, from a fixed seed
        Random random = new Random(20240601);
        for (Path fixture : Fixtures.all("profiles")) {
            byte[] original = Fixtures.bytes("profiles/" + fixture.getFileName());
            for (int i = 0; i < 300; i++) {
                byte[] mutated = i % 3 == 0 ? Arrays.copyOf(original, 1 + random.nextInt(original.length - 1))
                        : original.clone();
                for (int k = i % 3 == 0 ? 0 : 1 + random.nextInt(4); k > 0; k--) {
                    mutated[random.nextInt(i % 3 == 1 ? Math.min(200, mutated.length) : mutated.length)] =
                            (byte) random.nextInt(256);
                }

                // when
                try {
                    ProfileParser.parse(mutated);
                } catch (ProfileException e) {
                    // then
                    assertThat(e.getMessage()).startsWith("provisioning profile").doesNotContain("\n");
                } catch (RuntimeException e) {
                    fail("mutation " + i + " of " + fixture.getFileName() + " leaked " + e);
                }
            }
        }
    }

    // ---- convenience methods ----

    @Test
    void supportsPlatform_profileWithoutPlatformKey_countsAsIos() throws Exception {
        // given a profile from before Apple added Platform
        ProvisioningProfile profile = ProfileParser.parse(xml(minimalProfile()));

        // when / then
        assertThat(profile.platforms()).isEmpty();
        assertThat(profile.supportsPlatform("iOS")).isTrue();
        assertThat(profile.supportsPlatform("xrOS")).isFalse();
    }

    @Corpus
    @Test
    void includesDevice_adHocFixture_matchesListedUdidIgnoringCase() throws Exception {
        // given
        ProvisioningProfile profile = ProfileParser.parse(Fixtures.bytes("profiles/app_info-ios_adhoc.mobileprovision"));

        // when / then
        assertThat(profile.includesDevice(IPHONE_UDID.toUpperCase())).isTrue();
        assertThat(profile.includesDevice("00008020-001430D41A68002E")).isFalse();
    }

    @Test
    void includesDevice_allDevicesProfile_includesAnyDevice() throws Exception {
        // given
        NSDictionary root = minimalProfile();
        root.put("ProvisionsAllDevices", true);

        // when
        ProvisioningProfile profile = ProfileParser.parse(xml(root));

        // then
        assertThat(profile.type()).isEqualTo(DistributionType.ENTERPRISE);
        assertThat(profile.includesDevice("00008020-001430D41A68002E")).isTrue();
    }

    @Corpus
    @Test
    void isExpired_adHocFixture_expiresExactlyAtExpirationDate() throws Exception {
        // given a profile expiring 2020-10-24T08:40:28Z
        ProvisioningProfile profile = ProfileParser.parse(Fixtures.bytes("profiles/app_info-ios_adhoc.mobileprovision"));

        // when / then
        assertThat(profile.isExpired(Instant.parse("2020-10-24T08:40:27Z"))).isFalse();
        assertThat(profile.isExpired(Instant.parse("2020-10-24T08:40:28Z"))).isTrue();
    }

    @Test
    void id_everyDistributionType_isTheManifestSpelling() {
        assertThat(Arrays.stream(DistributionType.values()).map(DistributionType::id))
                .containsExactly("development", "ad-hoc", "enterprise", "app-store");
    }

    // ---- helpers ----

    private static NSDictionary minimalProfile() {
        NSDictionary root = new NSDictionary();
        root.put("Name", "Synthetic");
        root.put("UUID", "00000000-0000-0000-0000-000000000001");
        root.put("CreationDate", new NSDate(Date.from(Instant.parse("2024-01-01T00:00:00Z"))));
        root.put("ExpirationDate", new NSDate(Date.from(Instant.parse("2025-01-01T00:00:00Z"))));
        return root;
    }

    private static NSArray udids(int count) {
        NSObject[] udids = new NSObject[count];
        for (int i = 0; i < count; i++) {
            udids[i] = new NSString("udid-" + i);
        }
        return new NSArray(udids);
    }

    private static NSArray repeated(int count, NSObject element) {
        NSObject[] elements = new NSObject[count];
        Arrays.fill(elements, element);
        return new NSArray(elements);
    }

    private static NSDictionary entitlement(String key, String value) {
        NSDictionary entitlements = new NSDictionary();
        entitlements.put(key, value);
        return entitlements;
    }

    private static byte[] xml(NSObject root) {
        return root.toXMLPropertyList().getBytes(StandardCharsets.UTF_8);
    }
}
