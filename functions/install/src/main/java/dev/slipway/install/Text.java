package dev.slipway.install;

/** How a missing value shows on a page. */
final class Text {
    private Text() {
    }

    /** An en dash for a missing or blank value. */
    static String orDash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }
}
