package dev.slipway.install;

/** A request answered with a 4xx before any route runs (bad Host, not through CloudFront). */
public final class RefusedRequestException extends Exception {
    private final int status;

    /**
     * @param status 400 or 403
     * @param reason for the log only: the visitor sees a plain error page
     */
    public RefusedRequestException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
