package dev.slipway.install.page;

import java.util.Objects;

/**
 * What the layout puts in a page's {@code <head>}.
 *
 * @param title the document title, plain text (the template escapes it)
 * @param stylesheet the stylesheet's URL path
 * @param script the touch-check script's URL path, or null where the page needs no script
 */
public record Head(String title, String stylesheet, String script) {
    /** @throws NullPointerException if the title or stylesheet is null */
    public Head {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(stylesheet, "stylesheet");
    }
}
