package dev.slipway.http;

/**
 * A request the install or enrol function answers with a 4xx status: a bad {@code Host}, a request
 * that did not come through CloudFront, nothing at the address, or a device answer that fails a check.
 * The message is one line for the log only: the visitor sees a plain error page, and it never
 * carries a token, a UDID, a challenge or a body.
 */
public final class RefusedRequestException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    /**
     * @param status the HTTP status to answer (4xx)
     * @param reason one line for the log
     */
    public RefusedRequestException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
