package dev.slipway.local;

/**
 * The local stack cannot start or cannot be reached for a reason the user can fix: a port in use,
 * an unusable data folder, unreadable TLS files, no stack running. The message is one line naming
 * the bad value and, where there is one, the option that changes it.
 */
public final class LocalStackException extends Exception {
    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
