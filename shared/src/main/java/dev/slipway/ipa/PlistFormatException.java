package dev.slipway.ipa;

/** An Info.plist that cannot be read, or lacks a key every app must have. */
public class PlistFormatException extends InvalidIpaException {
    private static final long serialVersionUID = 1L;

    public PlistFormatException(String message) {
        super(message);
    }
}
