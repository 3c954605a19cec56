package dev.slipway.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code slipway} subcommand shares: {@code --help} and {@code --version}, the heading of
 * its exit-code list, and the streams it prints to. Picocli reads these attributes from this class
 * for each subclass; a subclass's own {@code @Command} adds its name, description and exit codes.
 */
@Command(mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n")
abstract class SlipwayCommand implements Callable<Integer> {
    /** The exit-code line of the commands whose only failure is I/O (picocli's {@code CODE:TEXT} form). */
    static final String EXIT_IO_FAILURE = "1:an I/O failure";

    @Spec
    CommandSpec spec;

    /** The streams of a command run without picocli (then {@link #spec} is null). */
    private PrintWriter out;
    private PrintWriter err;

    /** Where results go (the terminal, or the test's writer). */
    PrintWriter out() {
        return spec != null ? spec.commandLine().getOut() : out;
    }

    /** Where failures and warnings go. */
    PrintWriter err() {
        return spec != null ? spec.commandLine().getErr() : err;
    }

    /**
     * Runs the command without picocli, its fields already set, printing to the terminal as picocli
     * would: in {@code sun.stdout.encoding} / {@code sun.stderr.encoding} when set, else the default
     * charset, and a failure as {@link Slipway#failed} words it.
     *
     * @return the exit code
     */
    int runWithoutPicocli() {
        out = terminal(System.out, "sun.stdout.encoding");
        err = terminal(System.err, "sun.stderr.encoding");
        try {
            return call();
        } catch (Exception e) {
            return Slipway.failed(e, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static PrintWriter terminal(PrintStream stream, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty);
        Charset charset = encoding == null ? Charset.defaultCharset()
                : Charset.forName(encoding.equalsIgnoreCase("cp65001") ? "UTF-8" : encoding);
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }
}
