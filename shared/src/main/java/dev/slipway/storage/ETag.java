package dev.slipway.storage;

/**
 * S3 ETags, which arrive quoted from the API ({@code "9b2c…"}) and bare in event notifications
 * ({@code 9b2c…}): compared and stored in one form, whichever way they came.
 */
public final class ETag {
    private ETag() {
    }

    /** The ETag without its quotes; null stays null. */
    public static String bare(String eTag) {
        return eTag != null && eTag.length() > 1 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1) : eTag;
    }

    /** The ETag in quotes, as {@code If-Match} and copy conditions want it. */
    public static String quoted(String eTag) {
        return "\"" + bare(eTag) + "\"";
    }

    /** Whether two ETags name the same content, quoted or not; false if either is null. */
    public static boolean same(String a, String b) {
        return a != null && b != null && bare(a).equals(bare(b));
    }
}
