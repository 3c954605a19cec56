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
}
