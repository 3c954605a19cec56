package dev.slipway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code slipway} command: inspect IPAs (and, as they land, publish, link and run locally). */
@Command(name = "slipway", mixinStandardHelpOptions = true, version = "slipway 0.1.0",
        description = "Over-the-air distribution of iOS apps on AWS.",
        subcommands = {InspectCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:an I/O or unexpected failure", "2:invalid input (bad IPA, bad arguments)"})
public final class Slipway {
    /** Exit code for input the command cannot use: a bad IPA, a missing file, wrong arguments. */
    static final int INVALID_INPUT = 2;
    static final int FAILURE = 1;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Slipway());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // Never a stack trace for the user: one line naming what failed.
            cmd.getErr().println("slipway: " + e.getMessage());
            return FAILURE;
        });
        return commandLine;
    }
}
