package dev.slipway.enrol;

/**
 * A device answer that is refused. The message is one line for the log: it names the check that
 * failed and never carries the UDID, the challenge or the body.
 */
public final class AnswerRejectedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    /**
     * @param status the HTTP status to answer (4xx)
     * @param message one line for the log
     */
    public AnswerRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
