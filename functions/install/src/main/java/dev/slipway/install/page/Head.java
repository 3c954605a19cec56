package dev.slipway.install.page;

import java.util.List;
import java.util.Objects;

/**
 * What the layout puts in a page's {@code <head>}.
 *
 * @param title the document title, plain text (the template escapes it)
 * @param stylesheet the stylesheet's URL path
 * @param scripts the scripts' URL paths (same origin, as the CSP wants); empty where the page needs none
 * @param privacyNote whether the footer asks not to share the link: on pages a link opened, not on error pages
 */
public record Head(String title, String stylesheet, List<String> scripts, boolean privacyNote) {
    /** @throws NullPointerException if the title or stylesheet is null */
    public Head {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(stylesheet, "stylesheet");
        scripts = List.copyOf(scripts);
    }

    /** A page a link opened: with the footer that asks not to post the link. */
    public static Head page(String title, String stylesheet, List<String> scripts) {
        return new Head(title, stylesheet, scripts, true);
    }

    /** An error page: plain, no footer (there is no link worth keeping private). */
    public static Head error(String title, String stylesheet) {
        return new Head(title, stylesheet, List.of(), false);
    }
}
