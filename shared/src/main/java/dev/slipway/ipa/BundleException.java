package dev.slipway.ipa;

/** The archive is a ZIP but not an iOS app archive: no {@code Payload/<App>.app/Info.plist}, or too many. */
public class BundleException extends InvalidIpaException {
    private static final long serialVersionUID = 1L;

    public BundleException(String message) {
        super(message);
    }
}
