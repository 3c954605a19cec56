package dev.slipway.catalog;

/** A stored catalog object that cannot be read: a bug or tampering, never a user's upload. */
public class CatalogException extends Exception {
    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }
}
