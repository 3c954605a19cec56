package dev.slipway.storage;

/** S3 refused a request or could not be reached (after retries, if the fault was transient). */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
