package dev.slipway.cli;

import dev.slipway.access.Scope;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.S3Revocations;
import dev.slipway.local.LocalStackException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slipway revoke BUILD|APP[:CHANNEL]}: every link issued so far stops working. */
@Command(name = "revoke", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Revoke every link issued until now to a build (BUILD), an app (APP) or an app's channel "
                + "(APP:CHANNEL). Links minted afterwards work: revoking is how a shared link is taken back, and "
                + "sharing again is minting a new one. To stop a build being installed at all, use withdraw "
                + "(no link, old or new, installs it; app pages stop listing it).", "",
                "With --local the local stack, where it takes effect at once; with --bucket the deployment, where the "
                + "install function notices within 30 seconds."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:revoked", "1:an I/O failure",
                "2:invalid input (bad scope or option, no such build or app, no target)"})
final class RevokeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BUILD|APP[:CHANNEL]", description = "Whose links to revoke.")
    String scope;

    @Mixin
    Deployment.Options target;

    @Override
    public Integer call() throws InvalidInputException, LocalStackException, CatalogException {
        PrintWriter out = spec.commandLine().getOut();
        Scope parsed = Scopes.parse(scope);
        try (Deployment deployment = Deployment.resolve(target, true)) {
            LinkCommand.checkExists(deployment.catalog(), parsed, deployment.where());
            Clock clock = Clock.systemUTC();
            // Tokens carry their issue time to the second; every token issued up to this second is refused.
            Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            new S3Revocations(deployment.catalog(), clock).revoke(parsed, at);
            out.println("Revoked the links to " + Scopes.describe(parsed) + " issued until " + at + " in "
                    + deployment.where() + ".");
            out.flush();
            return 0;
        }
    }
}
