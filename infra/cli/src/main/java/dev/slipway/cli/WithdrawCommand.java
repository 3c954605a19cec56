package dev.slipway.cli;

import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.S3Catalog;
import picocli.CommandLine.Command;

/** {@code slipway withdraw BUILD}: the build stays in the bucket, but nothing offers or installs it any more. */
@Command(name = "withdraw",
        description = {"Withdraw a build: it stays in the bucket, but no link installs it (old or new: its pages, "
                + "manifest and download answer 404) and no app page or update check lists it. "
                + "slipway restore BUILD undoes it.", "",
                "Unlike revoke, which takes back the links handed out so far (new links work), withdraw is about the "
                + "build itself: use it for a build that must not be installed, such as one with a serious bug."},
        exitCodeList = {"0:withdrawn (or already withdrawn)", SlipwayCommand.EXIT_IO_FAILURE, BuildMarkCommand.EXIT_NOT_A_BUILD})
final class WithdrawCommand extends BuildMarkCommand {
    @Override
    String apply(S3Catalog catalog, BuildRecord record, String what, String where) {
        catalog.withdraw(record.bundleId(), record.id());
        return "Withdrew build " + what + " in " + where + ": no link installs it and no app page lists it. To undo: "
                + "slipway restore " + record.id();
    }
}
