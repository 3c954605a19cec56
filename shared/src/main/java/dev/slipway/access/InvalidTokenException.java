package dev.slipway.access;

import java.util.Objects;

/**
 * A token that does not grant what was asked. The reason and the one-line message are for logs
 * only: they never contain the token or any key, and callers must answer every reason the same way
 * (the install function answers 404, like an unknown build) so a prober learns nothing from which
 * check failed.
 */
public final class InvalidTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Which check refused the token. */
    public enum Reason {
        /** Not a token of any known shape: wrong length, alphabet, encoding or field layout. */
        MALFORMED,
        /** A token format this code does not read. */
        UNSUPPORTED_VERSION,
        /** Signed with a key id the key ring does not hold (retired, or made up). */
        UNKNOWN_KEY,
        /** The signature does not match the content: tampered, truncated or forged. */
        BAD_SIGNATURE,
        /** Minted for another purpose (a page link used as a package token, say). */
        WRONG_PURPOSE,
        /** Signed with a lifetime longer than its purpose allows. */
        TTL_TOO_LONG,
        /** Issued further in the future than clock skew explains. */
        NOT_YET_VALID,
        /** Past its expiry. */
        EXPIRED,
        /** Valid, but for another build or app. */
        WRONG_SCOPE,
        /** Issued at or before a revocation of its build, its app's channel or its app. */
        REVOKED
    }

    private final Reason reason;

    /**
     * @param reason which check failed
     * @param message one line for logs, without the token or any key material
     */
    public InvalidTokenException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Which check refused the token. */
    public Reason reason() {
        return reason;
    }
}
