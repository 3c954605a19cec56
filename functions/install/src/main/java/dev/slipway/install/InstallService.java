package dev.slipway.install;

import dev.slipway.access.AccessPolicy;
import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.LinkToken;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.FailureRecord;
import dev.slipway.catalog.IndexEntry;
import dev.slipway.catalog.Layout;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.install.page.AppPage;
import dev.slipway.install.page.Assets;
import dev.slipway.install.page.BuildPage;
import dev.slipway.install.page.ErrorPage;
import dev.slipway.install.page.FailurePage;
import dev.slipway.install.page.PageRenderer;
import dev.slipway.install.page.Visitor;
import dev.slipway.ipa.DeviceFamily;
import dev.slipway.ipa.Installability;
import dev.slipway.log.Log;
import dev.slipway.manifest.InstallLink;
import dev.slipway.manifest.ManifestData;
import dev.slipway.manifest.OtaManifest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The install site: build and app pages, per-request manifests, and redirects to short-lived
 * presigned downloads. Every URL carries its own token, because iOS fetches the manifest and the
 * IPA without cookies; every failure to authorise looks like an unknown page from outside.
 *
 * <pre>
 * GET  /b/{build}?t=…                 build page          (page token: the build, or its app/channel)
 * GET  /a/{bundleId}[/{channel}]?t=…  app page            (page token: the app, or that channel)
 * GET  /f/{failure}?t=…               rejected upload     (page token for the failure id)
 * GET  /m/{build}.plist?t=…           manifest            (manifest token, minted by the page)
 * GET  /d/{build}.ipa?t=…, HEAD too   302 to S3           (package token, minted by the manifest)
 * GET  /assets/{name}                 CSS and script      (content-hashed, immutable)
 * </pre>
 */
public final class InstallService {
    private static final Log LOG = Log.of(InstallService.class);
    private static final Pattern BUILD = Pattern.compile("/b/([a-z2-7]{20})");
    private static final Pattern FAILURE = Pattern.compile("/f/([a-z2-7]{20})");
    private static final Pattern MANIFEST = Pattern.compile("/m/([a-z2-7]{20})\\.plist");
    private static final Pattern DOWNLOAD = Pattern.compile("/d/([a-z2-7]{20})\\.ipa");
    private static final Pattern APP = Pattern.compile("/a/([A-Za-z0-9.-]{1,155})(?:/([a-z0-9][a-z0-9._-]{0,39}))?");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");
    private static final int HISTORY = 50;

    private final S3Catalog catalog;
    private final S3Presigner presigner;
    private final LinkSigner signer;
    private final AccessPolicy policy;
    private final PageRenderer pages;
    private final Clock clock;
    private final Duration downloadTtl;
    private final String customDomain;

    /**
     * @param downloadTtl how long manifest and package tokens, and presigned URLs, stay valid
     * @param customDomain the custom domain CloudFront serves, or "" (see {@link #origin})
     */
    public InstallService(S3Catalog catalog, S3Presigner presigner, LinkSigner signer, AccessPolicy policy,
                          PageRenderer pages, Clock clock, Duration downloadTtl, String customDomain) {
        this.catalog = catalog;
        this.presigner = presigner;
        this.signer = signer;
        this.policy = policy;
        this.pages = pages;
        this.clock = clock;
        this.downloadTtl = downloadTtl;
        this.customDomain = customDomain == null ? "" : customDomain;
    }

    /** Answers one request; never throws. */
    public HttpResponse handle(HttpRequest request) {
        boolean head = request.method().equals("HEAD");
        if (!head && !request.method().equals("GET")) {
            return page(new ErrorPage(405, "Not allowed", "This site only answers GET and HEAD requests."))
                    .withHeader("Allow", "GET, HEAD");
        }
        HttpResponse response;
        try {
            response = route(request);
        } catch (InvalidTokenException e) {
            // Reason for the log only: from outside a bad, revoked or foreign token is a missing page.
            LOG.info(request.method() + " " + route(request.path()) + " refused: " + e.reason() + " " + e.getMessage());
            response = page(e.reason() == InvalidTokenException.Reason.EXPIRED ? ErrorPage.expired() : ErrorPage.notFound());
        } catch (CatalogException | RuntimeException e) {
            // S3 faults, unreadable records, bugs: a plain 500 page, still with every security header.
            LOG.error(request.method() + " " + route(request.path()) + " failed: " + e);
            response = page(ErrorPage.serverError());
        }
        return head ? response.withoutBody() : response;
    }

    private HttpResponse route(HttpRequest request) throws InvalidTokenException, CatalogException {
        String path = request.path();
        Matcher m;
        if (path.startsWith(Assets.PATH_PREFIX)) {
            return pages.assets().find(path.substring(Assets.PATH_PREFIX.length()))
                    .map(a -> HttpResponse.binary(a.contentType(), a.bytes(), "public, max-age=31536000, immutable"))
                    .orElseGet(() -> page(ErrorPage.notFound()));
        } else if ((m = BUILD.matcher(path)).matches()) {
            return buildPage(request, m.group(1));
        } else if ((m = MANIFEST.matcher(path)).matches()) {
            return manifest(request, m.group(1));
        } else if ((m = DOWNLOAD.matcher(path)).matches()) {
            return download(request, m.group(1));
        } else if ((m = APP.matcher(path)).matches()) {
            return appPage(request, m.group(1), m.group(2));
        } else if ((m = FAILURE.matcher(path)).matches()) {
            return failurePage(request, m.group(1));
        }
        return page(ErrorPage.notFound());
    }

    private HttpResponse buildPage(HttpRequest request, String id) throws InvalidTokenException, CatalogException {
        LinkToken token = signer.verify(token(request), Purpose.PAGE);
        BuildRecord build = authorisedBuild(token, id);
        URI origin = origin(request);
        String manifestToken = signer.sign(new BuildScope(id), Purpose.MANIFEST, downloadTtl);
        String installLink = InstallLink.forManifest(origin.resolve("/m/" + id + ".plist?t=" + manifestToken));
        String pageUrl = origin.resolve("/b/" + id + "?t=" + request.param("t")).toString();
        List<String> families = build.deviceFamilies().stream().map(InstallService::familyLabel).toList();
        BuildPage page = new BuildPage(build.name(), build.bundleId(), orDash(build.version()), orDash(build.build()),
                build.hasIcon() ? origin.resolve("/" + Layout.icon(id, 0)).toString() : null, build.size(),
                build.uploadedAt(), build.channel(), build.releaseNotes(), build.minimumOsVersion(), families,
                build.profileType(), build.profileExpiresAt(), build.teamName(), installLink, pageUrl,
                Installability.assess(build.installFacts(), clock.instant()),
                Visitor.fromUserAgent(request.header("user-agent")));
        LOG.info("page build=" + id);
        return HttpResponse.text(200, "text/html; charset=utf-8", pages.build(page));
    }

    private HttpResponse manifest(HttpRequest request, String id) throws InvalidTokenException, CatalogException {
        LinkToken token = signer.verify(token(request), Purpose.MANIFEST);
        BuildRecord build = authorisedBuild(token, id);
        URI origin = origin(request);
        String packageToken = signer.sign(new BuildScope(id), Purpose.PACKAGE, downloadTtl);
        ManifestData data = new ManifestData(origin.resolve("/d/" + id + ".ipa?t=" + packageToken),
                build.hasIcon() ? origin.resolve("/" + Layout.icon(id, 57)) : null,
                build.hasIcon() ? origin.resolve("/" + Layout.icon(id, 512)) : null,
                build.bundleId(), build.version() != null ? build.version() : build.build(), build.name());
        LOG.info("manifest build=" + id);
        return HttpResponse.text(200, "text/xml; charset=utf-8", OtaManifest.toXml(data));
    }

    private HttpResponse download(HttpRequest request, String id) throws InvalidTokenException, CatalogException {
        LinkToken token = signer.verify(token(request), Purpose.PACKAGE);
        BuildRecord build = authorisedBuild(token, id);
        String disposition = contentDisposition(build.fileName() == null ? "app.ipa" : build.fileName());
        String url;
        if (request.method().equals("HEAD")) {
            // A URL presigned for GET refuses HEAD, so HEAD gets its own.
            url = presigner.presignHeadObject(p -> p.signatureDuration(downloadTtl).headObjectRequest(h -> h
                    .bucket(catalog.bucket()).key(build.ipaKey()).versionId(build.ipaVersionId())
                    .responseContentType("application/octet-stream").responseContentDisposition(disposition)))
                    .url().toString();
        } else {
            url = presigner.presignGetObject(p -> p.signatureDuration(downloadTtl).getObjectRequest(g -> g
                    .bucket(catalog.bucket()).key(build.ipaKey()).versionId(build.ipaVersionId())
                    .responseContentType("application/octet-stream").responseContentDisposition(disposition)))
                    .url().toString();
        }
        LOG.info("download " + request.method() + " build=" + id);
        return HttpResponse.redirect(url);
    }

    private HttpResponse appPage(HttpRequest request, String bundleId, String pathChannel)
            throws InvalidTokenException, CatalogException {
        LinkToken token = signer.verify(token(request), Purpose.PAGE);
        if (!(token.scope() instanceof AppScope scope) || !scope.bundleId().equals(bundleId)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_SCOPE, "page token is not for app " + bundleId);
        }
        String channel = pathChannel != null ? pathChannel : scope.channel();
        if (scope.channel() != null && !scope.channel().equals(channel)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_SCOPE, "page token is for another channel");
        }
        policy.checkScope(token);
        List<String> channels = channel != null ? List.of(channel) : catalog.channels(bundleId);
        URI origin = origin(request);
        String t = request.param("t");
        List<AppPage.ChannelLatest> latest = new ArrayList<>();
        List<IndexEntry> all = new ArrayList<>();
        Set<String> withdrawn = catalog.withdrawn(bundleId);
        for (String c : channels) {
            List<IndexEntry> history = new ArrayList<>(catalog.history(bundleId, c, HISTORY));
            history.removeIf(e -> withdrawn.contains(e.id()));
            if (!history.isEmpty()) {
                IndexEntry newest = history.get(0);
                latest.add(new AppPage.ChannelLatest(c, orDash(newest.version()), orDash(newest.build()), newest.uploadedAt(),
                        origin.resolve("/b/" + newest.id() + "?t=" + t).toString()));
                all.addAll(history);
            }
        }
        if (all.isEmpty()) {
            return page(ErrorPage.notFound());
        }
        all.sort(Comparator.comparing(IndexEntry::uploadedAt).reversed());
        IndexEntry newest = all.get(0);
        List<AppPage.BuildRow> rows = all.stream().limit(HISTORY).map(e -> new AppPage.BuildRow(orDash(e.version()),
                orDash(e.build()), e.channel(), e.uploadedAt(), e.size(), origin.resolve("/b/" + e.id() + "?t=" + t)
                .toString())).toList();
        String icon = newest.hasIcon() ? origin.resolve("/" + Layout.icon(newest.id(), 0)).toString() : null;
        LOG.info("page app=" + bundleId + " channel=" + channel);
        return HttpResponse.text(200, "text/html; charset=utf-8",
                pages.app(new AppPage(newest.name(), bundleId, icon, latest, rows)));
    }

    private HttpResponse failurePage(HttpRequest request, String id) throws InvalidTokenException, CatalogException {
        LinkToken token = signer.verify(token(request), Purpose.PAGE);
        if (!(token.scope() instanceof BuildScope scope) || !scope.buildId().equals(id)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_SCOPE, "page token is not for this upload");
        }
        policy.checkScope(token);
        Optional<FailureRecord> failure = catalog.failure(id);
        if (failure.isEmpty()) {
            return page(ErrorPage.notFound());
        }
        return HttpResponse.text(200, "text/html; charset=utf-8", pages.failure(new FailurePage(
                failure.get().fileName(), failure.get().reason(), failure.get().uploadedAt())));
    }

    /** The build, if the token reaches it: unknown builds fail exactly like foreign tokens. */
    private BuildRecord authorisedBuild(LinkToken token, String id) throws InvalidTokenException, CatalogException {
        Optional<BuildRecord> build = catalog.build(id);
        if (build.isEmpty()) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_SCOPE, "no build " + id);
        }
        policy.checkBuild(token, id, build.get().bundleId(), build.get().channel());
        if (catalog.withdrawn(build.get().bundleId(), id)) {
            // Withdrawn looks like gone: the same 404 as an unknown build, so a link says nothing about it.
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_SCOPE, "build " + id + " is withdrawn");
        }
        return build.get();
    }

    private static String token(HttpRequest request) throws InvalidTokenException {
        String t = request.param("t");
        if (t == null || t.isEmpty()) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "no token in the URL");
        }
        return t;
    }

    /**
     * The https origin the visitor used. Behind CloudFront the viewer's host arrives as
     * {@code x-forwarded-host} (a CloudFront function copies it; CloudFront sends the API's own
     * host as {@code Host}); that header is trusted only for the CloudFront or custom domain.
     */
    URI origin(HttpRequest request) {
        String forwarded = request.header("x-forwarded-host");
        String host = request.header("host");
        String chosen = forwarded != null && (forwarded.endsWith(".cloudfront.net") || forwarded.equalsIgnoreCase(customDomain))
                ? forwarded : host;
        if (chosen == null || !HOST.matcher(chosen).matches()) {
            throw new IllegalStateException("request has no usable Host header");
        }
        return URI.create("https://" + chosen);
    }

    private HttpResponse page(ErrorPage error) {
        return HttpResponse.text(error.status(), "text/html; charset=utf-8", pages.error(error));
    }

    /** The route without ids or tokens, for logs. */
    private static String route(String path) {
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(0, second + 1) + "…";
    }

    private static String familyLabel(String id) {
        for (DeviceFamily family : DeviceFamily.values()) {
            if (family.id().equals(id)) {
                return family.label();
            }
        }
        return id;
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }

    /** {@code attachment} with an ASCII fallback name and the exact UTF-8 name (RFC 6266). */
    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + InstallLink.encodeComponent(fileName);
    }

}
