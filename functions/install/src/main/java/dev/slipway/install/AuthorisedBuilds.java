package dev.slipway.install;

import dev.slipway.access.AccessPolicy;
import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.LinkToken;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.S3Catalog;
import java.util.Optional;

/** Builds as a token reaches them: an unknown build fails exactly like a foreign or revoked token. */
final class AuthorisedBuilds {
    private final S3Catalog catalog;
    private final AccessPolicy policy;

    AuthorisedBuilds(S3Catalog catalog, AccessPolicy policy) {
        this.catalog = catalog;
        this.policy = policy;
    }

    /**
     * The build the request's token (for this purpose) reaches, named in the request's log line.
     *
     * @throws InvalidTokenException if there is no token, no such build, or the token does not reach it
     * @throws CatalogException if its record cannot be read
     */
    BuildRecord get(RequestContext request, String id, Purpose purpose) throws InvalidTokenException, CatalogException {
        request.log("build", id);
        BuildRecord build = get(request.token(purpose), id);
        request.log("app", build.bundleId(), "channel", build.channel());
        return build;
    }

    private BuildRecord get(LinkToken token, String id) throws InvalidTokenException, CatalogException {
        Optional<BuildRecord> build = catalog.build(id);
        if (build.isEmpty()) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_SCOPE, "no build " + id);
        }
        policy.checkBuild(token, id, build.get().bundleId(), build.get().channel());
        return build.get();
    }
}
