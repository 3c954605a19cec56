package dev.slipway.install;

import dev.slipway.install.page.Assets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GET /assets/{name}}: the pages' CSS and script, content-hashed names, cached for a year. */
final class AssetsRoute implements Route {
    private static final Pattern PATH = Pattern.compile(Pattern.quote(Assets.PATH_PREFIX) + "(.*)", Pattern.DOTALL);

    private final Assets assets;

    AssetsRoute(Assets assets) {
        this.assets = assets;
    }

    @Override
    public Pattern path() {
        return PATH;
    }

    @Override
    public String event() {
        return "asset.fetch";
    }

    @Override
    public HttpResponse answer(RequestContext request, Matcher path) throws NotFoundException {
        return assets.find(path.group(1))
                .map(a -> HttpResponse.binary(a.contentType(), a.bytes(), "public, max-age=31536000, immutable"))
                .orElseThrow(() -> new NotFoundException("no asset " + path.group(1)));
    }
}
