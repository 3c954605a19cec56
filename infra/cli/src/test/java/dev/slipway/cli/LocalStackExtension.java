package dev.slipway.cli;

import dev.slipway.local.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local stack one test class runs the CLI against: started before the class's tests, as
 * {@link LoopbackStack} runs it, in a data folder of its own; closed, and its folder deleted, after
 * them. Register it with {@code @RegisterExtension static final LocalStackExtension LOCAL = ...}.
 */
final class LocalStackExtension implements BeforeAllCallback, AfterAllCallback {
    /** What a test class changes in the stack's options before it starts (it may prepare what they name). */
    @FunctionalInterface
    interface Setup {
        LocalStack.Options apply(LocalStack.Options options) throws Exception;
    }

    private final Setup setup;
    private final Consumer<String> console;
    private Path folder;
    private LocalStack stack;
    private StackHttp http;

    /** The stack as {@link LoopbackStack} runs it, its console lines dropped. */
    LocalStackExtension() {
        this(options -> options);
    }

    LocalStackExtension(Setup setup) {
        this(setup, line -> { });
    }

    /** @param console receives each line the stack prints */
    LocalStackExtension(Setup setup, Consumer<String> console) {
        this.setup = setup;
        this.console = console;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        folder = Files.createTempDirectory("slipway-local-stack");
        stack = LocalStack.start(setup.apply(LoopbackStack.options(data())), console);
        http = new StackHttp(stack.tls().trustAnchor());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (stack != null) {
            stack.close();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(LocalStackExtension::delete);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stack's data folder, what {@code --data} names. */
    Path data() {
        return folder.resolve("data");
    }

    LocalStack stack() {
        return stack;
    }

    /** A client that trusts the stack's certificate authority. */
    StackHttp http() {
        return http;
    }

    /** Runs the CLI with these arguments against this stack ({@code --local --data} added after them). */
    Cli.Run cli(String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--local";
        all[args.length + 1] = "--data";
        all[args.length + 2] = data().toString();
        return Cli.run(all);
    }
}
