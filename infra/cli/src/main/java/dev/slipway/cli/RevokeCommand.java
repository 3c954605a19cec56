package dev.slipway.cli;

import dev.slipway.access.Scope;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.S3Revocations;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway revoke BUILD|APP[:CHANNEL]}: every link issued so far stops working. */
@Command(name = "revoke",
        description = {"Revoke every link issued until now to a build (BUILD), an app (APP) or an app's channel "
                + "(APP:CHANNEL). Links minted afterwards work: revoking is how a shared link is taken back, and "
                + "sharing again is minting a new one. To stop a build being installed at all, use withdraw "
                + "(no link, old or new, installs it; app pages stop listing it).", "",
                "With --local the local stack, where it takes effect at once; with --bucket the deployment, where the "
                + "install function notices within 30 seconds."},
        exitCodeList = {"0:revoked", SlipwayCommand.EXIT_IO_FAILURE,
                "2:invalid input (bad scope or option, no such build or app, no target)"})
final class RevokeCommand extends DeploymentCommand {
    @Parameters(paramLabel = "BUILD|APP[:CHANNEL]", description = "Whose links to revoke.")
    String scope;

    private Scope parsed;

    @Override
    void check() throws InvalidInputException {
        parsed = Scopes.parse(scope);
    }

    @Override
    int run(Deployment deployment, PrintWriter out) throws InvalidInputException, CatalogException {
        LinkCommand.checkExists(deployment.catalog(), parsed, deployment.where());
        Clock clock = Clock.systemUTC();
        // Tokens carry their issue time to the second; every token issued up to this second is refused.
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        new S3Revocations(deployment.catalog(), clock).revoke(parsed, at);
        out.println("Revoked the links to " + Scopes.describe(parsed) + " issued until " + at + " in "
                + deployment.where() + ".");
        return 0;
    }
}
