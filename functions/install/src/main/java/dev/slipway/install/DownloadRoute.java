package dev.slipway.install;

import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.CatalogException;
import dev.slipway.storage.DownloadLinks;
import dev.slipway.text.PercentEncoding;
import java.time.Duration;
import java.util.regex.Matcher;

/**
 * {@code GET|HEAD /d/{build}.ipa?t=…}: a 302 to a presigned S3 URL for the build's IPA (package
 * token, minted by the manifest). Nothing presigned is stored: each request presigns anew.
 */
record DownloadRoute(AuthorisedBuilds builds, DownloadLinks downloads, Duration downloadTtl) implements Route.Handler {
    @Override
    public HttpResponse answer(RequestContext request, Matcher path) throws InvalidTokenException, CatalogException {
        String id = path.group(1);
        BuildRecord build = builds.get(request, id, Purpose.PACKAGE);
        String disposition = contentDisposition(build.fileName() == null ? "app.ipa" : build.fileName());
        // A URL presigned for GET refuses HEAD, so HEAD gets its own.
        return HttpResponse.redirect(downloads.presign(request.isHead(), new DownloadLinks.Download(build.ipaKey(),
                build.ipaVersionId(), "application/octet-stream", disposition), downloadTtl).toString());
    }

    /** {@code attachment} with an ASCII fallback name and the exact UTF-8 name (RFC 6266). */
    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + PercentEncoding.encode(fileName);
    }
}
