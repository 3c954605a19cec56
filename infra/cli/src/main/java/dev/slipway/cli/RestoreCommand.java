package dev.slipway.cli;

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

/** {@code slipway restore BUILD}: undoes {@code withdraw}. */
@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Restore a withdrawn build: app pages list it again and its links work again (links revoked "
                + "with slipway revoke stay revoked)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:restored (or it was not withdrawn)", "1:an I/O failure",
                "2:invalid input (not a build id, no such build, no target)"})
final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BUILD", description = "The build id.")
    String build;

    @Mixin
    Deployment.Options target;

    @Override
    public Integer call() throws InvalidInputException, LocalStackException, CatalogException {
        try (Deployment deployment = Deployment.resolve(target, true)) {
            BuildRecord record = WithdrawCommand.find(deployment, build);
            PrintWriter out = spec.commandLine().getOut();
            if (!deployment.catalog().withdrawn(record.bundleId(), record.id())) {
                out.println("Build " + record.id() + " (" + WithdrawCommand.describe(record) + ") is not withdrawn in "
                        + deployment.where() + "; nothing to restore.");
            } else {
                deployment.catalog().restore(record.bundleId(), record.id());
                out.println("Restored build " + record.id() + " (" + WithdrawCommand.describe(record) + ") in "
                        + deployment.where() + ": app pages list it and its links work again.");
            }
            out.flush();
            return 0;
        }
    }
}
