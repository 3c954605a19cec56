package dev.slipway.install;

/**
 * A request answered with a plain 4xx page: 400 (bad {@code Host}), 403 (not through CloudFront), or
 * 404 (nothing at this address: the same page as a bad or foreign token, so the two look alike).
 */
public final class RefusedRequestException extends Exception {
    private final int status;

    /**
     * @param status 400, 403 or 404
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
