package dev.slipway.install;

import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.CatalogException;
import dev.slipway.manifest.InstallLink;
import java.time.Duration;
import java.util.regex.Matcher;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * {@code GET|HEAD /d/{build}.ipa?t=…}: a 302 to a presigned S3 URL for the build's IPA (package
 * token, minted by the manifest). Nothing presigned is stored: each request presigns anew.
 */
record DownloadRoute(AuthorisedBuilds builds, S3Presigner presigner, String bucket, Duration downloadTtl) implements Route.Handler {
    @Override
    public HttpResponse answer(RequestContext request, Matcher path) throws InvalidTokenException, CatalogException {
        String id = path.group(1);
        BuildRecord build = builds.get(request, id, Purpose.PACKAGE);
        String disposition = contentDisposition(build.fileName() == null ? "app.ipa" : build.fileName());
        String url;
        if (request.isHead()) {
            // A URL presigned for GET refuses HEAD, so HEAD gets its own.
            url = presigner.presignHeadObject(p -> p.signatureDuration(downloadTtl).headObjectRequest(h -> h
                    .bucket(bucket).key(build.ipaKey()).versionId(build.ipaVersionId())
                    .responseContentType("application/octet-stream").responseContentDisposition(disposition)))
                    .url().toString();
        } else {
            url = presigner.presignGetObject(p -> p.signatureDuration(downloadTtl).getObjectRequest(g -> g
                    .bucket(bucket).key(build.ipaKey()).versionId(build.ipaVersionId())
                    .responseContentType("application/octet-stream").responseContentDisposition(disposition)))
                    .url().toString();
        }
        return HttpResponse.redirect(url);
    }

    /** {@code attachment} with an ASCII fallback name and the exact UTF-8 name (RFC 6266). */
    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + InstallLink.encodeComponent(fileName);
    }
}
