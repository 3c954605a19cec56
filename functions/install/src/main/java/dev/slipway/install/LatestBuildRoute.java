package dev.slipway.install;

import dev.slipway.access.AccessPolicy;
import dev.slipway.access.AppScope;
import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.LinkToken;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.IndexEntry;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.ipa.Installability;
import dev.slipway.notes.ReleaseNotes;
import dev.slipway.wire.JsonMaps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * {@code GET /api/v1/apps/{bundleId}/latest?channel=C&t=…}: the newest installable build of an app
 * on a channel (or on any, without {@code channel}), as JSON for the app itself to ask "is there a
 * newer build?". The token is a page token for the app (or that channel), revocable like any link;
 * {@code slipway link APP[:CHANNEL] --api} mints a long-lived one.
 *
 * <p>Answers carry an {@code ETag} (of the body) and {@code Cache-Control: private, max-age=60}; a
 * matching {@code If-None-Match} gets 304. Every refusal is JSON: 404 for an unknown app or
 * channel, a bad, foreign or revoked token alike (nothing tells them apart from outside), 410 for
 * an expired one.
 */
record LatestBuildRoute(S3Catalog catalog, AccessPolicy policy, Clock clock) implements Route.Handler {
    static final String CACHE_CONTROL = "private, max-age=60";
    /** Newer builds that are not installable (expired profile, App Store) are skipped, this many at most. */
    private static final int LOOK_BACK = 20;
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    @Override
    public HttpResponse answer(RequestContext request, Matcher path) throws CatalogException {
        String bundleId = path.group(1);
        String channel = request.request().param("channel");
        request.log("app", bundleId, "channel", channel);
        try {
            LinkToken token = request.token(Purpose.PAGE);
            if (!(token.scope() instanceof AppScope scope) || !scope.bundleId().equals(bundleId)
                    || scope.channel() != null && channel != null && !scope.channel().equals(channel)) {
                throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_SCOPE,
                        "token is not for app " + bundleId + (channel == null ? "" : " channel " + channel));
            }
            policy.checkScope(token);
            String effective = channel != null ? channel : scope.channel();
            Optional<BuildRecord> latest = latest(bundleId, effective);
            if (latest.isEmpty()) {
                request.log("refused", "NOT_FOUND");
                return error(404, "no installable build of " + bundleId + (effective == null ? "" : " on channel " + effective));
            }
            BuildRecord build = latest.get();
            request.log("build", build.id());
            return answer(request, body(request, build));
        } catch (InvalidTokenException e) {
            request.log("refused", e.reason(), "why", e.getMessage());
            return e.reason() == InvalidTokenException.Reason.EXPIRED ? error(410, "the link has expired")
                    : error(404, "no such app or channel for this link");
        }
    }

    private Optional<BuildRecord> latest(String bundleId, String channel) throws CatalogException {
        // Withdrawn builds are left out by the catalog: the newest installable one that is not.
        for (IndexEntry entry : catalog.appBuilds(bundleId, channel, LOOK_BACK).newest()) {
            Optional<BuildRecord> build = catalog.build(entry.id());
            if (build.isPresent() && Installability.installable(
                    Installability.assess(build.get().installFacts(), clock.instant()))) {
                return build;
            }
        }
        return Optional.empty();
    }

    private static byte[] body(RequestContext request, BuildRecord build) {
        return JsonMaps.write(JsonMaps.of("bundleId", build.bundleId(), "channel", build.channel(),
                "version", build.version(), "build", build.build(), "buildId", build.id(),
                "uploadedAt", JsonMaps.iso(build.uploadedAt()), "minimumOsVersion", build.minimumOsVersion(),
                "releaseNotes", ReleaseNotes.plainText(build.releaseNotes()),
                // The app's own token reaches the build page of any of its builds.
                "pageUrl", request.link("/b/" + build.id() + "?t=" + request.rawToken())));
    }

    /** 200 with the body, or 304 when the client's copy is current. */
    private static HttpResponse answer(RequestContext request, byte[] body) {
        String eTag = "\"" + HexFormat.of().formatHex(sha256(body), 0, 16) + "\"";
        String ifNoneMatch = request.request().header("if-none-match");
        if (ifNoneMatch != null && matches(ifNoneMatch, eTag)) {
            request.log("notModified", true);
            return new HttpResponse(304, Map.of(), "", false).withHeader("ETag", eTag)
                    .withHeader("Cache-Control", CACHE_CONTROL);
        }
        return HttpResponse.text(200, JSON_TYPE, new String(body, StandardCharsets.UTF_8)).withHeader("ETag", eTag)
                .withHeader("Cache-Control", CACHE_CONTROL);
    }

    /** {@code If-None-Match}: {@code *}, or a list of tags, weak ones compared by their value (RFC 9110 13.1.2). */
    static boolean matches(String header, String eTag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(eTag)) {
                return true;
            }
        }
        return false;
    }

    private static HttpResponse error(int status, String message) {
        return HttpResponse.text(status, JSON_TYPE, new String(JsonMaps.write(Map.of("error", message)), StandardCharsets.UTF_8))
                .withHeader("Cache-Control", "no-store");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
