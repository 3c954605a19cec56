package dev.slipway.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.device.ProfileDevices.Verdict;
import dev.slipway.ipa.profile.DistributionType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileDevicesTest {
    private static final String OLD_UDID = "fcb7c60cd9b9fb79b14be6934cd93f99bcd8e7fa";

    @Test
    void verdict_udidInProfileInOtherCase_isRegistered() {
        ProfileDevices adHoc = new ProfileDevices(DistributionType.AD_HOC, false, List.of(OLD_UDID));

        assertThat(adHoc.verdict(OLD_UDID.toUpperCase())).isEqualTo(Verdict.REGISTERED);
        assertThat(adHoc.verdict("00008130-001A2B3C4D5E6F70")).isEqualTo(Verdict.NOT_REGISTERED);
        assertThat(adHoc.limitsDevices()).isTrue();
    }

    @Test
    void verdict_enterpriseAndAppStore_needNoCheck() {
        assertThat(new ProfileDevices(DistributionType.ENTERPRISE, true, List.of()).verdict(OLD_UDID)).isEqualTo(Verdict.ANY_DEVICE);
        assertThat(new ProfileDevices(DistributionType.APP_STORE, false, List.of()).verdict(OLD_UDID)).isEqualTo(Verdict.NO_DEVICE);
        assertThat(new ProfileDevices(null, false, List.of()).limitsDevices()).isFalse();
    }
}
