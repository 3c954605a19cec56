package dev.slipway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The reactor's modules, by artifactId, read from the parent pom and each module's own pom. */
final class Modules {
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

    private Modules() {
    }

    /** artifactId → the module's folder. */
    static Map<String, Path> byArtifactId() {
        Path root = Repository.root();
        Map<String, Path> modules = new LinkedHashMap<>();
        Matcher m = MODULE.matcher(read(root.resolve("pom.xml")));
        while (m.find()) {
            Path folder = root.resolve(m.group(1));
            String pom = read(folder.resolve("pom.xml"));
            // The module's own artifactId is the first one after its <parent> block.
            Matcher id = ARTIFACT_ID.matcher(pom);
            if (!id.find(pom.indexOf("</parent>"))) {
                throw new IllegalStateException("no artifactId in " + folder.resolve("pom.xml"));
            }
            modules.put(id.group(1), folder);
        }
        return modules;
    }

    /**
     * The reactor modules a module ships with: its {@code slipway-*} dependencies that are neither
     * test-scoped nor test jars (what {@code sam build} puts in the package's {@code lib/}).
     */
    static List<Path> shippedSiblings(Path module) {
        Map<String, Path> modules = byArtifactId();
        List<Path> siblings = new ArrayList<>();
        Matcher dependency = DEPENDENCY.matcher(read(module.resolve("pom.xml")));
        while (dependency.find()) {
            String block = dependency.group(1);
            Matcher id = ARTIFACT_ID.matcher(block);
            if (id.find() && modules.containsKey(id.group(1)) && !block.contains("<scope>test</scope>")
                    && !block.contains("<type>test-jar</type>")) {
                siblings.add(modules.get(id.group(1)));
            }
        }
        return siblings;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
