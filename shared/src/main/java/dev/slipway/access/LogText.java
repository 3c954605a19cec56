package dev.slipway.access;

/** Quoting for values that end up in one-line log messages. */
final class LogText {
    private LogText() {
    }

    /**
     * The value in double quotes, with control characters, quotes and backslashes escaped, so an
     * id carrying a line break cannot forge a second log line.
     */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
