package dev.slipway.cli;

/**
 * The command cannot go on with what it was given: a missing file, a bad option value, a stack
 * that is not running, keys that are not configured. One line naming the value; exit code 2.
 */
final class InvalidInputException extends Exception {
    InvalidInputException(String message) {
        super(message);
    }

    InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
