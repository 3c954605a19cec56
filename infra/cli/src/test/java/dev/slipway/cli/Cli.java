package dev.slipway.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code slipway} command in this JVM, as the launcher would, capturing what it prints. */
final class Cli {
    /** Exit code and output of one run. */
    record Run(int code, String out, String err) {
        /** The lines on stdout. */
        String[] lines() {
            return out.split("\n");
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Slipway.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
