package dev.slipway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's Makefile, read for its targets and the module each function target packages. */
final class Makefile {
    private static final Pattern TARGET = Pattern.compile("^([A-Za-z0-9_.-]+):(?!=)", Pattern.MULTILINE);
    private static final Pattern PACKAGED_MODULE = Pattern.compile("\\$\\(call lambda-artifact,([^,)\\s]+)[,)]");

    private final String text;

    private Makefile(String text) {
        this.text = text;
    }

    static Makefile load() {
        try {
            return new Makefile(Files.readString(Repository.root().resolve("Makefile"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each rule's target, with its recipe (the lines up to the next rule). */
    Map<String, String> rules() {
        Map<String, String> rules = new LinkedHashMap<>();
        Matcher m = TARGET.matcher(text);
        String target = null;
        int recipeStart = 0;
        while (m.find()) {
            if (target != null) {
                rules.put(target, text.substring(recipeStart, m.start()));
            }
            target = m.group(1);
            recipeStart = m.end();
        }
        if (target != null) {
            rules.put(target, text.substring(recipeStart));
        }
        return rules;
    }

    /** The Maven module a target packages with {@code lambda-artifact}, if it does. */
    Optional<String> packagedModule(String target) {
        String recipe = rules().get(target);
        if (recipe == null) {
            return Optional.empty();
        }
        Matcher m = PACKAGED_MODULE.matcher(recipe);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
