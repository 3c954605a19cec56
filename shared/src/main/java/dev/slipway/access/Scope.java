package dev.slipway.access;

/**
 * What a link grants access to: one build, or the builds of an app (on one channel or on all).
 *
 * <p>A page link may be scoped either way; the manifest and package tokens a page hands out are
 * scoped to the build it shows.
 */
public sealed interface Scope permits BuildScope, AppScope {

    /**
     * Whether this scope reaches a build.
     *
     * @param buildId the build's id
     * @param bundleId the build's app
     * @param channel the build's channel, or {@code null} if it was published without one
     * @return true if a token with this scope may reach that build
     */
    boolean covers(String buildId, String bundleId, String channel);
}
