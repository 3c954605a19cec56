package dev.slipway.install;

import dev.slipway.http.RefusedRequestException;
import dev.slipway.install.page.Assets;
import java.util.regex.Matcher;

/** {@code GET /assets/{name}}: the pages' CSS and script, content-hashed names, cached for a year. */
record AssetsRoute(Assets assets) implements Route.Handler {
    @Override
    public HttpResponse answer(RequestContext request, Matcher path) throws RefusedRequestException {
        return assets.find(path.group(1))
                .map(a -> HttpResponse.binary(a.contentType(), a.bytes(), "public, max-age=31536000, immutable"))
                .orElseThrow(() -> new RefusedRequestException(404, "no asset " + path.group(1)));
    }
}
