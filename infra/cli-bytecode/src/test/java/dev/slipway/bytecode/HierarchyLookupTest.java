package dev.slipway.bytecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HierarchyLookupTest {
    @TempDir
    Path folder;

    @Test
    void commonSuperClass_jdkClasses_nearestSharedAncestor() throws Exception {
        try (FileSystem empty = emptyJar()) {
            HierarchyLookup lookup = new HierarchyLookup(empty);

            assertThat(lookup.commonSuperClass("java/lang/Integer", "java/lang/Long")).isEqualTo("java/lang/Number");
            assertThat(lookup.commonSuperClass("java/lang/IllegalArgumentException", "java/lang/IllegalStateException"))
                    .isEqualTo("java/lang/RuntimeException");
            assertThat(lookup.commonSuperClass("java/lang/Integer", "java/lang/Integer")).isEqualTo("java/lang/Integer");
        }
    }

    @Test
    void commonSuperClass_anInterface_isObject() throws Exception {
        try (FileSystem empty = emptyJar()) {
            assertThat(new HierarchyLookup(empty).commonSuperClass("java/util/List", "java/util/ArrayList"))
                    .isEqualTo("java/lang/Object");
        }
    }

    @Test
    void commonSuperClass_classesInTheJar_readFromTheJar() throws Exception {
        Path picocli = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (FileSystem jar = FileSystems.newFileSystem(picocli)) {
            assertThat(new HierarchyLookup(jar).commonSuperClass("picocli/CommandLine$MissingParameterException",
                    "picocli/CommandLine$ExecutionException")).isEqualTo("picocli/CommandLine$PicocliException");
        }
    }

    @Test
    void commonSuperClass_unknownClass_failsNamingIt() throws Exception {
        try (FileSystem empty = emptyJar()) {
            assertThatThrownBy(() -> new HierarchyLookup(empty).commonSuperClass("no/Such", "java/lang/Integer"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("class no/Such is neither in the jar nor in the JDK");
        }
    }

    private FileSystem emptyJar() throws Exception {
        return FileSystems.newFileSystem(URI.create("jar:" + folder.resolve("empty.jar").toUri()), Map.of("create", "true"));
    }
}
