package dev.slipway.install.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.StringOutput;
import java.time.Clock;
import dev.slipway.notes.ReleaseNotes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders Slipway's HTML pages from precompiled jte templates ({@code src/main/jte}, compiled to
 * classes at build time, so no template compiler runs at cold start). Every value is escaped by
 * jte for where it lands; the pages have no inline style or script, so they run under
 * {@code default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' https: data:}.
 *
 * <p>Thread-safe; build one at init and reuse it.
 */
public final class PageRenderer {
    /** Pages are a few KB; starting near that saves the buffer's regrowth. */
    private static final int INITIAL_CAPACITY = 16 * 1024;
    /** What a row of an app page adds (about 750 characters, mostly its two links): room made up front. */
    private static final int ROW_CAPACITY = 1024;

    private final TemplateEngine templates;
    private final Assets assets;
    private final Clock clock;

    /**
     * A renderer with the precompiled templates and the assets on the classpath.
     *
     * @throws IllegalStateException if an asset is missing from the classpath
     */
    public PageRenderer() {
        this(TemplateEngine.createPrecompiled(ContentType.Html), Assets.fromClasspath(), Clock.systemUTC());
    }

    /**
     * A renderer with the given engine (precompiled, {@link ContentType#Html}), assets and clock (for
     * the "profile expires soon" warning).
     *
     * @throws NullPointerException if any of them is null
     */
    public PageRenderer(TemplateEngine templates, Assets assets, Clock clock) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.assets = Objects.requireNonNull(assets, "assets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The static files the pages link, for the handler to serve under {@link Assets#PATH_PREFIX}. */
    public Assets assets() {
        return assets;
    }

    /**
     * The install page of one build, for the visitor in {@code page.visitor()}.
     *
     * @throws IllegalArgumentException if the page URL is too long for a QR code (over 2,331 bytes)
     *                                  and the visitor would be shown one
     * @throws TemplateException if a template fails (a bug, not bad input)
     */
    public String build(BuildPage page) {
        return build(page, DeviceCheck.none());
    }

    /**
     * The install page of one build, with what it says about the visitor's device.
     *
     * @throws IllegalArgumentException if the page URL is too long for a QR code (over 2,331 bytes)
     *                                  and the visitor would be shown one
     * @throws TemplateException if a template fails (a bug, not bad input)
     */
    public String build(BuildPage page, DeviceCheck device) {
        Guidance guidance = Guidance.forBuild(page, clock.instant());
        QrCode qr = guidance.showsQr() ? QrCode.of(page.pageUrl()) : null;
        List<String> scripts = new ArrayList<>();
        if (guidance.needsTouchCheck()) {
            scripts.add(assets.path(Assets.TOUCH_SCRIPT));
        }
        if (guidance.showsCopyLink()) {
            scripts.add(assets.path(Assets.COPY_SCRIPT));
        }
        Head head = Head.page(page.appName() + " " + page.version() + " (" + page.build() + ")",
                assets.path(Assets.STYLESHEET), scripts);
        Map<String, Object> parameters = new HashMap<>(); // Map.of refuses the null QR code
        parameters.put("head", head);
        parameters.put("page", page);
        parameters.put("guidance", guidance);
        parameters.put("notes", ReleaseNotes.parse(page.releaseNotes()));
        parameters.put("qr", qr);
        parameters.put("device", device);
        parameters.put("deviceScript", assets.path(Assets.DEVICE_SCRIPT));
        return render("build.jte", parameters);
    }

    /**
     * The page of one app: newest build per channel, then the history.
     *
     * @throws TemplateException if a template fails (a bug, not bad input)
     */
    public String app(AppPage page) {
        return app(page, DeviceMarks.none());
    }

    /**
     * The page of one app, each build marked for the visitor's device when it is known.
     *
     * @throws TemplateException if a template fails (a bug, not bad input)
     */
    public String app(AppPage page, DeviceMarks marks) {
        List<String> scripts = page.touchCheck() ? List.of(assets.path(Assets.TOUCH_SCRIPT)) : List.of();
        int rows = page.latestPerChannel().size() + page.history().size();
        return render("app.jte", Map.of("head", Head.page(page.app().name(), assets.path(Assets.STYLESHEET), scripts),
                "page", page, "marks", marks, "deviceScript", assets.path(Assets.DEVICE_SCRIPT)),
                INITIAL_CAPACITY + rows * ROW_CAPACITY);
    }

    /**
     * The page of a rejected upload.
     *
     * @throws TemplateException if a template fails (a bug, not bad input)
     */
    public String failure(FailurePage page) {
        return render("failure.jte", Map.of("head", head(page.fileName() + " was not published"), "page", page));
    }

    /**
     * A friendly error page; the handler sends it with {@code page.status()}.
     *
     * @throws TemplateException if a template fails (a bug, not bad input)
     */
    public String error(ErrorPage page) {
        return render("error.jte", Map.of("head", Head.error(page.title(), assets.path(Assets.STYLESHEET)), "page", page));
    }

    private Head head(String title) {
        return Head.page(title, assets.path(Assets.STYLESHEET), List.of());
    }

    private String render(String template, Map<String, Object> parameters) {
        return render(template, parameters, INITIAL_CAPACITY);
    }

    private String render(String template, Map<String, Object> parameters, int capacity) {
        StringOutput output = new StringOutput(capacity);
        templates.render(template, parameters, output);
        return output.toString();
    }
}
