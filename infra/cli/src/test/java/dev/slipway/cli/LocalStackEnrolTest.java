package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.fixtures.Fixtures;
import dev.slipway.local.LocalStack;
import dev.slipway.local.LocalStackException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import dev.slipway.device.ProfileDevices;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's "Check this device" end to end: {@code infra/devices/play-phone.sh} (openssl
 * and curl) plays the phone against a stack started with {@code --device-ca}, and a stack without
 * it refuses the very same phone.
 */
class LocalStackEnrolTest {
    private static final Path SCRIPT = Path.of("../devices/play-phone.sh").toAbsolutePath().normalize();

    @TempDir
    static Path temp;

    private static Path phone;
    private static String page;

    /** Trusts the test device CA the script makes just before the stack starts. */
    @RegisterExtension
    static final LocalStackExtension LOCAL = new LocalStackExtension(options -> {
        phone = temp.resolve("phone");
        assertThat(script("ca", phone.toString()).exit).isZero();
        return options.withDeviceCa(phone.resolve("test-ca.pem"));
    });

    @BeforeAll
    static void publish() {
        page = LOCAL.publish(Fixtures.get("ipa/fastlane-Example1.ipa")).page();
    }

    @Test
    void playPhone_withTheTestCaAdded_enrolsAndComesBackToThePage() throws Exception {
        Result run = script("enrol", phone.toString(), page, "--cacert", LOCAL.stack().info().caFile().toString());

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output)
                .contains("1. page            /b/")
                .contains("2. profile         /enrol/b/")
                .contains("PayloadType Profile Service, answers to " + LOCAL.stack().info().pages() + "/enrol/answer")
                .containsPattern("3\\. signed answer   POST /enrol/answer \\([0-9]+ bytes\\) -> HTTP 301")
                .contains("4. redirect        " + page.substring(0, page.indexOf('?')) + "?t=…&device=…")
                .contains("5. page again      data-verdict=\"not-registered\"")
                .doesNotContain("00008130");
        Cli.Run devices = LOCAL.cli("devices", "--format", "apple");
        assertThat(devices.out()).startsWith("Device ID\tDevice Name\tDevice Platform\n")
                .contains("\n00008130-001A2B3C4D5E6F70\tTest iPhone\tios\n");
    }

    @Test
    void playPhone_deviceInTheBuildsProfile_pageSaysRegistered() throws Exception {
        String buildId = page.substring(page.indexOf("/b/") + 3, page.indexOf('?'));
        String listed = ProfileDevices.of(LOCAL.stack().catalog().build(buildId).orElseThrow()).udids().get(0);

        Result run = script(Map.of("UDID", listed, "DEVICE_NAME", "Listed iPhone"), "enrol", phone.toString(), page,
                "--cacert", LOCAL.stack().info().caFile().toString());

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("5. page again      data-verdict=\"registered\"");
    }

    @Test
    void playPhone_stackWithoutTheTestCa_isRefusedAndStoresNothing() throws Exception {
        Path otherData = temp.resolve("plain");
        try (LocalStack plain = LoopbackStack.start(otherData)) {
            Cli.Run published = Cli.run("publish", Fixtures.get("ipa/fastlane-Example1.ipa").toString(), "--local", "--data",
                    otherData.toString(), "--no-qr");

            Result run = script("enrol", phone.toString(), published.lines()[1], "--cacert",
                    plain.info().caFile().toString());

            assertThat(run.exit).isEqualTo(2);
            assertThat(run.output).contains("-> HTTP 403").contains("play-phone: the answer was refused");
            assertThat(Cli.run("devices", "--local", "--data", otherData.toString()).out()).isEqualTo("No enrolled devices.\n");
        }
    }

    @Test
    void answer_over64KiloBytes_is413() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(LOCAL.stack())).build();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(LOCAL.stack().info().pages().resolve("/enrol/answer"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[65 * 1024])).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void deviceCa_notACertificateAuthority_refusesToStart() {
        Path device = phone.resolve("device.pem");

        assertThatThrownBy(() -> LocalStack.start(LoopbackStack.options(temp.resolve("bad")).withDeviceCa(device), line -> { })).isInstanceOf(LocalStackException.class)
                .hasMessage("--device-ca " + device + ": test device CA CN=0028864F-4A2C-4C23-997D-E73E4A0838D3 is not a "
                        + "certificate authority (basicConstraints CA:TRUE with keyCertSign)");
    }

    private record Result(int exit, String output) {
    }

    private static Result script(String... args) throws IOException, InterruptedException {
        return script(Map.of(), args);
    }

    private static Result script(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static SSLContext trusting(LocalStack stack) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("local", LOCAL.stack().tls().trustAnchor());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
