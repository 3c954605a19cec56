package dev.slipway.ipa.zip;

import dev.slipway.ipa.InvalidIpaException;

/** The upload is not a ZIP archive, or its structure is broken (truncated, corrupt, duplicate names). */
public class ZipFormatException extends InvalidIpaException {
    private static final long serialVersionUID = 1L;

    public ZipFormatException(String message) {
        super(message);
    }
}
