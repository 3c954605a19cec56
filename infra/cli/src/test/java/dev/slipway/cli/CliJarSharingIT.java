package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built tool ({@code target/slipway.jar}, after {@code package}) and the launcher: picocli's classes
 * go into the class-data sharing archive, so a run after the first maps them instead of loading them.
 * Without the build's class-file upgrade (infra/cli-bytecode) the JVM leaves every picocli class out
 * ("Pre JDK 6 class not supported by CDS") and these fail.
 */
class CliJarSharingIT {
    private static final Path JAR = Path.of("target/slipway.jar").toAbsolutePath();
    private static final Path ARCHIVE = Path.of("target/slipway.jsa").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("../../slipway").toAbsolutePath().normalize();
    private static final String PICOCLI_SHARED = "picocli.CommandLine source: shared objects file";

    @TempDir
    Path folder;

    @Test
    void jar_picocliClasses_areVersion52OrLater() throws IOException {
        List<String> old = new ArrayList<>();
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + JAR.toUri()), Map.of());
                Stream<Path> files = Files.walk(zip.getPath("/picocli"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                if (((bytes[6] & 0xff) << 8 | (bytes[7] & 0xff)) < 52) {
                    old.add(file.toString());
                }
            }
        }
        assertThat(old).isEmpty();
    }

    @Test
    void jar_runWithTheArchiveOfAnEarlierRun_mapsPicocliFromIt() throws Exception {
        // given: an archive recorded by one run
        Path archive = folder.resolve("test.jsa");
        assertThat(run(List.of("java", "-XX:ArchiveClassesAtExit=" + archive, "-jar", JAR.toString(), "--version"),
                Map.of()).code()).isZero();

        // when
        Path log = folder.resolve("load.log");
        Run second = run(List.of("java", "-XX:SharedArchiveFile=" + archive, "-Xlog:class+load:file=" + log,
                "-jar", JAR.toString(), "--version"), Map.of());

        // then
        assertThat(second.code()).isZero();
        assertThat(Files.readString(log)).contains(PICOCLI_SHARED);
    }

    @Test
    void launcher_secondRun_mapsTheArchiveAndANewerJarRecordsItAgain() throws Exception {
        // given: the launcher must not rebuild here (mvn on PATH fails), so it runs the jar just built
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho 'the jar is stale' >&2\nexit 97\n");
        mvn.toFile().setExecutable(true);
        Map<String, String> noBuild = Map.of("PATH", bin + ":" + System.getenv("PATH"));
        assertThat(run(List.of(LAUNCHER.toString(), "--version"), noBuild).code()).as("first run").isZero();
        assertThat(ARCHIVE).exists();

        // when: a second run, logging where its classes come from
        Path log = folder.resolve("load.log");
        Map<String, String> logging = Map.of("PATH", noBuild.get("PATH"),
                "JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + log);
        Run second = run(List.of(LAUNCHER.toString(), "--version"), logging);

        // then
        assertThat(second.code()).isZero();
        assertThat(Files.readString(log)).contains(PICOCLI_SHARED);

        // and when the archive is older than the jar (a rebuild), the next run records it again
        FileTime jarTime = Files.getLastModifiedTime(JAR);
        Files.setLastModifiedTime(ARCHIVE, FileTime.from(jarTime.toInstant().minusSeconds(10)));
        run(List.of(LAUNCHER.toString(), "--version"), noBuild);
        assertThat(Files.getLastModifiedTime(ARCHIVE)).isGreaterThan(jarTime);
    }

    private record Run(int code, String output) {
    }

    private Run run(List<String> command, Map<String, String> environment) throws Exception {
        Path output = Files.createTempFile(folder, "run", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished in time", command).isTrue();
        String printed = Files.readString(output);
        assertThat(process.exitValue()).as("%s printed:%n%s", command, printed).isZero();
        return new Run(process.exitValue(), printed);
    }
}
