package dev.slipway.storage;

import java.io.IOException;

/**
 * The S3 object being read was deleted or overwritten since its size and ETag were taken. Not
 * transient: retrying the same read can only fail again, so the upload is judged anew (a new
 * upload brings its own event).
 */
public class ObjectChangedException extends IOException {

    public ObjectChangedException(String message) {
        super(message);
    }
}
