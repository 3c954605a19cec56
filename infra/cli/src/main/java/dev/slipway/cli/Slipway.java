package dev.slipway.cli;

import dev.slipway.local.LocalStackException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code slipway} command: inspect IPAs, run Slipway locally, publish builds, mint and revoke links, count installs. */
@Command(name = "slipway", mixinStandardHelpOptions = true, version = "slipway 0.1.0",
        description = "Over-the-air distribution of iOS apps on AWS.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:an I/O or unexpected failure", "2:invalid input (bad IPA, bad arguments, "
                + "a port in use, no local stack running)", "3:publish: the ingest rejected the file",
                "4:publish: no ingest result in time",
                "5:publish: built, but iOS will not install it; inspect --check: not installable"})
public final class Slipway {
    static final int FAILURE = 1;
    /** Exit code for input the command cannot use: a bad IPA, a missing file, wrong arguments, a busy port. */
    static final int INVALID_INPUT = 2;
    /** {@code publish}: the ingest refused the upload. */
    static final int REJECTED = 3;
    /** {@code publish}: no receipt within the timeout. */
    static final int TIMED_OUT = 4;
    /** {@code publish}: built, but iOS refuses to install it; {@code inspect --check}: the IPA will not install. */
    static final int NOT_INSTALLABLE = 5;

    /** The subcommands, in the order {@code slipway --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(InspectCommand.class, LocalCommand.class,
            PublishCommand.class, LinkCommand.class, RevokeCommand.class, WithdrawCommand.class, RestoreCommand.class,
            DevicesCommand.class, StatsCommand.class, CommandLine.HelpCommand.class);

    public static void main(String[] args) {
        // The demo's icon is drawn with AWT: never a window, never a Dock icon.
        System.setProperty("java.awt.headless", "true");
        Optional<InspectCommand> inspect = InspectCommand.fromPlainArguments(args);
        System.exit(inspect.isPresent() ? inspect.get().runWithoutPicocli() : commandLine(args).execute(args));
    }

    /**
     * What a command's unexpected failure prints (one line naming what failed, never a stack trace),
     * and the exit code it gets.
     */
    static int failed(Exception e, PrintWriter err) {
        err.println("slipway: " + e.getMessage());
        err.flush();
        return e instanceof InvalidInputException || e instanceof LocalStackException ? INVALID_INPUT : FAILURE;
    }

    /**
     * The command for these arguments. {@code slipway inspect …} gets a model of {@code inspect} alone:
     * picocli builds each subcommand's model from its annotations by reflection when it is added, about
     * a tenth of a second for all of them, which is much of a short command's start-up. Any other first
     * argument (a subcommand, {@code --help}, a typo) gets them all, so help and errors list them all.
     */
    static CommandLine commandLine(String... args) {
        return args.length > 0 && args[0].equals("inspect") ? commandLine(List.of(InspectCommand.class)) : commandLine();
    }

    /** The command with every subcommand. */
    static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine commandLine = new CommandLine(new Slipway());
        subcommands.forEach(commandLine::addSubcommand);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> failed(e, cmd.getErr()));
        commandLine.setParameterExceptionHandler((e, args) -> {
            // One line naming the bad value, not the whole help: the help is one --help away.
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("slipway: " + e.getMessage() + " (see " + cmd.getCommandSpec().qualifiedName() + " --help)");
            cmd.getErr().flush();
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
        return commandLine;
    }
}
