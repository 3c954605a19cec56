package dev.slipway.install;

/**
 * Nothing to show at this address (no such app history, failure or asset). Answered with the same
 * 404 page as a bad or foreign token, so the two cannot be told apart from outside.
 */
public final class NotFoundException extends Exception {
    /** @param reason for the log only */
    public NotFoundException(String reason) {
        super(reason);
    }
}
