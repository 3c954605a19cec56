package dev.slipway.cli;

import dev.slipway.access.BuildScope;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.PageLinks;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.Channel;
import dev.slipway.catalog.Layout;
import dev.slipway.catalog.Receipt;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.ipa.Installability;
import dev.slipway.local.LocalStackException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway publish FILE.ipa}: upload, wait for the ingest, print the install link and its QR code. */
@Command(name = "publish", sortOptions = false,
        description = {"Upload an .ipa to uploads/[CHANNEL/], wait for the ingest, then print the install link and a "
                + "QR code.", "",
                "With --local, the stack ./slipway local runs (its keys mint the link). With --bucket, the deployed "
                + "bucket (AWS credentials from the default chain); the link needs the site's URL (--base-url) and the "
                + "link-signing keys (--secret-arn, --keys-file or SLIPWAY_LINK_KEYS), or only the build id is printed.",
                "", "Files over 16 MB go up as a multipart upload, with a progress bar when stderr is a terminal."},
        exitCodeList = {"0:built; the link is printed", "1:an I/O failure (the upload or S3 failed)",
                "2:invalid input (no such file, bad option, no local stack running)",
                "3:the ingest rejected the file (its reason is on stderr)",
                "4:no ingest result within --timeout",
                "5:built, but iOS will not install it (expired, App Store–signed, not for a device, …): the reasons "
                        + "are on stderr, the link is printed all the same"})
final class PublishCommand extends SlipwayCommand {
    /** S3 holds 2 KB of user metadata in all; the key's name and base64 take their share. */
    static final int MAX_NOTES_BYTES = 1500;
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Parameters(paramLabel = "FILE.ipa", description = "The IPA to publish.")
    Path file;

    @Option(names = "--channel", paramLabel = "CHANNEL",
            description = "Upload to uploads/CHANNEL/ (lower-case letters, digits, . _ -; default: the main channel).")
    String channel;

    @Option(names = "--notes", paramLabel = "TEXT", description = "Release notes shown on the page (any text, up to "
            + "1,500 bytes; paragraphs, lists, **bold**, *italic*, `code` and links as in Markdown).")
    String notes;

    @Option(names = "--notes-file", paramLabel = "FILE", description = "Read the release notes from a UTF-8 file ('-': "
            + "standard input) instead of --notes.")
    String notesFile;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "120s", converter = Durations.class,
            description = "How long to wait for the ingest (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "30d", converter = Durations.class,
            description = "How long the printed link works, up to 400d (default: ${DEFAULT-VALUE}).")
    Duration ttl;

    @Option(names = "--no-qr", description = "Print the link without a QR code.")
    boolean noQr;

    @Mixin
    Deployment.Options target;

    @Override
    public Integer call() throws IOException, InvalidInputException, LocalStackException, CatalogException,
            InterruptedException {
        PrintWriter out = out();
        PrintWriter err = err();
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("no such file: " + file);
        }
        if (channel != null && !Channel.FORM.matches(channel)) {
            throw new InvalidInputException("--channel \"" + channel + "\" is not a channel name (" + Channel.RULE + ")");
        }
        LinkCommand.checkTtl(ttl);
        if (notes != null && notesFile != null) {
            throw new InvalidInputException("--notes and --notes-file go one at a time");
        }
        String text = notesFile != null ? ReleaseNotesFile.read(notesFile, MAX_NOTES_BYTES) : notes;
        Map<String, String> metadata = text == null ? Map.of() : Map.of("release-notes-b64", notesMetadata(text));
        try (Deployment deployment = Deployment.resolve(target, true)) {
            S3Catalog catalog = deployment.catalog();
            String key = Layout.UPLOADS + (channel == null ? "" : channel + "/") + file.getFileName();
            // Receipts carry whole seconds' precision at worst: a second's margin is never an older upload's.
            Instant started = Instant.now().minusSeconds(1);
            String label = "Uploading " + file.getFileName();
            Uploader.Progress progress = System.console() != null ? new ProgressBar(err, label) : Uploader.Progress.NONE;
            Uploader.Uploaded uploaded = new Uploader(deployment.s3())
                    .upload(deployment.bucket(), key, file, metadata, progress);
            err.println("Uploaded " + key + " (" + String.format(Locale.ROOT, "%,d", Files.size(file)) + " bytes) to "
                    + deployment.where() + "; waiting for the ingest…");
            Optional<Receipt> receipt = IngestWait.await(catalog, key, uploaded.eTag(), uploaded.versionId(), started, timeout,
                    Duration.ofMillis(deployment.local() ? 200 : 1000));
            if (receipt.isEmpty()) {
                err.println("slipway: no ingest result for " + key + " after " + Durations.describe(timeout) + ": is "
                        + (deployment.local() ? "./slipway local" : "the ingest function") + " running? (see its log)");
                return Slipway.TIMED_OUT;
            }
            return report(receipt.get(), catalog, deployment, out, err);
        }
    }

    private int report(Receipt receipt, S3Catalog catalog, Deployment deployment, PrintWriter out, PrintWriter err)
            throws CatalogException {
        boolean canLink = deployment.keys() != null && deployment.site() != null;
        String token = canLink ? new LinkSigner(deployment.keys(), Clock.systemUTC())
                .sign(new BuildScope(receipt.id()), Purpose.PAGE, ttl) : null;
        if (!receipt.built()) {
            err.println("slipway: the ingest rejected " + file.getFileName() + ": " + receipt.reason());
            if (canLink) {
                err.println("Failure page: " + PageLinks.failure(deployment.site(), token, receipt.id()));
            }
            return Slipway.REJECTED;
        }
        Optional<BuildRecord> build = catalog.build(receipt.id());
        out.println(build.map(b -> BuildMarkCommand.describe(b) + " · build " + b.id()).orElse("build " + receipt.id()));
        List<Installability.Finding> blockers = build.map(b -> Installability.assess(b.installFacts(), Instant.now()))
                .orElse(List.of()).stream().filter(f -> f.severity() == Installability.Severity.BLOCKER).toList();
        if (!blockers.isEmpty()) {
            // Loud, and before the link: a tester would otherwise find out at "Unable to Install".
            err.println("slipway: WARNING: iOS will not install this build:");
            blockers.forEach(f -> err.println("slipway:   ✗ " + f.message()));
            err.flush();
        }
        int code = blockers.isEmpty() ? 0 : Slipway.NOT_INSTALLABLE;
        if (!canLink) {
            err.println("No link printed: add --base-url and --secret-arn (or --keys-file) to get one, or run: slipway "
                    + "link " + receipt.id() + " --base-url … --secret-arn …");
            out.flush();
            return code;
        }
        String link = PageLinks.of(deployment.site(), token, new BuildScope(receipt.id())).toString();
        out.println(link);
        if (!noQr) {
            out.print(TerminalQr.render(link));
        }
        out.println(expiry(ttl));
        out.flush();
        return code;
    }

    /** The line under every printed link: {@code The link works for 30 days, until 2027-01-01 12:00 UTC.} */
    static String expiry(Duration ttl) {
        return "The link works for " + Durations.describe(ttl) + ", until " + UNTIL.format(Instant.now().plus(ttl)) + ".";
    }

    /**
     * @throws InvalidInputException if the notes do not fit in S3's user metadata
     */
    static String notesMetadata(String notes) throws InvalidInputException {
        byte[] utf8 = notes.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_NOTES_BYTES) {
            throw new InvalidInputException("--notes is " + String.format(Locale.ROOT, "%,d", utf8.length)
                    + " bytes in UTF-8; at most " + String.format(Locale.ROOT, "%,d", MAX_NOTES_BYTES) + " fit in S3 metadata");
        }
        // HTTP headers carry ASCII only: base64 keeps any text and line breaks intact.
        return Base64.getEncoder().encodeToString(utf8);
    }

    static String orDash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }
}
