package dev.slipway.aws;

import java.util.Objects;

/**
 * An AWS access key, and the session token of temporary credentials (a Lambda role's always have one).
 *
 * @param sessionToken the token, or null for long-term credentials
 */
public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    public Credentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (sessionToken != null && sessionToken.isEmpty()) {
            sessionToken = null;
        }
    }

    /** The key id only: the secret and the token never reach a log. */
    @Override
    public String toString() {
        return "Credentials[" + accessKeyId + "]";
    }
}
