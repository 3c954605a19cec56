package dev.slipway.access;

import java.util.Objects;

/**
 * One build, by id.
 *
 * @param buildId the build's id, not empty
 */
public record BuildScope(String buildId) implements Scope {

    /**
     * @throws NullPointerException if {@code buildId} is null
     * @throws IllegalArgumentException if {@code buildId} is empty
     */
    public BuildScope {
        Objects.requireNonNull(buildId, "buildId");
        if (buildId.isEmpty()) {
            throw new IllegalArgumentException("build id is empty");
        }
    }

    @Override
    public boolean covers(String buildId, String bundleId, String channel) {
        return this.buildId.equals(buildId);
    }

    @Override
    public String toString() {
        return "build " + LogText.quote(buildId);
    }
}
