package dev.slipway.ipa;

/** A size, count or depth read from the upload is beyond what Slipway accepts (a hostile or broken file). */
public class LimitExceededException extends InvalidIpaException {
    private static final long serialVersionUID = 1L;

    public LimitExceededException(String message) {
        super(message);
    }
}
