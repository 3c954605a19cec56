package dev.slipway.ipa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.ipa.Installability.Facts;
import dev.slipway.ipa.Installability.Finding;
import dev.slipway.ipa.Installability.Severity;
import dev.slipway.ipa.profile.DistributionType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstallabilityTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(86_400 * 30);

    @Test
    void assess_validAdHoc_isInstallableWithTheDevicesNote() {
        List<Finding> findings = Installability.assess(new Facts(Platform.IOS, DistributionType.AD_HOC, 1, "Team", LATER, LATER, false), NOW);

        assertThat(Installability.installable(findings)).isTrue();
        assertThat(findings).containsExactly(new Finding(Severity.NOTE, "devices",
                "installs only on the 1 device registered in the profile; on iOS 16 or later, Developer Mode must be on"));
    }

    @Test
    void assess_enterprise_namesTheTeamToTrust() {
        List<Finding> findings = Installability.assess(new Facts(Platform.IOS, DistributionType.ENTERPRISE, 0, "Acme Ltd", LATER, LATER,
                false), NOW);

        assertThat(findings).extracting(Finding::message).containsExactly(
                "enterprise build: after installing, trust \"Acme Ltd\" in Settings › General › VPN & Device Management");
    }

    @Test
    void assess_expiredProfileAndCertificate_blockWithTheDates() {
        Instant profile = Instant.parse("2026-11-21T11:59:59Z");
        Instant certificate = Instant.parse("2026-01-02T00:00:00Z");

        List<Finding> findings = Installability.assess(new Facts(Platform.IOS, DistributionType.DEVELOPMENT, 3, "T", profile, certificate,
                false), NOW);

        assertThat(Installability.installable(findings)).isFalse();
        assertThat(findings).extracting(Finding::code).containsExactly("profile-expired", "certificate-expired", "devices");
        assertThat(findings.get(0).message()).isEqualTo("the provisioning profile expired on 21 Nov 2026");
        assertThat(findings.get(1).message()).isEqualTo("the signing certificate expired on 2 Jan 2026");
    }

    @Test
    void assess_appStoreEncryptedSimulatorUnsigned_eachBlocks() {
        assertThat(Installability.assess(new Facts(Platform.IOS, DistributionType.APP_STORE, 0, "T", LATER, LATER, true), NOW))
                .extracting(Finding::code).containsExactly("app-store", "encrypted");
        assertThat(Installability.assess(new Facts(Platform.IOS_SIMULATOR, null, 0, null, null, null, false), NOW))
                .extracting(Finding::code).containsExactly("platform", "unsigned");
    }
}
