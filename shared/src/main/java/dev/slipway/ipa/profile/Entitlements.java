package dev.slipway.ipa.profile;

/**
 * The entitlements a provisioning profile grants that matter for distribution. Strings are
 * {@code null} when the profile does not grant the key; booleans are {@code false}.
 *
 * <p>macOS profiles spell two keys differently ({@code com.apple.application-identifier},
 * {@code com.apple.developer.aps-environment}); both spellings land in the same component.
 *
 * @param applicationIdentifier {@code <team id>.<bundle id>}, possibly with a {@code *} wildcard
 * @param getTaskAllow whether a debugger may attach (development builds)
 * @param apsEnvironment push environment, {@code development} or {@code production}
 * @param betaReportsActive whether the build may go to TestFlight
 * @param teamIdentifier {@code com.apple.developer.team-identifier}
 */
public record Entitlements(String applicationIdentifier, boolean getTaskAllow, String apsEnvironment,
        boolean betaReportsActive, String teamIdentifier) {

    /** A profile without an {@code Entitlements} dictionary grants nothing. */
    static final Entitlements NONE = new Entitlements(null, false, null, false, null);
}
