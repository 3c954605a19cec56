package dev.slipway.install.browser;

import static dev.slipway.install.page.BuildPages.aBuild;

import dev.slipway.install.page.AppPage;
import dev.slipway.install.page.BuildPage;
import dev.slipway.install.page.BuildPages;
import dev.slipway.install.page.ErrorPage;
import dev.slipway.install.page.FailurePage;
import dev.slipway.install.page.PageRenderer;
import dev.slipway.install.page.Verdict.Badge;
import dev.slipway.install.page.Visitor;
import dev.slipway.ipa.Installability.Finding;
import dev.slipway.ipa.Installability.Severity;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;

/** The pages the browser tests open, registered on a {@link PageServer}. */
final class SamplePages {
    static final String BUILD = "/b/harbour";
    static final String HOSTILE_BUILD = "/b/xss";
    static final String BLOCKED_BUILD = "/b/expired";
    static final String APP = "/a/harbour";
    static final String ONE_CHANNEL_APP = "/a/harbour/beta";
    static final String IPAD_BUILD = "/b/ipad-only";
    static final String SUPERSEDED_BUILD = "/b/superseded";
    static final String FAILURE = "/f/harbour";
    static final String NOT_FOUND = "/b/unknown";
    static final String CSP_CONTROL = "/csp-control";
    static final String ICON = "/icon.png";

    /** Everything that breaks out of an element, an attribute, or the title. */
    static final String HOSTILE_NAME = "<script>alert(1)</script>\"'&</title>";

    static final String RELEASE_NOTES = """
            What’s new in 2.4.1
            • Sync is up to 3× faster on large libraries
            • Fixed a crash when opening Settings with no network
            • Dark mode for the share sheet

            Known issue: widgets may show stale data after an update. Details: https://example.com/harbour/issues/42""";

    private SamplePages() {
    }

    static void register(PageServer server, PageRenderer renderer) {
        String icon = server.url(ICON);
        server.resource(ICON, "image/png", icon());
        server.page(BUILD, userAgent -> renderer.build(aBuild().iconUrl(icon).releaseNotes(RELEASE_NOTES)
                .pageUrl(server.url(BUILD)).seenFrom(userAgent).create()));
        server.page(HOSTILE_BUILD, userAgent -> renderer.build(aBuild().appName(HOSTILE_NAME).releaseNotes(HOSTILE_NAME
                + "\n<img src=x onerror=alert(2)> javascript:alert(3)").pageUrl(server.url(HOSTILE_BUILD)).seenFrom(userAgent).create()));
        Finding expired = new Finding(Severity.BLOCKER, "profile-expired", "the provisioning profile expired on 3 Mar 2025");
        server.page(BLOCKED_BUILD, userAgent -> renderer.build(aBuild().iconUrl(icon).findings(BuildPages.DEVICES, expired)
                .profileExpiresAt(Instant.parse("2025-03-03T00:00:00Z")).pageUrl(server.url(BLOCKED_BUILD))
                .seenFrom(userAgent).create()));
        server.page(APP, userAgent -> renderer.app(new AppPage(new AppPage.App("Harbour", "com.example.harbour", icon),
                List.of(row("2.5.0", "520", "beta", "2026-11-21T08:00:00Z", 49_100_000L, Badge.INSTALLABLE, server, userAgent),
                        row("2.4.1", "512", "production", "2026-11-20T14:05:00Z", 48_200_000L, Badge.APP_STORE, server, userAgent)),
                List.of(row("2.5.0", "520", "beta", "2026-11-21T08:00:00Z", 49_100_000L, Badge.INSTALLABLE, server, userAgent),
                        row("2.5.0", "519", "beta", "2026-11-21T07:10:00Z", 49_000_000L, Badge.INSTALLABLE, server, userAgent),
                        row("2.4.1", "512", "production", "2026-11-20T14:05:00Z", 48_200_000L, Badge.APP_STORE, server, userAgent),
                        row("2.4.0", "501", "beta", "2026-11-01T10:00:00Z", 2_000_000L, Badge.EXPIRED, server, userAgent)),
                server.url(APP), false)));
        server.page(ONE_CHANNEL_APP, userAgent -> renderer.app(new AppPage(new AppPage.App("Harbour", "com.example.harbour", icon),
                List.of(row("2.5.0", "520", "beta", "2026-11-21T08:00:00Z", 2_100_000L, Badge.INSTALLABLE, server, userAgent)),
                List.of(row("2.5.0", "520", "beta", "2026-11-21T08:00:00Z", 2_100_000L, Badge.INSTALLABLE, server, userAgent),
                        row("2.5.0", "519", "beta", "2026-11-21T07:10:00Z", 2_000_000L, Badge.NOT_FOR_THIS_DEVICE, server, userAgent)),
                null, false)));
        server.page(IPAD_BUILD, userAgent -> renderer.build(aBuild().iconUrl(icon).deviceFamilies("iPad")
                .pageUrl(server.url(IPAD_BUILD)).seenFrom(userAgent).create()));
        server.page(SUPERSEDED_BUILD, userAgent -> renderer.build(aBuild().iconUrl(icon)
                .findings(BuildPages.DEVICES, expired).profileExpiresAt(Instant.parse("2025-03-03T00:00:00Z"))
                .newerBuild(new BuildPage.NewerBuild("2.5.0 (520)", Instant.parse("2026-11-21T08:00:00Z"), server.url(BUILD)))
                .pageUrl(server.url(SUPERSEDED_BUILD)).seenFrom(userAgent).create()));
        server.page(FAILURE, userAgent -> renderer.failure(new FailurePage("Harbour-2.5.1.ipa",
                "no embedded.mobileprovision: the app is not signed for any device", Instant.parse("2026-11-21T08:30:00Z"))));
        server.page(NOT_FOUND, userAgent -> renderer.error(ErrorPage.notFound()));
        // Not made by the renderer (its templates cannot hold an inline style): proves that the
        // browser reports what the CSP blocks, so an empty report list means something.
        server.page(CSP_CONTROL, userAgent -> "<!DOCTYPE html><html lang=\"en\"><head><title>control</title></head>"
                + "<body><p style=\"color: red\">inline style</p></body></html>");
    }

    /** A row as the app page route makes it: an Install link only where Safari on iOS can use it. */
    private static AppPage.BuildRow row(String version, String build, String channel, String uploadedAt, long size,
                                        Badge badge, PageServer server, String userAgent) {
        boolean installHere = badge == Badge.INSTALLABLE && Visitor.fromUserAgent(userAgent).kind() == Visitor.Kind.IOS_SAFARI;
        return new AppPage.BuildRow(new AppPage.Build(version, build, channel, Instant.parse(uploadedAt), size), badge,
                server.url(BUILD), installHere ? BuildPages.INSTALL_LINK : null);
    }

    /** A 180 × 180 app icon: a sail on a sea-blue gradient. */
    static byte[] icon() {
        BufferedImage image = new BufferedImage(180, 180, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setPaint(new GradientPaint(0, 0, new Color(0x2F, 0x9B, 0xD6), 180, 180, new Color(0x12, 0x3E, 0x8C)));
        graphics.fillRect(0, 0, 180, 180);
        graphics.setColor(Color.WHITE);
        Path2D sail = new Path2D.Double();
        sail.moveTo(92, 30);
        sail.lineTo(92, 118);
        sail.lineTo(40, 118);
        sail.closePath();
        graphics.fill(sail);
        graphics.fill(new Polygon(new int[] {100, 100, 142}, new int[] {52, 118, 118}, 3));
        graphics.setColor(new Color(0xE8, 0xF4, 0xFF));
        graphics.fill(new Polygon(new int[] {34, 146, 132, 48}, new int[] {128, 128, 148, 148}, 4));
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
