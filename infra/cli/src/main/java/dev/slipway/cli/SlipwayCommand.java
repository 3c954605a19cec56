package dev.slipway.cli;

import java.io.PrintWriter;
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

    /** Where results go (the terminal, or the test's writer). */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where failures and warnings go. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
