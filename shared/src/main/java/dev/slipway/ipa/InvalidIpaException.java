package dev.slipway.ipa;

/**
 * An upload that is not a usable IPA. The message is one line a person can act on
 * ("not a ZIP archive", "no Payload/&lt;App&gt;.app/Info.plist found", …) and names the bad value.
 *
 * <p>Subclasses say which part of the IPA was at fault. I/O failures of the underlying source are
 * never reported with this type: they are {@link java.io.IOException}s, so a caller can tell a bad
 * upload (record it) from a transient fault (retry).
 */
public class InvalidIpaException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidIpaException(String message) {
        super(message);
    }

    public InvalidIpaException(String message, Throwable cause) {
        super(message, cause);
    }
}
