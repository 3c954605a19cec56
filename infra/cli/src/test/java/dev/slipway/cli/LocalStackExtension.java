package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.local.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** A build page link as the local stack prints it; group 1 is the build id. */
    static final Pattern BUILD_LINK = Pattern.compile("https://127\\.0\\.0\\.1:[0-9]+/b/([a-z2-7]{20})\\?t=[A-Za-z0-9_-]+");

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

    /** A build {@link #publish} published: the CLI's run, and the build page link it printed. */
    record Published(Cli.Run run, String page, String buildId) {
        /** Fails unless the CLI exited 0: no warning that iOS will not install the build. */
        Published succeeded() {
            assertThat(run.code()).as(run.err()).isZero();
            return this;
        }
    }

    /**
     * Publishes the file to this stack without a QR code ({@code publish FILE OPTIONS --no-qr}), and
     * reads the build page link from the second line printed, failing if it is not one.
     */
    Published publish(Path file, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "publish";
        args[1] = file.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        args[args.length - 1] = "--no-qr";
        Cli.Run run = cli(args);
        Matcher link = BUILD_LINK.matcher(run.lines().length > 1 ? run.lines()[1] : "");
        assertThat(link.matches()).as(run.out() + run.err()).isTrue();
        return new Published(run, link.group(), link.group(1));
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
