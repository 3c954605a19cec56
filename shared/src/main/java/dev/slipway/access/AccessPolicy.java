package dev.slipway.access;

import dev.slipway.access.InvalidTokenException.Reason;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a verified token may reach a build: its scope covers the build, and nothing that covers
 * the build was revoked at or after the token was issued.
 *
 * <p>The install function's order is: {@link LinkSigner#verify} the token, find the build it names
 * (a build scope) or the build to show (an app scope), then {@link #checkBuild} — all three answer
 * 404 alike. Revoking a build, an app's channel or a whole app therefore kills every earlier token
 * that reaches the build through any of them: build page links, app links, and the manifest and
 * package tokens pages handed out.
 */
public final class AccessPolicy {
    private final Revocations revocations;

    /** @param revocations where revocations are kept ({@link Revocations#none()} if never) */
    public AccessPolicy(Revocations revocations) {
        this.revocations = Objects.requireNonNull(revocations, "revocations");
    }

    /**
     * Checks that a verified token may reach one build.
     *
     * @param token a token {@link LinkSigner#verify} accepted
     * @param buildId the build's id
     * @param bundleId the build's app
     * @param channel the build's channel, or {@code null} if it has none
     * @throws InvalidTokenException with {@link Reason#WRONG_SCOPE} if the token is for another
     *     build or app, or {@link Reason#REVOKED} if it was issued at or before a revocation of the
     *     build, of its app's channel or of its whole app
     * @throws IllegalArgumentException if the build's ids are empty
     */
    public void checkBuild(LinkToken token, String buildId, String bundleId, String channel)
            throws InvalidTokenException {
        Scope build = new BuildScope(buildId);
        AppScope app = AppScope.allChannels(bundleId);
        if (!token.covers(buildId, bundleId, channel)) {
            throw new InvalidTokenException(Reason.WRONG_SCOPE, describe(token) + " does not cover " + build
                    + " of " + (channel == null ? app : new AppScope(bundleId, channel)));
        }
        checkNotRevoked(token, build);
        if (channel != null) {
            checkNotRevoked(token, new AppScope(bundleId, channel));
        }
        checkNotRevoked(token, app);
    }

    /**
     * Checks a verified token's own scope where no build is involved, such as an app page whose
     * channel has no build yet. {@link #checkBuild} is the full check whenever there is a build.
     *
     * @param token a token {@link LinkSigner#verify} accepted
     * @throws InvalidTokenException with {@link Reason#REVOKED} if it was issued at or before a
     *     revocation of its scope or, for an app's channel, of the whole app
     */
    public void checkScope(LinkToken token) throws InvalidTokenException {
        checkNotRevoked(token, token.scope());
        if (token.scope() instanceof AppScope app && app.channel() != null) {
            checkNotRevoked(token, AppScope.allChannels(app.bundleId()));
        }
    }

    private void checkNotRevoked(LinkToken token, Scope scope) throws InvalidTokenException {
        Optional<Instant> revokedBefore = revocations.revokedBefore(scope);
        // At or before: the token's issue time is truncated to the second, so a token signed in the
        // same second as the revocation is refused rather than let through.
        if (revokedBefore.isPresent() && !token.issuedAt().isAfter(revokedBefore.get())) {
            throw new InvalidTokenException(Reason.REVOKED, describe(token) + " issued at " + token.issuedAt()
                    + " is revoked: " + scope + " revoked at " + revokedBefore.get());
        }
    }

    private static String describe(LinkToken token) {
        return token.purpose() + " token for " + token.scope();
    }
}
