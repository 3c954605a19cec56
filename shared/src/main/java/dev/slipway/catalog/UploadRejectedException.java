package dev.slipway.catalog;

import dev.slipway.ipa.InvalidIpaException;

/** An upload refused for where or how it was uploaded (its key, its metadata), not for its content. */
public class UploadRejectedException extends InvalidIpaException {
    private static final long serialVersionUID = 1L;

    public UploadRejectedException(String message) {
        super(message);
    }
}
