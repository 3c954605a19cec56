package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.fixtures.Corpus;
import dev.slipway.fixtures.Fixtures;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Slipway.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Corpus
    @Test
    void inspect_json_hasTheDocumentedKeys() throws Exception {
        int code = run("inspect", Fixtures.get("ipa/app_info-embedded.ipa").toString(), "--json", "--stats");

        assertThat(code).isZero();
        Map<String, Object> json = JSON.std.mapFrom(out.toString());
        assertThat(json).containsKeys("bundleId", "version", "build", "name", "minimumOsVersion", "deviceFamilies",
                "platform", "profile", "icon", "extensions", "stats");
        assertThat(json.get("bundleId")).isEqualTo("com.icyleaf.test.Demo");
        assertThat(json.get("deviceFamilies")).isEqualTo(List.of("iphone", "ipad"));
        assertThat(json.get("icon")).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) json.get("profile");
        assertThat(profile).containsEntry("type", "enterprise").containsEntry("teamId", "72LA85G59H")
                .containsEntry("expiresAt", "2022-01-15T06:40:53Z").containsEntry("devices", List.of());
        assertThat((List<?>) json.get("extensions")).hasSize(1);
        assertThat(err.toString()).isEmpty();
    }

    @Corpus
    @Test
    void inspect_human_summarisesWhatMattersForInstalling() {
        int code = run("inspect", Fixtures.get("ipa/fastlane-Example1.ipa").toString(), "--stats");

        assertThat(code).isZero();
        assertThat(out.toString())
                .startsWith("iTanky 1.0 (1.0)\n")
                .contains("  Bundle id   at.felixkrause.iTanky\n")
                .contains("  Profile     ad-hoc · \"iTanky Ad Hoc Krause New 2\"")
                .contains("  Devices     24 registered\n")
                .containsPattern("  Devices     24 registered\n(              [0-9a-f]{40}\n){24}")
                .contains("  Icon        Icon@2x.png 114×114 (crushed by Xcode, decoded)\n")
                .contains("✗ the provisioning profile expired on 23 Jul 2012")
                .containsPattern("Read +[0-9,]+ bytes in \\d+ reads, of 2,056,240");
    }

    @Corpus
    @Test
    void inspect_icon_writesADecodedPng() throws Exception {
        Path png = dir.resolve("icon.png");

        int code = run("inspect", Fixtures.get("ipa/profileInspector-spotmyride.ipa").toString(), "--icon", png.toString());

        assertThat(code).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(114);
        assertThat(image.getHeight()).isEqualTo(114);
    }

    @Corpus
    @Test
    void inspect_invalidIpa_exitsTwoWithOneLine() {
        int code = run("inspect", Fixtures.get("invalid/isign-NotAnApp.ipa").toString());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo(
                "slipway: isign-NotAnApp.ipa: no Payload/<App>.app/Info.plist found: this ZIP holds no iOS app\n");
    }

    @Test
    void inspect_missingFile_exitsTwo() {
        int code = run("inspect", dir.resolve("nope.ipa").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("slipway: no such file: " + dir.resolve("nope.ipa") + "\n");
    }

    @Corpus
    @Test
    void inspect_noIcon_saysWhyAndExitsOne() {
        int code = run("inspect", Fixtures.get("ipa/ipa-server-test.ipa").toString(), "--icon",
                dir.resolve("x.png").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("slipway: no icon written: icon only in Assets.car (not extracted)\n");
    }

    @Test
    void inspect_jsonOfAnExpiredBuild_saysNotInstallableWithProblems() throws Exception {
        int code = run("inspect", Fixtures.get("ipa/fastlane-Example1.ipa").toString(), "--json");

        assertThat(code).isZero();
        Map<String, Object> json = JSON.std.mapFrom(out.toString());
        assertThat(json.get("installable")).isEqualTo(false);
        assertThat(json.get("problems")).isEqualTo(List.of(
                Map.of("code", "profile-expired", "severity", "blocker",
                        "message", "the provisioning profile expired on 23 Jul 2012"),
                Map.of("code", "certificate-expired", "severity", "blocker",
                        "message", "the signing certificate expired on 23 Jul 2012"),
                Map.of("code", "devices", "severity", "note", "message", "installs only on the 24 devices registered in "
                        + "the profile; on iOS 16 or later, Developer Mode must be on")));
    }

    @Test
    void inspect_jsonOfAnInstallableBuild_saysInstallable() throws Exception {
        Path ipa = dir.resolve("ok.ipa");
        InstallableIpa.write(ipa);

        int code = run("inspect", ipa.toString(), "--json", "--check");

        assertThat(code).isZero();
        Map<String, Object> json = JSON.std.mapFrom(out.toString());
        assertThat(json.get("installable")).isEqualTo(true);
        assertThat((List<?>) json.get("problems")).hasSize(1);
    }

    @Test
    void inspect_checkOfAnExpiredBuild_exitsFive() {
        int code = run("inspect", Fixtures.get("ipa/fastlane-Example1.ipa").toString(), "--check");

        assertThat(code).isEqualTo(5);
        assertThat(out.toString()).contains("✗ Not installable over the air\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void inspect_withoutCheck_exitsZeroEvenIfNotInstallable() {
        assertThat(run("inspect", Fixtures.get("ipa/fastlane-Example1.ipa").toString())).isZero();
    }

    @Test
    void inspect_emptyTeamName_printsTheTeamIdAlone() {
        int code = run("inspect", Fixtures.get("ipa/fastlane-Example1.ipa").toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("  Team        A83XXT7P9C\n").doesNotContain("Team         (");
    }

    @Test
    void inspect_profileWithOneCertificate_marksItAsTheSigner() throws Exception {
        int code = run("inspect", Fixtures.get("ipa/fastlane-ExampleProductName.ipa").toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("  Certificate iPhone Distribution: SunApps GmbH (5A997XSHK2), expires "
                + "2016-02-10 23:44 UTC  EXPIRED  ← signed the app\n");
    }

    @Test
    void inspect_profileWithSeveralCertificates_saysTheSignerIsNotKnown() throws Exception {
        int code = run("inspect", Fixtures.get("ipa/pliney-test.ipa").toString(), "--json");

        assertThat(code).isZero();
        Map<String, Object> json = JSON.std.mapFrom(out.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> certificates = (List<Map<String, Object>>) ((Map<String, Object>) json.get("profile"))
                .get("certificates");
        assertThat(certificates).hasSize(2).allSatisfy(c -> assertThat(c).containsEntry("signedTheApp", null));
        err.getBuffer().setLength(0);
        out.getBuffer().setLength(0);
        run("inspect", Fixtures.get("ipa/pliney-test.ipa").toString());
        assertThat(out.toString()).contains("              (one of these signed the app: which one is recorded only in "
                + "the binary's code signature, which is not read)\n").doesNotContain("← signed the app");
    }

    @Test
    void inspect_jsonWithOneCertificate_marksTheSigner() throws Exception {
        run("inspect", Fixtures.get("ipa/fastlane-ExampleProductName.ipa").toString(), "--json");

        Map<String, Object> json = JSON.std.mapFrom(out.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> certificates = (List<Map<String, Object>>) ((Map<String, Object>) json.get("profile"))
                .get("certificates");
        assertThat(certificates).singleElement().satisfies(c -> assertThat(c).containsEntry("signedTheApp", true));
    }

    @Test
    void inspect_32BitOnlyBinary_saysIos11AndLaterWillNotRunIt() throws Exception {
        // a real armv7-only app from 2013
        int code = run("inspect", Fixtures.get("ipa/profileInspector-spotmyride.ipa").toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("  Binary      armv7\n")
                .contains("✗ Not installable over the air\n"
                        + "  ✗ the app is 32-bit only (armv7): iOS 11 and later run only 64-bit apps\n");
    }

    @Test
    void inspect_json_listsTheArchitectures() throws Exception {
        run("inspect", Fixtures.get("ipa/pliney-test.ipa").toString(), "--json");

        assertThat(JSON.std.mapFrom(out.toString()).get("architectures")).isEqualTo(List.of("armv7", "arm64"));
    }
}
