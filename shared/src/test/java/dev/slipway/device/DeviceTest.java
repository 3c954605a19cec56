package dev.slipway.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final DeviceAttributes IPHONE = new DeviceAttributes("00008130-001A2B3C4D5E6F70", "iPhone16,1", "21A329",
            "Ada's\tiPhone\n");

    @Test
    void parse_writtenRecord_roundTrips() throws Exception {
        Device device = Device.enrolled(IPHONE, "/b/dqj2q5cxgv3adsyufere", NOW);

        assertThat(Device.parse(device.toJson(), "k")).isEqualTo(device);
        assertThat(device.model()).isEqualTo("iPhone 15 Pro");
        assertThat(device.deviceName()).isEqualTo("Ada'siPhone");
    }

    @Test
    void again_manyLinks_keepsTheNewestTwenty() {
        Device device = Device.enrolled(IPHONE, "/a/app0", NOW);
        for (int i = 1; i <= 25; i++) {
            device = device.again(IPHONE, "/a/app" + i, NOW.plusSeconds(i));
        }

        assertThat(device.links()).hasSize(20).startsWith("/a/app6").endsWith("/a/app25");
        assertThat(device.firstSeen()).isEqualTo(NOW);
    }

    @Test
    void parse_notARecord_namesTheKey() {
        assertThatThrownBy(() -> Device.parse("{}".getBytes(), "devices/x.json")).isInstanceOf(DeviceStoreException.class)
                .hasMessage("device record devices/x.json is not valid");
    }

    @Test
    void attributes_badUdid_namesTheAttributeNotTheValue() {
        assertThatThrownBy(() -> new DeviceAttributes("0000-secret", "iPhone16,1", "21A329", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("UDID is malformed");
    }

    @Test
    void nameOf_knownAndUnknownProducts_nameOrIdentifier() {
        assertThat(ModelNames.nameOf("iPhone16,1")).isEqualTo("iPhone 15 Pro");
        assertThat(ModelNames.nameOf("iPhone17,5")).isEqualTo("iPhone 16e");
        assertThat(ModelNames.nameOf("iPad16,3")).isEqualTo("iPad Pro 11-inch (M4)");
        assertThat(ModelNames.nameOf("iPhone99,9")).isEqualTo("iPhone99,9");
    }

    @Test
    void link_pageUrlAndIds_areDerivedFromThePath() {
        EnrolmentLink build = new EnrolmentLink("/b/dqj2q5cxgv3adsyufere", "tok");
        EnrolmentLink app = new EnrolmentLink("/a/com.example.app/beta", "tok");

        assertThat(build.url("https://h")).isEqualTo("https://h/b/dqj2q5cxgv3adsyufere?t=tok");
        assertThat(build.buildId()).isEqualTo("dqj2q5cxgv3adsyufere");
        assertThat(app.bundleId()).isEqualTo("com.example.app");
        assertThat(List.of(app.buildId() == null, build.bundleId() == null)).containsOnly(true);
    }
}
