package dev.slipway.ipa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.fixtures.TestIpa;
import dev.slipway.fixtures.TestProfile;
import dev.slipway.ipa.profile.DistributionType;
import dev.slipway.ipa.profile.ProfileParser;
import dev.slipway.ipa.profile.ProvisioningProfile;
import dev.slipway.ipa.zip.BlockCache;
import dev.slipway.ipa.zip.FileByteSource;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generated IPAs and profiles the core suite uses in place of the real-world corpus read as
 * what they claim to be, so a test built on them tests the reader and not the generator's mistakes.
 */
class GeneratedIpaTest {
    @TempDir
    Path dir;

    @Test
    void read_generatedIpa_readsEveryPartItWasBuiltWith() throws Exception {
        Instant expires = Instant.now().plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Path ipa = TestIpa.app().bundleId("dev.slipway.test.every").name("Every Part").version("3.1").build("42")
                .minimumOs("16.4").families(1, 2).iconSize(180).extension("Widget")
                .profile(TestProfile.adHoc().expires(expires).devices("00008110-0001", "00008110-0002"))
                .write(dir.resolve("every.ipa"));

        IpaInfo info = read(ipa);

        assertThat(info.app().path()).isEqualTo("Payload/Every Part.app/");
        assertThat(info.app().bundleId()).isEqualTo("dev.slipway.test.every");
        assertThat(info.app().name()).isEqualTo("Every Part");
        assertThat(info.app().version()).isEqualTo("3.1");
        assertThat(info.app().build()).isEqualTo("42");
        assertThat(info.icon().width()).isEqualTo(180);
        assertThat(info.icon().crushed()).isTrue();
        assertThat(info.extensions()).extracting(AppBundle::bundleId).containsExactly("dev.slipway.test.every.Widget");
        ProvisioningProfile profile = info.profile();
        assertThat(profile.type()).isEqualTo(DistributionType.AD_HOC);
        assertThat(profile.signed()).isTrue();
        assertThat(profile.expiresAt()).isEqualTo(expires);
        assertThat(profile.devices()).containsExactly("00008110-0001", "00008110-0002");
        assertThat(profile.teamId()).isEqualTo(TestProfile.TEAM_ID);
        assertThat(profile.certificates()).singleElement()
                .satisfies(certificate -> assertThat(certificate.commonName()).isEqualTo(TestProfile.CERTIFICATE_NAME));
    }

    @Test
    void read_binaryInfoPlistWithoutIconOrProfile_readsTheApp() throws Exception {
        Path ipa = TestIpa.app().bundleId("dev.slipway.test.bare").binaryPlist().iconSize(0).profile((byte[]) null)
                .write(dir.resolve("bare.ipa"));

        IpaInfo info = read(ipa);

        assertThat(info.app().bundleId()).isEqualTo("dev.slipway.test.bare");
        assertThat(info.icon()).isNull();
        assertThat(info.profile()).isNull();
    }

    @ParameterizedTest
    @EnumSource(DistributionType.class)
    void parse_generatedProfileOfEachType_hasThatType(DistributionType type) throws Exception {
        Supplier<TestProfile> profile = switch (type) {
            case DEVELOPMENT -> TestProfile::development;
            case AD_HOC -> TestProfile::adHoc;
            case ENTERPRISE -> TestProfile::enterprise;
            case APP_STORE -> TestProfile::appStore;
        };

        assertThat(ProfileParser.parse(profile.get().signed()).type()).isEqualTo(type);
    }

    @Test
    void parse_sameProfileSignedXmlAndBinary_readsTheSameExceptSigned() throws Exception {
        TestProfile profile = TestProfile.enterprise().created(Instant.parse("2026-01-02T03:04:05Z"))
                .expires(Instant.parse("2027-01-02T03:04:05Z"));

        ProvisioningProfile signed = ProfileParser.parse(profile.signed());
        ProvisioningProfile xml = ProfileParser.parse(profile.xml());
        ProvisioningProfile binary = ProfileParser.parse(profile.binary());

        assertThat(signed.signed()).isTrue();
        assertThat(xml.signed()).isFalse();
        assertThat(xml).usingRecursiveComparison().ignoringFields("signed").isEqualTo(signed);
        assertThat(binary).usingRecursiveComparison().isEqualTo(xml);
    }

    private static IpaInfo read(Path ipa) throws Exception {
        try (BlockCache source = new BlockCache(FileByteSource.open(ipa))) {
            return new IpaReader().read(source);
        }
    }
}
