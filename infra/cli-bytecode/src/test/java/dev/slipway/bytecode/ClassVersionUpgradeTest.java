package dev.slipway.bytecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClassVersionUpgradeTest {
    @TempDir
    Path folder;

    @Test
    void upgrade_picocliJar_everyClassIsVersion52AndPassesTheVerifier() throws Exception {
        // given: a copy of picocli's own jar, whose classes are Java 5 (version 49)
        Path jar = copyOfPicocliJar();
        assertThat(versions(jar)).containsOnly(49);

        // when
        int upgraded = ClassVersionUpgrade.upgrade(jar, List.of("picocli/"));

        // then: all upgraded, and each one links (verification by its frames) in a fresh class loader
        List<String> names = classNames(jar);
        assertThat(upgraded).isEqualTo(names.size()).isGreaterThan(100);
        assertThat(versions(jar)).containsOnly(ClassVersionUpgrade.TARGET_VERSION);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : names) {
                Class<?> type = Class.forName(name, true, loader);
                assertThat(type.getClassLoader()).as(name).isSameAs(loader);
            }
        }
    }

    @Test
    void upgrade_alreadyUpgradedJar_rewritesNothing() throws Exception {
        // given
        Path jar = copyOfPicocliJar();
        ClassVersionUpgrade.upgrade(jar, List.of("picocli/"));

        // when
        int upgraded = ClassVersionUpgrade.upgrade(jar, List.of("picocli/"));

        // then
        assertThat(upgraded).isZero();
    }

    @Test
    void upgrade_prefixWithNoClass_failsNamingIt() throws Exception {
        Path jar = copyOfPicocliJar();

        assertThatThrownBy(() -> ClassVersionUpgrade.upgrade(jar, List.of("picocly/")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no class under picocly/ in " + jar);
    }

    private Path copyOfPicocliJar() throws IOException, URISyntaxException {
        Path original = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path copy = folder.resolve("picocli.jar");
        Files.copy(original, copy);
        return copy;
    }

    private static List<Integer> versions(Path jar) throws IOException {
        List<Integer> versions = new ArrayList<>();
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of());
                Stream<Path> files = Files.walk(zip.getPath("/picocli"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                versions.add(ClassVersionUpgrade.version(Files.readAllBytes(file)));
            }
        }
        return versions;
    }

    private static List<String> classNames(Path jar) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of());
                Stream<Path> files = Files.walk(zip.getPath("/picocli"))) {
            return files.map(Path::toString).filter(p -> p.endsWith(".class"))
                    .map(p -> p.substring(1, p.length() - ".class".length()).replace('/', '.')).toList();
        }
    }
}
