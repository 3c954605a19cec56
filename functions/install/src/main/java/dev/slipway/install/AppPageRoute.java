package dev.slipway.install;

import dev.slipway.access.AccessPolicy;
import dev.slipway.access.AppScope;
import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.LinkToken;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.IndexEntry;
import dev.slipway.catalog.Layout;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.catalog.S3Catalog.AppBuilds;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.device.Device;
import dev.slipway.device.ProfileDevices;
import dev.slipway.http.RefusedRequestException;
import dev.slipway.install.page.AppPage;
import dev.slipway.install.page.DeviceCheck;
import dev.slipway.install.page.DeviceMarks;
import dev.slipway.install.page.PageRenderer;
import dev.slipway.install.page.Visitor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * {@code GET /a/{bundleId}[/{channel}]?t=…[&all=1]}: an app's newest build per channel and its
 * history (page token: the app, or that channel), withdrawn builds left out. Build links reuse the
 * same token, which reaches them; each row carries the badge its build page would give it. The
 * history shows the newest {@value #FIRST} builds, then a link to all of them (the newest
 * {@value BuildVerdicts#HISTORY}, what the app's index document holds): a page costs the same to
 * make and to read on a phone whether the app has three builds or three hundred.
 */
record AppPageRoute(S3Catalog catalog, AccessPolicy policy, PageRenderer pages, BuildVerdicts verdicts,
                    KnownDevices devices) implements Route.Handler {
    /** Builds marked for a known device: each mark costs a record read, so the newest only. */
    private static final int MARKED = 20;
    /** Builds in the history before "Older builds": the ones testers look for, in one screen or two. */
    static final int FIRST = 20;

    @Override
    public HttpResponse answer(RequestContext request, Matcher path)
            throws InvalidTokenException, RefusedRequestException, CatalogException {
        String bundleId = path.group(1);
        request.log("page", "app", "app", bundleId);
        LinkToken token = request.token(Purpose.PAGE);
        if (!(token.scope() instanceof AppScope scope) || !scope.bundleId().equals(bundleId)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_SCOPE, "page token is not for app " + bundleId);
        }
        String channel = path.group(2) != null ? path.group(2) : scope.channel();
        if (scope.channel() != null && !scope.channel().equals(channel)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_SCOPE, "page token is for another channel");
        }
        policy.checkScope(token);
        request.log("channel", channel);
        // Withdrawn builds are left out by the catalog, in the same one listing.
        boolean everyBuild = "1".equals(request.request().param("all"));
        // One more than shown tells whether there are older builds to link to.
        AppBuilds builds = catalog.appBuilds(bundleId, channel, everyBuild ? BuildVerdicts.HISTORY : FIRST + 1);
        List<IndexEntry> listed = builds.newest();
        List<IndexEntry> all = everyBuild ? listed : listed.subList(0, Math.min(FIRST, listed.size()));
        if (all.isEmpty()) {
            throw new RefusedRequestException(404, "no builds of " + bundleId);
        }
        IndexEntry newest = all.get(0);
        // One verdict per build, shared by its rows under "Latest" and "All".
        BuildVerdicts.PageRows pageRows = verdicts.rows(request);
        Map<String, AppPage.BuildRow> rows = new LinkedHashMap<>();
        for (IndexEntry entry : all) {
            rows.put(entry.id(), pageRows.row(entry));
        }
        List<AppPage.BuildRow> latestRows = new ArrayList<>();
        for (IndexEntry entry : builds.latestPerChannel().values()) {
            latestRows.add(rows.containsKey(entry.id()) ? rows.get(entry.id()) : pageRows.row(entry));
        }
        String icon = newest.hasIcon() ? request.link("/" + Layout.icon(newest.id(), 0)) : null;
        String older = listed.size() > all.size() ? request.link(path.group(0) + "?t=" + request.rawToken() + "&all=1") : null;
        AppPage page = new AppPage(new AppPage.App(newest.name(), bundleId, icon), latestRows, List.copyOf(rows.values()),
                older, request.visitor().kind() == Visitor.Kind.MAC);
        return HttpResponse.text(200, "text/html; charset=utf-8", pages.app(page, marks(request, pageRows, all, path.group(0))));
    }

    /**
     * Each of the newest builds marked for the visitor's device if it is known; otherwise, in
     * Safari on iOS, "Check this device" when the newest build limits devices. (An iPad in desktop
     * mode gets the offer on build pages, where the touch check runs.)
     */
    private DeviceMarks marks(RequestContext request, BuildVerdicts.PageRows rows, List<IndexEntry> builds, String pagePath)
            throws CatalogException {
        Optional<Device> device = devices.of(request);
        if (device.isEmpty()) {
            if (request.visitor().kind() != Visitor.Kind.IOS_SAFARI) {
                return DeviceMarks.none();
            }
            Optional<BuildRecord> newest = catalog.build(builds.get(0).id());
            return newest.isPresent() && ProfileDevices.of(newest.get()).limitsDevices()
                    ? DeviceMarks.offering(DeviceCheck.offer(request.link("/enrol" + pagePath + "?t=" + request.rawToken()),
                    false)) : DeviceMarks.none();
        }
        Map<String, DeviceCheck.Status> marks = new HashMap<>();
        for (IndexEntry entry : builds.subList(0, Math.min(MARKED, builds.size()))) {
            Optional<BuildRecord> build = catalog.build(entry.id());
            if (build.isPresent()) {
                marks.put(rows.pageLink(entry.id()), KnownDevices.status(ProfileDevices.of(build.get()), device.get()));
            }
        }
        return DeviceMarks.of(marks);
    }
}
