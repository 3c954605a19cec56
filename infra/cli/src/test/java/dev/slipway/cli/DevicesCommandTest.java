package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.device.Device;
import dev.slipway.device.DeviceAttributes;
import dev.slipway.device.DeviceStore;
import dev.slipway.device.ProfileDevices;
import dev.slipway.fixtures.Fixtures;
import dev.slipway.local.LocalStack;
import dev.slipway.storage.SdkObjectStore;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code slipway devices} against a local stack started in this JVM: a development build published
 * from a fixture, and enrolled devices stored as the enrol function stores them, one of them in the
 * build's profile and one not.
 */
class DevicesCommandTest {
    private static final Instant SEEN = Instant.parse("2026-11-20T10:00:00Z");
    private static final String UNREGISTERED = "00008130-001A2B3C4D5E6F70";

    @RegisterExtension
    static final LocalStackExtension LOCAL = new LocalStackExtension();

    private static String build;
    private static String registered;

    @BeforeAll
    static void start() throws Exception {
        build = LOCAL.publish(Fixtures.get("ipa/app_info-iphone.ipa")).buildId();
        ProfileDevices profile = ProfileDevices.of(LOCAL.stack().catalog().build(build).orElseThrow());
        registered = profile.udids().get(0);
        DeviceStore store = new DeviceStore(new SdkObjectStore(LOCAL.stack().s3(), LocalStack.BUCKET));
        store.put(Device.enrolled(new DeviceAttributes(registered, "iPhone14,2", "20A362", "Grace's iPhone"),
                "/b/" + build, SEEN));
        store.put(Device.enrolled(new DeviceAttributes(UNREGISTERED, "iPhone16,1", "21A329", null),
                "/a/com.example.other", SEEN.plusSeconds(60)));
    }

    @Test
    void devices_local_listsEveryEnrolledDeviceNewestFirst() {
        Cli.Run run = LOCAL.cli("devices");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines()[0]).startsWith("UDID").contains("Model", "Name", "iOS build", "Last seen (UTC)");
        assertThat(run.lines()[1]).startsWith(UNREGISTERED).contains("iPhone 15 Pro", "21A329", "2026-11-20 10:01");
        assertThat(run.lines()[2]).startsWith(registered).contains("iPhone 13 Pro", "Grace's iPhone", "2026-11-20 10:00");
    }

    @Test
    void devices_formatApple_writesThePortalsBulkFile() {
        Cli.Run run = LOCAL.cli("devices", "--format", "apple");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Device ID\tDevice Name\tDevice Platform\n"
                + UNREGISTERED + "\tiPhone 15 Pro\tios\n"
                + registered + "\tGrace's iPhone\tios\n");
    }

    @Test
    void devices_missingBuild_listsOnlyDevicesItsProfileLacks() {
        Cli.Run run = LOCAL.cli("devices", "--missing", build, "--format", "apple");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Device ID\tDevice Name\tDevice Platform\n" + UNREGISTERED + "\tiPhone 15 Pro\tios\n");
    }

    @Test
    void devices_app_keepsDevicesEnrolledFromItsBuildsAndPages() {
        String bundleId = stackBundleId();

        Cli.Run ofBuildApp = LOCAL.cli("devices", bundleId, "--format", "apple");
        Cli.Run ofOther = LOCAL.cli("devices", "com.example.other", "--format", "apple");

        assertThat(ofBuildApp.out()).isEqualTo("Device ID\tDevice Name\tDevice Platform\n" + registered + "\tGrace's iPhone\tios\n");
        assertThat(ofOther.out()).isEqualTo("Device ID\tDevice Name\tDevice Platform\n" + UNREGISTERED + "\tiPhone 15 Pro\tios\n");
    }

    private static String stackBundleId() {
        try {
            return LOCAL.stack().catalog().build(build).orElseThrow().bundleId();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
