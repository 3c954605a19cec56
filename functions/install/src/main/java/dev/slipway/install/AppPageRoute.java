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
import dev.slipway.install.page.AppPage;
import dev.slipway.install.page.PageRenderer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * {@code GET /a/{bundleId}[/{channel}]?t=…}: an app's newest build per channel and its history
 * (page token: the app, or that channel). Build links reuse the same token, which reaches them.
 */
record AppPageRoute(S3Catalog catalog, AccessPolicy policy, PageRenderer pages) implements Route.Handler {
    private static final int HISTORY = 50;

    @Override
    public HttpResponse answer(RequestContext request, Matcher path)
            throws InvalidTokenException, NotFoundException, CatalogException {
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
        if (channel != null) {
            // An app-wide page has none (List.of in the log refuses nulls: a 500 before this check).
            request.log("channel", channel);
        }
        List<AppPage.ChannelLatest> latest = new ArrayList<>();
        List<IndexEntry> all = new ArrayList<>();
        for (Map.Entry<String, List<IndexEntry>> history : catalog.appHistory(bundleId, channel, HISTORY).entrySet()) {
            if (!history.getValue().isEmpty()) {
                IndexEntry newest = history.getValue().get(0);
                latest.add(new AppPage.ChannelLatest(history.getKey(), Text.orDash(newest.version()),
                        Text.orDash(newest.build()), newest.uploadedAt(), buildLink(request, newest)));
                all.addAll(history.getValue());
            }
        }
        if (all.isEmpty()) {
            throw new NotFoundException("no builds of " + bundleId);
        }
        all.sort(Comparator.comparing(IndexEntry::uploadedAt).reversed());
        IndexEntry newest = all.get(0);
        List<AppPage.BuildRow> rows = all.stream().limit(HISTORY).map(e -> new AppPage.BuildRow(Text.orDash(e.version()),
                Text.orDash(e.build()), e.channel(), e.uploadedAt(), e.size(), buildLink(request, e))).toList();
        String icon = newest.hasIcon() ? request.link("/" + Layout.icon(newest.id(), 0)).toString() : null;
        return HttpResponse.text(200, "text/html; charset=utf-8",
                pages.app(new AppPage(newest.name(), bundleId, icon, latest, rows)));
    }

    private static String buildLink(RequestContext request, IndexEntry entry) {
        return request.link("/b/" + entry.id() + "?t=" + request.rawToken()).toString();
    }
}
