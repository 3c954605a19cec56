package dev.slipway.ipa.profile;

import dev.slipway.ipa.InvalidIpaException;

/** An {@code embedded.mobileprovision} that cannot be read as a provisioning profile. */
public class ProfileException extends InvalidIpaException {
    private static final long serialVersionUID = 1L;

    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
