package dev.slipway.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Release notes in a small, safe subset of Markdown: paragraphs, line breaks, bulleted and numbered
 * lists, {@code **bold**}, {@code *italic*}, {@code `code`}, {@code [text](https://…)} and bare
 * http(s) URLs. Everything else, HTML included, is text. The result is a tree of plain values, not
 * HTML: the page template prints each piece through jte's escaping, so no markup a note holds can
 * reach the page as markup; {@link #plainText()} is the same notes for clients that show text.
 *
 * @param blocks the paragraphs and lists, in order
 */
public record ReleaseNotes(List<Block> blocks) {
    /** Notes longer than this are cut: a changelog, not a novel, and the page must stay small. */
    public static final int MAX_LENGTH = 20_000;
    /** How far a closing {@code **}, {@code `} or {@code ]} is looked for: keeps parsing linear on hostile input. */
    static final int MAX_SPAN = 1000;
    /** Emphasis inside links inside emphasis…: deeper than this stays text. */
    private static final int MAX_DEPTH = 4;

    private static final Pattern BULLET = Pattern.compile("[ \\t]{0,3}[-*+•][ \\t]+(.*)");
    private static final Pattern NUMBERED = Pattern.compile("[ \\t]{0,3}([0-9]{1,9})[.)][ \\t]+(.*)");
    /**
     * A bare URL runs until whitespace or a character that cannot appear unescaped in one; quotes and
     * angle brackets end it so that {@code "https://a.example"} links only the address.
     */
    private static final Pattern URL = Pattern.compile("(?i)https?://[^\\s<>\"'`\\u00A0\\[\\]]+");
    private static final Pattern LINK_TARGET = Pattern.compile("(?i)https?://[^\\s<>\"'`\\u00A0]+");
    /** Punctuation that ends a sentence rather than the URL before it. */
    private static final String TRAILING = ".,;:!?*_";

    /** What a block is. */
    public enum Kind { PARAGRAPH, BULLETS, NUMBERED }

    /**
     * A paragraph (one item: its lines, with {@link Span#lineBreak()} spans between them) or a list
     * (one item per entry).
     *
     * @param start the first number of a numbered list (1 for other blocks)
     */
    public record Block(Kind kind, List<List<Span>> items, int start) {
        public Block {
            items = items.stream().map(List::copyOf).toList();
        }

        /** The spans of a paragraph. */
        public List<Span> spans() {
            return items.get(0);
        }
    }

    /**
     * A run of text in one style, a link's piece, or a line break.
     *
     * @param text the characters (empty for a line break)
     * @param href an http(s) URL when the text is (part of) a link, else null
     */
    public record Span(String text, boolean bold, boolean italic, boolean code, String href, boolean lineBreak) {
        static Span of(String text) {
            return new Span(text, false, false, false, null, false);
        }

        static Span newLine() {
            return new Span("", false, false, false, null, true);
        }

        Span with(Style style) {
            return new Span(text, bold || style.bold, italic || style.italic, code, href != null ? href : style.href,
                    lineBreak);
        }

        public boolean isLink() {
            return href != null;
        }
    }

    private record Style(boolean bold, boolean italic, String href) {
    }

    public ReleaseNotes {
        blocks = List.copyOf(blocks);
    }

    /** True if there is nothing to show. */
    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /**
     * Parses notes as people write them in a text box or a CHANGELOG.
     *
     * @param text the notes, or null
     * @return the notes; empty for null or blank text
     */
    public static ReleaseNotes parse(String text) {
        if (text == null || text.isBlank()) {
            return new ReleaseNotes(List.of());
        }
        String[] lines = clip(text.strip().replace("\r\n", "\n").replace('\r', '\n')).split("\n", -1);
        List<Block> blocks = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        Kind listKind = null;
        int listStart = 1;
        List<StringBuilder> items = new ArrayList<>();
        for (String line : lines) {
            Matcher bullet = BULLET.matcher(line);
            Matcher numbered = NUMBERED.matcher(line);
            Kind kind = bullet.matches() ? Kind.BULLETS : numbered.matches() ? Kind.NUMBERED : null;
            if (line.isBlank()) {
                flushParagraph(blocks, paragraph);
                flushList(blocks, listKind, items, listStart);
                listKind = null;
            } else if (kind != null) {
                flushParagraph(blocks, paragraph);
                if (kind != listKind) {
                    flushList(blocks, listKind, items, listStart);
                    listKind = kind;
                    listStart = kind == Kind.NUMBERED ? parseStart(numbered.group(1)) : 1;
                }
                items.add(new StringBuilder(kind == Kind.BULLETS ? bullet.group(1) : numbered.group(2)));
            } else if (listKind != null) {
                // A line under a list entry continues it, as Markdown's lazy continuation does.
                items.get(items.size() - 1).append(' ').append(line.strip());
            } else {
                paragraph.add(line.strip());
            }
        }
        flushParagraph(blocks, paragraph);
        flushList(blocks, listKind, items, listStart);
        return new ReleaseNotes(blocks);
    }

    private static int parseStart(String digits) {
        return Integer.parseInt(digits);
    }

    private static void flushParagraph(List<Block> blocks, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                spans.add(Span.newLine());
            }
            spans.addAll(inline(lines.get(i)));
        }
        blocks.add(new Block(Kind.PARAGRAPH, List.of(spans), 1));
        lines.clear();
    }

    private static void flushList(List<Block> blocks, Kind kind, List<StringBuilder> items, int start) {
        if (kind == null || items.isEmpty()) {
            items.clear();
            return;
        }
        blocks.add(new Block(kind, items.stream().map(item -> inline(item.toString().strip())).toList(), start));
        items.clear();
    }

    /** The inline spans of one line, adjacent spans of one style merged. */
    static List<Span> inline(String text) {
        List<Span> spans = new ArrayList<>();
        new Inline(text, spans).parse(0, text.length(), new Style(false, false, null), 0);
        return merge(spans);
    }

    private static List<Span> merge(List<Span> spans) {
        List<Span> merged = new ArrayList<>();
        for (Span span : spans) {
            if (span.text().isEmpty() && !span.lineBreak()) {
                continue;
            }
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !last.lineBreak() && !span.lineBreak() && last.bold() == span.bold()
                    && last.italic() == span.italic() && last.code() == span.code() && !span.code()
                    && Objects.equals(last.href(), span.href())) {
                merged.set(merged.size() - 1, new Span(last.text() + span.text(), last.bold(), last.italic(), false,
                        last.href(), false));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    /** A scanner over one line: delimiters are matched only within {@link #MAX_SPAN} characters. */
    private record Inline(String text, List<Span> out) {
        void parse(int from, int to, Style style, int depth) {
            StringBuilder plain = new StringBuilder();
            int i = from;
            while (i < to) {
                char c = text.charAt(i);
                int next = -1;
                if (c == '\\' && i + 1 < to && isPunctuation(text.charAt(i + 1))) {
                    plain.append(text.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == '`') {
                    int close = find("`", i + 1, to);
                    if (close > i + 1) {
                        emit(plain, style);
                        out.add(new Span(text.substring(i + 1, close), style.bold, style.italic, true, style.href, false));
                        next = close + 1;
                    }
                } else if (depth < MAX_DEPTH && (text.startsWith("**", i) || text.startsWith("__", i))) {
                    String delimiter = text.substring(i, i + 2);
                    int close = find(delimiter, i + 2, to);
                    if (close > i + 2 && !Character.isWhitespace(text.charAt(i + 2))
                            && (c == '*' || boundary(i - 1) && boundary(close + 2))) {
                        emit(plain, style);
                        parse(i + 2, close, new Style(true, style.italic, style.href), depth + 1);
                        next = close + 2;
                    }
                } else if (depth < MAX_DEPTH && (c == '*' || c == '_')) {
                    int close = find(String.valueOf(c), i + 1, to);
                    if (close > i + 1 && !Character.isWhitespace(text.charAt(i + 1))
                            && !Character.isWhitespace(text.charAt(close - 1))
                            && (c == '*' || boundary(i - 1) && boundary(close + 1))) {
                        emit(plain, style);
                        parse(i + 1, close, new Style(style.bold, true, style.href), depth + 1);
                        next = close + 1;
                    }
                } else if (c == '[' && style.href == null && depth < MAX_DEPTH) {
                    next = link(i, to, plain, style, depth);
                } else if ((c == 'h' || c == 'H') && style.href == null && boundary(i - 1)) {
                    next = bareUrl(i, to, plain, style);
                }
                if (next < 0) {
                    plain.append(c);
                    i++;
                } else {
                    i = next;
                }
            }
            emit(plain, style);
        }

        /** {@code [text](https://…)}: returns where it ends, or -1 when it is not a usable link. */
        private int link(int at, int to, StringBuilder plain, Style style, int depth) {
            int closeText = find("](", at + 1, to);
            if (closeText <= at + 1) {
                return -1;
            }
            int closeUrl = find(")", closeText + 2, to);
            if (closeUrl < 0) {
                return -1;
            }
            String url = text.substring(closeText + 2, closeUrl).strip();
            // Only http(s) with a host: javascript:, data: and the rest stay text, brackets and all.
            if (!LINK_TARGET.matcher(url).matches() || !hasHost(url)) {
                return -1;
            }
            emit(plain, style);
            parse(at + 1, closeText, new Style(style.bold, style.italic, url), depth + 1);
            return closeUrl + 1;
        }

        private int bareUrl(int at, int to, StringBuilder plain, Style style) {
            Matcher m = URL.matcher(text).region(at, to);
            if (!m.lookingAt()) {
                return -1;
            }
            int end = urlEnd(at, m.end());
            String url = text.substring(at, end);
            if (!hasHost(url)) {
                return -1;
            }
            emit(plain, style);
            out.add(new Span(url, style.bold, style.italic, false, url, false));
            return end;
        }

        /**
         * Where the URL really ends: trailing sentence punctuation is not part of it, and neither is a
         * closing parenthesis that has no opening one inside the URL, as in "(see https://a.example/x)".
         */
        private int urlEnd(int start, int end) {
            while (end > start) {
                char last = text.charAt(end - 1);
                if (TRAILING.indexOf(last) >= 0) {
                    end--;
                } else if (last == ')' && count(start, end, '(') < count(start, end, ')')) {
                    end--;
                } else {
                    break;
                }
            }
            return end;
        }

        private int count(int start, int end, char wanted) {
            int n = 0;
            for (int i = start; i < end; i++) {
                if (text.charAt(i) == wanted) {
                    n++;
                }
            }
            return n;
        }

        private int find(String delimiter, int from, int to) {
            int limit = Math.min(to, from + MAX_SPAN) - delimiter.length();
            for (int at = from; at <= limit; at++) {
                if (text.startsWith(delimiter, at)) {
                    return at;
                }
            }
            return -1;
        }

        /** True at the line's ends and next to anything but a letter or digit: snake_case is no emphasis. */
        private boolean boundary(int at) {
            return at < 0 || at >= text.length() || !Character.isLetterOrDigit(text.charAt(at));
        }

        private void emit(StringBuilder plain, Style style) {
            if (!plain.isEmpty()) {
                out.add(Span.of(plain.toString()).with(style));
                plain.setLength(0);
            }
        }
    }

    private static boolean hasHost(String url) {
        int hostStart = url.indexOf("//") + 2;
        return hostStart < url.length() && url.charAt(hostStart) != '/';
    }

    private static boolean isPunctuation(char c) {
        return "\\`*_[]()#+-.!<>".indexOf(c) >= 0;
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
     * The same notes as plain text, for clients that show no HTML (the update check, notifications):
     * markers dropped, list entries as "• " or "1. ", links as "text (URL)" unless the text is the URL.
     */
    public String plainText() {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            for (int i = 0; i < block.items().size(); i++) {
                if (i > 0) {
                    out.append('\n');
                }
                if (block.kind() == Kind.BULLETS) {
                    out.append("• ");
                } else if (block.kind() == Kind.NUMBERED) {
                    out.append(block.start() + i).append(". ");
                }
                appendPlain(out, block.items().get(i));
            }
        }
        return out.toString();
    }

    /** {@link #parse} then {@link #plainText()}: what the update API serves for stored notes. */
    public static String plainText(String notes) {
        return parse(notes).plainText();
    }

    private static void appendPlain(StringBuilder out, List<Span> spans) {
        int i = 0;
        while (i < spans.size()) {
            Span span = spans.get(i);
            if (span.lineBreak()) {
                out.append('\n');
                i++;
            } else if (span.isLink()) {
                StringBuilder label = new StringBuilder();
                String href = span.href();
                while (i < spans.size() && href.equals(spans.get(i).href())) {
                    label.append(spans.get(i).text());
                    i++;
                }
                out.append(label);
                if (!label.toString().equals(href)) {
                    out.append(" (").append(href).append(')');
                }
            } else {
                out.append(span.text());
                i++;
            }
        }
    }
}
