package dev.slipway.install.page;

import java.util.Objects;

/**
 * A friendly error page. The factories hold the wording, so every handler path says the same
 * thing; an unknown build and a bad token must look alike from outside, so {@link #notFound()}
 * covers both.
 *
 * @param status the HTTP status the handler answers with
 * @param title a short heading
 * @param message what happened and what to do next
 */
public record ErrorPage(int status, String title, String message) {
    /**
     * @throws IllegalArgumentException if the status is not a 4xx or 5xx
     * @throws NullPointerException if the title or message is null
     */
    public ErrorPage {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
    }

    /** 404, for an unknown page, an unknown build, a revoked link and a bad token alike. */
    public static ErrorPage notFound() {
        return new ErrorPage(404, "This link doesn’t work",
                "It may be mistyped, or it was revoked. Ask whoever sent it for a new link.");
    }

    /** 410, for a link whose signature is good but whose time is up. */
    public static ErrorPage expired() {
        return new ErrorPage(410, "This link has expired",
                "Install links work for a limited time. Ask whoever sent it for a new link.");
    }

    /** 500, for a fault on our side. */
    public static ErrorPage serverError() {
        return new ErrorPage(500, "Something went wrong",
                "The page could not be shown just now. Try again in a minute.");
    }
}
