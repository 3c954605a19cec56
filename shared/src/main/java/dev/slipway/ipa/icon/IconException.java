package dev.slipway.ipa.icon;

import dev.slipway.ipa.InvalidIpaException;

/** A PNG icon that cannot be decoded. An IPA whose icon fails this way is still a valid IPA without an icon. */
public class IconException extends InvalidIpaException {
    private static final long serialVersionUID = 1L;

    public IconException(String message) {
        super(message);
    }

    public IconException(String message, Throwable cause) {
        super(message, cause);
    }
}
