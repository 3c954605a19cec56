package dev.slipway.install;

import dev.slipway.access.AccessPolicy;
import dev.slipway.access.BuildScope;
import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.LinkToken;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.FailureRecord;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.http.RefusedRequestException;
import dev.slipway.install.page.FailurePage;
import dev.slipway.install.page.PageRenderer;
import java.util.regex.Matcher;

/** {@code GET /f/{failure}?t=…}: why an upload was rejected (page token for the failure id). */
record FailurePageRoute(S3Catalog catalog, AccessPolicy policy, PageRenderer pages) implements Route.Handler {
    @Override
    public HttpResponse answer(RequestContext request, Matcher path)
            throws InvalidTokenException, RefusedRequestException, CatalogException {
        String id = path.group(1);
        LinkToken token = request.log("page", "failure", "failure", id).token(Purpose.PAGE);
        if (!token.scope().equals(new BuildScope(id))) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_SCOPE, "page token is not for this upload");
        }
        policy.checkScope(token);
        FailureRecord failure = catalog.failure(id).orElseThrow(() -> new RefusedRequestException(404, "no failure " + id));
        return HttpResponse.text(200, "text/html; charset=utf-8", pages.failure(new FailurePage(
                failure.fileName(), failure.reason(), failure.uploadedAt())));
    }
}
