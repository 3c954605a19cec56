package dev.slipway.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests check: surefire passes its root as {@code slipway.root}. */
final class Repository {
    private Repository() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("slipway.root", "../..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("template.yaml"))) {
            throw new IllegalStateException("no template.yaml in " + root + " (set slipway.root to the repository)");
        }
        return root;
    }
}
