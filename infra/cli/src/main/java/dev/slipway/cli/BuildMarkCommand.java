package dev.slipway.cli;

import dev.slipway.access.BuildScope;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.S3Catalog;
import java.io.PrintWriter;
import picocli.CommandLine.Parameters;

/** What {@code withdraw} and {@code restore} share: one build id, a target, one line saying what was done. */
abstract class BuildMarkCommand extends DeploymentCommand {
    /** The exit-code line for input {@code withdraw} and {@code restore} cannot use. */
    static final String EXIT_NOT_A_BUILD = "2:invalid input (not a build id, no such build, no target)";

    @Parameters(paramLabel = "BUILD", description = "The build id.")
    String build;

    @Override
    int run(Deployment deployment, PrintWriter out) throws InvalidInputException, CatalogException {
        if (!(Scopes.parse(build) instanceof BuildScope scope)) {
            throw new InvalidInputException("\"" + build + "\" is not a build id (20 characters, a-z 2-7)");
        }
        BuildRecord record = deployment.catalog().build(scope.buildId())
                .orElseThrow(() -> new InvalidInputException("no build " + build + " in " + deployment.where()));
        String what = record.id() + " (" + describe(record) + ")";
        out.println(apply(deployment.catalog(), record, what, deployment.where()));
        return 0;
    }

    /**
     * Marks the build; returns the line to print.
     *
     * @param what the build as messages name it: {@code id (Name 1.0 (7) · channel beta)}
     */
    abstract String apply(S3Catalog catalog, BuildRecord record, String what, String where);

    /** {@code Name 1.0 (7) · channel beta}, as {@code publish} names a build. */
    static String describe(BuildRecord record) {
        return record.name() + " " + PublishCommand.orDash(record.version()) + " (" + PublishCommand.orDash(record.build())
                + ") · channel " + record.channel();
    }
}
