package dev.slipway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The functions' deployment packages, built the way {@code sam build} builds them: the Makefile's
 * {@code build-<LogicalId>} target, run in a copy of the repository without its build output (SAM
 * copies the source too), with {@code ARTIFACTS_DIR} set. Each is built once per test run and
 * shared by the tests that need it; the copy, the packages and each build's log stay under
 * {@code target/sam} for a look after a failure.
 */
final class FunctionArtifacts {
    /** Not copied: build output and local state, which a clean clone does not have. */
    private static final Set<String> SKIPPED = Set.of("target", ".git", ".aws-sam", "local-data", ".idea");
    private static final long BUILD_MINUTES = 15;
    private static final Map<String, Path> BUILT = new HashMap<>();
    private static Path source;

    private FunctionArtifacts() {
    }

    /**
     * The package folder of one function (classes at its root, jars in {@code lib/}).
     *
     * @throws AssertionError with the end of the build's log if the make target fails
     */
    static synchronized Path of(String logicalId) {
        Path built = BUILT.get(logicalId);
        if (built == null) {
            built = build(logicalId);
            BUILT.put(logicalId, built);
        }
        return built;
    }

    /** The jar files in a package's {@code lib/}, by file name. */
    static List<String> libJars(Path artifact) {
        try (Stream<Path> files = Files.list(artifact.resolve("lib"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path build(String logicalId) {
        Path work = Path.of("target", "sam").toAbsolutePath();
        Path artifacts = work.resolve("artifacts").resolve(logicalId);
        Path log = work.resolve("build-" + logicalId + ".log");
        try {
            deleteRecursively(artifacts);
            Files.createDirectories(artifacts);
            // Maven can be told to work offline (-Dslipway.mvn="mvn -B -q -o"); by default it may
            // fetch what the outer build did not need, such as the dependency plugin.
            String mvn = System.getProperty("slipway.mvn", "mvn -B -q");
            Process make = new ProcessBuilder("make", "build-" + logicalId, "ARTIFACTS_DIR=" + artifacts, "MVN=" + mvn)
                    .directory(source(work).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!make.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
                make.destroyForcibly();
                throw new AssertionError("make build-" + logicalId + " took over " + BUILD_MINUTES + " minutes; log: " + log);
            }
            if (make.exitValue() != 0) {
                throw new AssertionError("make build-" + logicalId + " exited with " + make.exitValue() + ":\n" + tail(log));
            }
            return artifacts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while building " + logicalId, e);
        }
    }

    /** One copy of the repository for every build, as SAM's scratch folder would hold it. */
    private static Path source(Path work) throws IOException {
        if (source == null) {
            Path copy = work.resolve("source");
            deleteRecursively(copy);
            copy(Repository.root(), copy);
            source = copy;
        }
        return source;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (SKIPPED.contains(name)) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    copy(entry, to.resolve(name));
                } else {
                    Files.copy(entry, to.resolve(name));
                }
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", new ArrayList<>(lines.subList(Math.max(0, lines.size() - 40), lines.size())));
    }
}
