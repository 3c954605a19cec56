package dev.slipway.cli;

import dev.slipway.access.BuildScope;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.CatalogException;
import dev.slipway.local.LocalStackException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slipway withdraw BUILD}: the build stays in the bucket, but nothing offers or installs it any more. */
@Command(name = "withdraw", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Withdraw a build: it stays in the bucket, but no link installs it (old or new: its pages, "
                + "manifest and download answer 404) and no app page or update check lists it. "
                + "slipway restore BUILD undoes it.", "",
                "Unlike revoke, which takes back the links handed out so far (new links work), withdraw is about the "
                + "build itself: use it for a build that must not be installed, such as one with a serious bug."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:withdrawn (or already withdrawn)", "1:an I/O failure",
                "2:invalid input (not a build id, no such build, no target)"})
final class WithdrawCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BUILD", description = "The build id.")
    String build;

    @Mixin
    Deployment.Options target;

    @Override
    public Integer call() throws InvalidInputException, LocalStackException, CatalogException {
        try (Deployment deployment = Deployment.resolve(target, true)) {
            BuildRecord record = find(deployment, build);
            deployment.catalog().withdraw(record.bundleId(), record.id());
            PrintWriter out = spec.commandLine().getOut();
            out.println("Withdrew build " + record.id() + " (" + describe(record) + ") in " + deployment.where()
                    + ": no link installs it and no app page lists it. To undo: slipway restore " + record.id());
            out.flush();
            return 0;
        }
    }

    /**
     * @throws InvalidInputException if the text is not a build id, or the bucket holds no such build
     */
    static BuildRecord find(Deployment deployment, String text) throws InvalidInputException, CatalogException {
        if (!(Scopes.parse(text) instanceof BuildScope scope)) {
            throw new InvalidInputException("\"" + text + "\" is not a build id (20 characters, a-z 2-7)");
        }
        return deployment.catalog().build(scope.buildId())
                .orElseThrow(() -> new InvalidInputException("no build " + text + " in " + deployment.where()));
    }

    /** {@code Name 1.0 (7) · beta}, as {@code publish} names a build. */
    static String describe(BuildRecord record) {
        return record.name() + " " + PublishCommand.orDash(record.version()) + " (" + PublishCommand.orDash(record.build())
                + ") · channel " + record.channel();
    }
}
