package dev.slipway.cli;

import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.PageLinks;
import dev.slipway.access.Purpose;
import dev.slipway.access.Scope;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.S3Catalog;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway link BUILD|APP[:CHANNEL]}: mint a page link with the deployment's keys. */
@Command(name = "link",
        description = {"Print a page link: to one build (BUILD, a build id), to an app's newest builds on every channel "
                + "(APP, a bundle id) or on one (APP:CHANNEL).", "",
                "With --local, the local stack's keys and address. Otherwise the deployed keys (--secret-arn, "
                + "--keys-file or SLIPWAY_LINK_KEYS) and site (--base-url); with --bucket the build or app is checked "
                + "to exist first."},
        exitCodeList = {"0:the link is printed", SlipwayCommand.EXIT_IO_FAILURE,
                "2:invalid input (bad scope or option, no such build or app, keys or site not configured)"})
final class LinkCommand extends DeploymentCommand {
    private static final Pattern LOOKS_LIKE_BUILD_ID = Pattern.compile("[A-Za-z0-9]{10,40}");

    @Parameters(paramLabel = "BUILD|APP[:CHANNEL]", description = "What the link opens.")
    String scope;

    @Option(names = "--ttl", paramLabel = "DURATION", converter = Durations.class,
            description = "How long the link works: 90s, 15m, 12h, 7d, … up to 400d (default: 30d; 400d with --api).")
    Duration ttl;

    @Option(names = "--api", description = "Print the update-check URL for APP[:CHANNEL] instead (GET …/api/v1/apps/"
            + "APP/latest: JSON of the newest installable build), with a long-lived token to embed in test builds.")
    boolean api;

    @Option(names = "--qr", description = "Also print the link as a QR code.")
    boolean qr;

    private Scope parsed;

    @Override
    boolean needsBucket() {
        return false;
    }

    @Override
    void check() throws InvalidInputException {
        parsed = Scopes.parse(scope);
        if (api && !(parsed instanceof AppScope)) {
            throw new InvalidInputException("--api needs APP or APP:CHANNEL, not a build: apps ask for their newest build");
        }
        if (ttl == null) {
            ttl = api ? Purpose.PAGE.maxTtl() : Purpose.PAGE.defaultTtl();
        }
        checkTtl(ttl);
    }

    @Override
    int run(Deployment deployment, PrintWriter out) throws InvalidInputException, CatalogException {
        deployment.requireLinkSetup();
        if (deployment.hasBucket()) {
            checkExists(deployment.catalog(), parsed, deployment.where());
        }
        String token = new LinkSigner(deployment.keys(), Clock.systemUTC()).sign(parsed, Purpose.PAGE, ttl);
        String link = api ? updateCheck(deployment.site(), token, (AppScope) parsed).toString()
                : PageLinks.of(deployment.site(), token, parsed).toString();
        out.println(link);
        if (qr) {
            out.print(TerminalQr.render(link));
        }
        out.println(PublishCommand.expiry(ttl));
        return 0;
    }

    /** {@code /api/v1/apps/{bundleId}/latest[?channel=C]&t=…}: the install function's update-check route. */
    static URI updateCheck(URI site, String token, AppScope app) {
        return site.resolve("/api/v1/apps/" + app.bundleId() + "/latest?"
                + (app.channel() == null ? "" : "channel=" + app.channel() + "&") + "t=" + token);
    }

    /**
     * @throws InvalidInputException if a page link may not live that long
     */
    static void checkTtl(Duration ttl) throws InvalidInputException {
        if (ttl.compareTo(Purpose.PAGE.maxTtl()) > 0) {
            throw new InvalidInputException("--ttl " + Durations.describe(ttl) + " is longer than a page link may work ("
                    + Durations.describe(Purpose.PAGE.maxTtl()) + ")");
        }
    }

    /**
     * @throws InvalidInputException naming the build, app or channel if the bucket has none
     */
    static void checkExists(S3Catalog catalog, Scope scope, String where) throws InvalidInputException, CatalogException {
        if (scope instanceof BuildScope build) {
            if (catalog.build(build.buildId()).isEmpty()) {
                throw new InvalidInputException("no build " + build.buildId() + " in " + where);
            }
            return;
        }
        AppScope app = (AppScope) scope;
        List<String> channels = catalog.channels(app.bundleId());
        if (channels.isEmpty() && app.channel() == null && LOOKS_LIKE_BUILD_ID.matcher(app.bundleId()).matches()) {
            // Bundle ids are reverse-DNS: a dotless word of letters and digits is a mistyped build id.
            throw new InvalidInputException("no build " + app.bundleId() + " in " + where);
        }
        if (channels.isEmpty()) {
            throw new InvalidInputException("no builds of app " + app.bundleId() + " in " + where);
        }
        if (app.channel() != null && !channels.contains(app.channel())) {
            throw new InvalidInputException("no builds of app " + app.bundleId() + " on channel " + app.channel() + " in "
                    + where + " (its channels: " + String.join(", ", channels) + ")");
        }
    }
}
