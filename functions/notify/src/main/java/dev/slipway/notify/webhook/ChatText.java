package dev.slipway.notify.webhook;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.notify.Notice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A notice as a chat message: Slack's incoming-webhook body, {@code {"text": "…"}} in its mrkdwn. */
final class ChatText {
    /** Chat messages stay short: long release notes are cut. */
    static final int MAX_NOTES = 500;

    private ChatText() {
    }

    static byte[] body(Notice notice) {
        StringBuilder text = new StringBuilder();
        if (notice.ready()) {
            text.append("*").append(escape(notice.headline())).append("*");
            if (notice.notes() != null) {
                String notes = notice.notes().length() > MAX_NOTES ? notice.notes().substring(0, MAX_NOTES) + "…"
                        : notice.notes();
                text.append('\n').append(escape(notes));
            }
            text.append("\n<").append(notice.link()).append("|Install page>");
        } else {
            text.append("*").append(escape(notice.headline())).append("*: ").append(escape(notice.reason()))
                .append("\n<").append(notice.link()).append("|Failure page>");
        }
        try {
            return JSON.std.asBytes(Map.of("text", text.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("a map of strings always serialises", e);
        }
    }

    /** Slack's three control characters in message text. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
