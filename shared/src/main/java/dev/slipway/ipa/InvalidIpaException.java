package dev.slipway.ipa;

/**
 * An upload that is not a usable IPA. The message is one line a person can act on
 * ("not a ZIP archive", "no Payload/&lt;App&gt;.app/Info.plist found", …) and names the bad value.
 *
 * <p>Subclasses say which part of the IPA was at fault. I/O failures of the underlying source are
 * never reported with this type: they are {@link java.io.IOException}s, so a caller can tell a bad
 * upload (record it) from a transient fault (retry).
 */
public class InvalidIpaException extends Exception {
    private static final long serialVersionUID = 1L;
    /** Reasons are read by people: longer ones (quoting hostile names) are cut here. */
    static final int MAX_LENGTH = 500;

    /** @param message the reason; control characters in it (from entry names, say) are escaped */
    public InvalidIpaException(String message) {
        super(oneLine(message));
    }

    /** @param message the reason; control characters in it are escaped */
    public InvalidIpaException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /**
     * The text with line breaks, other control characters and bidirectional overrides written as
     * backslash escapes (n, r, t, or u and four hex digits): a reason quotes names from the upload,
     * and must stay one line in the failure record, the log and the terminal. Cut at
     * {@value #MAX_LENGTH} characters.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_LENGTH) {
            // A 60,000-character entry name is no reason to write 60 KB into a failure record.
            text = text.substring(0, MAX_LENGTH) + "…";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                        || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069'
                        ? String.format("\\u%04x", (int) c) : null;
            };
            if (escaped != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escaped != null) {
                    out.append(escaped);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
