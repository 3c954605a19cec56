package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.fixtures.HostileIpas;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10's defects 2, 3 and 7 as {@code slipway inspect} shows them: a result or exit 2 with one line, never exit 1. */
class InspectHostileTest {
    @TempDir
    Path temp;

    @Test
    void inspect_nanDeviceFamily_readsTheApp() throws Exception {
        Path ipa = Files.write(temp.resolve("nan.ipa"), HostileIpas.nanDeviceFamily());

        Cli.Run run = Cli.run("inspect", ipa.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("com.example.hostile");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void inspect_zip64DirectoryOffsetOverflowing_exitsTwoWithOneLine() throws Exception {
        Path ipa = Files.write(temp.resolve("zip64.ipa"), HostileIpas.zip64DirectoryOffsetOverflowing());

        Cli.Run run = Cli.run("inspect", ipa.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("slipway: ").contains("the central directory (offset "
                + HostileIpas.OFFSET_NEAR_LONG_MAX).endsWith("\n").hasLineCount(1);
    }

    @Test
    void inspect_malformedXmlPlist_printsOnlyTheReason() throws Exception {
        Path ipa = Files.write(temp.resolve("xml.ipa"), HostileIpas.zip(false,
                "<?xml version=\"1.0\"?><plist><dict><key>a".getBytes(StandardCharsets.US_ASCII)));

        // The JDK's XML parser wrote "[Fatal Error]" lines to the process's own stderr.
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Cli.Run run;
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            run = Cli.run("inspect", ipa.toString());
        } finally {
            System.setErr(stderr);
        }

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("slipway: xml.ipa: " + HostileIpas.INFO_PLIST + " is not a readable property list\n");
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
