package dev.slipway.cli;

import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.S3Catalog;
import picocli.CommandLine.Command;

/** {@code slipway restore BUILD}: undoes {@code withdraw}. */
@Command(name = "restore",
        description = {"Restore a withdrawn build: app pages list it again and its links work again (links revoked "
                + "with slipway revoke stay revoked)."},
        exitCodeList = {"0:restored (or it was not withdrawn)", SlipwayCommand.EXIT_IO_FAILURE, BuildMarkCommand.EXIT_NOT_A_BUILD})
final class RestoreCommand extends BuildMarkCommand {
    @Override
    String apply(S3Catalog catalog, BuildRecord record, String what, String where) {
        if (!catalog.withdrawn(record.bundleId(), record.id())) {
            return "Build " + what + " is not withdrawn in " + where + "; nothing to restore.";
        }
        catalog.restore(record.bundleId(), record.id());
        return "Restored build " + what + " in " + where + ": app pages list it and its links work again.";
    }
}
