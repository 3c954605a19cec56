package dev.slipway.install.page;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Release notes are plain text: never HTML, whoever wrote them. They are cut into text and link
 * segments here, and the template prints each one through jte's escaping, so a note can hold
 * {@code <script>} or {@code </title>} and still show up as those characters. Only {@code http}
 * and {@code https} URLs become links; {@code javascript:}, {@code data:} and the rest stay text.
 * Line breaks stay in the text (the page shows them with {@code white-space: pre-wrap}).
 */
public final class ReleaseNotes {
    /** Notes longer than this are cut: a changelog, not a novel, and the page must stay small. */
    static final int MAX_LENGTH = 20_000;

    /**
     * A URL runs until whitespace or a character that cannot appear unescaped in one. Quotes and
     * angle brackets end it so that {@code "https://a.example"} or {@code <https://a.example>}
     * link only the address.
     */
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`\\u00A0]+");

    /** Punctuation that ends a sentence rather than the URL before it. */
    private static final String TRAILING = ".,;:!?*";

    /**
     * One piece of the notes.
     *
     * @param text the characters to show
     * @param href the link target for a link, null for plain text
     */
    public record Segment(String text, String href) {
        public static Segment text(String text) {
            return new Segment(text, null);
        }

        public static Segment link(String url) {
            return new Segment(url, url);
        }

        public boolean isLink() {
            return href != null;
        }
    }

    private ReleaseNotes() {
    }

    /**
     * Splits notes into text and link segments, in order; adjacent text is one segment.
     *
     * @param notes the plain-text notes, or null
     * @return the segments; empty for null or blank notes
     */
    public static List<Segment> segments(String notes) {
        List<Segment> segments = new ArrayList<>();
        if (notes == null || notes.isBlank()) {
            return segments;
        }
        String text = clip(notes.strip().replace("\r\n", "\n").replace('\r', '\n'));
        Matcher matcher = URL.matcher(text);
        int done = 0;
        while (matcher.find()) {
            int end = urlEnd(text, matcher.start(), matcher.end());
            if (!hasHost(text, matcher.start(), end)) {
                continue;
            }
            if (matcher.start() > done) {
                segments.add(Segment.text(text.substring(done, matcher.start())));
            }
            segments.add(Segment.link(text.substring(matcher.start(), end)));
            done = end;
        }
        if (done < text.length()) {
            segments.add(Segment.text(text.substring(done)));
        }
        return segments;
    }

    private static String clip(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int end = MAX_LENGTH;
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--; // keep a character whole rather than leave half of a surrogate pair
        }
        return text.substring(0, end) + "…";
    }

    /**
     * Where the URL really ends: trailing sentence punctuation is not part of it, and neither is a
     * closing parenthesis that has no opening one inside the URL, as in "(see https://a.example/x)".
     */
    private static int urlEnd(String text, int start, int end) {
        while (end > start) {
            char last = text.charAt(end - 1);
            if (TRAILING.indexOf(last) >= 0) {
                end--;
            } else if (last == ')' && count(text, start, end, '(') < count(text, start, end, ')')) {
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean hasHost(String text, int start, int end) {
        int hostStart = text.indexOf("//", start) + 2;
        return hostStart < end && text.charAt(hostStart) != '/';
    }

    private static int count(String text, int start, int end, char wanted) {
        int count = 0;
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == wanted) {
                count++;
            }
        }
        return count;
    }
}
