package dev.slipway.install;

import dev.slipway.access.AccessPolicy;
import dev.slipway.access.BuildScope;
import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.LinkToken;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.FailureRecord;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.install.page.FailurePage;
import dev.slipway.install.page.PageRenderer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GET /f/{failure}?t=…}: why an upload was rejected (page token for the failure id). */
final class FailurePageRoute implements Route {
    private static final Pattern PATH = Pattern.compile("/f/([a-z2-7]{20})");

    private final S3Catalog catalog;
    private final AccessPolicy policy;
    private final PageRenderer pages;

    FailurePageRoute(S3Catalog catalog, AccessPolicy policy, PageRenderer pages) {
        this.catalog = catalog;
        this.policy = policy;
        this.pages = pages;
    }

    @Override
    public Pattern path() {
        return PATH;
    }

    @Override
    public String event() {
        return "page.view";
    }

    @Override
    public HttpResponse answer(RequestContext request, Matcher path)
            throws InvalidTokenException, NotFoundException, CatalogException {
        String id = path.group(1);
        request.log("page", "failure", "failure", id);
        LinkToken token = request.token(Purpose.PAGE);
        if (!(token.scope() instanceof BuildScope scope) || !scope.buildId().equals(id)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_SCOPE, "page token is not for this upload");
        }
        policy.checkScope(token);
        FailureRecord failure = catalog.failure(id).orElseThrow(() -> new NotFoundException("no failure " + id));
        return HttpResponse.text(200, "text/html; charset=utf-8", pages.failure(new FailurePage(
                failure.fileName(), failure.reason(), failure.uploadedAt())));
    }
}
