package dev.slipway.ipa.profile;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the XML property list inside a provisioning profile into plain values: {@code Map} for
 * dict, {@code List} for array, {@code String}, {@code Long} or {@code BigInteger} for integer,
 * {@code Double} for real, {@code Boolean}, {@code byte[]} for data and {@code Instant} for date.
 *
 * <p>Why not the JDK's XML parser and dd-plist's DOM reading, which the rest of the project uses:
 * a profile is read on every ingest and by every {@code slipway inspect}, and their first use
 * initialises the XML parser's factories and scanners and dd-plist's date formats (and with them the
 * locale data): 40 to 60 ms of a 200 ms {@code inspect}. A profile's XML is Apple's fixed dialect;
 * this reads that dialect and well-formed XML around it (declaration, DOCTYPE, comments, character
 * references, CDATA), and refuses the rest with a reason. It resolves no entities beyond XML's five
 * and character references, so a DOCTYPE with an internal subset is refused outright. A document
 * whose declaration names an encoding other than UTF-8 is handed back ({@link OtherEncoding}) for the
 * general parser to read.
 */
final class XmlPlist {
    /** dd-plist's nesting limit, kept so both readers refuse the same depth. */
    static final int MAX_DEPTH = 512;

    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
    /** CoreFoundation writes dates exactly so: 2019-06-20T11:47:07Z. */
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})Z");

    private final String text;
    private int at;
    private int depth;
    /** Set by {@link #startTag()}: the tag just read ended in "/>". */
    private boolean selfClosed;

    private XmlPlist(String text) {
        this.text = text;
    }

    /** The document is well-formed as far as read, but not a property list this reader takes. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /** The declaration names an encoding other than UTF-8. */
    static final class OtherEncoding extends Exception {
        OtherEncoding(String encoding) {
            super(encoding);
        }
    }

    static Object parse(byte[] data) throws Malformed, OtherEncoding {
        int start = data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB
                && (data[2] & 0xFF) == 0xBF ? 3 : 0;
        String encoding = declaredEncoding(data, start);
        if (encoding != null && !encoding.equalsIgnoreCase("UTF-8") && !encoding.equalsIgnoreCase("UTF8")) {
            throw new OtherEncoding(encoding);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data, start, data.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("its text is not valid UTF-8");
        }
        return new XmlPlist(text).document();
    }

    private static String declaredEncoding(byte[] data, int start) {
        String head = new String(data, start, Math.min(data.length - start, 200), StandardCharsets.ISO_8859_1);
        int end = head.indexOf("?>");
        if (!head.startsWith("<?xml") || end < 0) {
            return null;
        }
        Matcher encoding = ENCODING.matcher(head.substring(0, end));
        return encoding.find() ? encoding.group(1) : null;
    }

    private Object document() throws Malformed {
        skipMisc(true);
        String root = startTag();
        if (!root.equals("plist")) {
            throw new Malformed("its root element is <" + root + ">, not <plist>");
        }
        if (selfClosed) {
            throw new Malformed("its <plist> element is empty");
        }
        skipMisc(false);
        if (text.startsWith("</", at)) {
            throw new Malformed("its <plist> element is empty");
        }
        Object value = value();
        skipMisc(false);
        endTag("plist");
        skipMisc(false);
        if (at < text.length()) {
            throw notWellFormed();
        }
        return value;
    }

    private Object value() throws Malformed {
        if (++depth > MAX_DEPTH) {
            throw new Malformed("it nests deeper than " + MAX_DEPTH + " levels");
        }
        int line = line();
        String name = startTag();
        Object value = switch (name) {
            case "dict" -> selfClosed ? new HashMap<>() : dict();
            case "array" -> selfClosed ? new ArrayList<>() : array();
            case "string" -> text("string");
            case "integer" -> integer(text("integer").strip(), line);
            case "real" -> real(text("real").strip(), line);
            case "date" -> date(text("date").strip(), line);
            case "data" -> data(text("data"), line);
            case "true" -> emptyElement("true", Boolean.TRUE);
            case "false" -> emptyElement("false", Boolean.FALSE);
            default -> throw new Malformed("it has an unknown element <" + name + "> on line " + line);
        };
        depth--;
        return value;
    }

    private Map<String, Object> dict() throws Malformed {
        Map<String, Object> entries = new HashMap<>();
        while (true) {
            skipMisc(false);
            if (text.startsWith("</", at)) {
                endTag("dict");
                return entries;
            }
            int line = line();
            if (!startTag().equals("key")) {
                throw new Malformed("its <dict> on line " + line + " has a value where a <key> belongs");
            }
            String key = text("key");
            skipMisc(false);
            if (text.startsWith("</", at)) {
                throw new Malformed("its <dict> has no value for key \"" + shorten(key) + "\"");
            }
            entries.put(key, value());
        }
    }

    private List<Object> array() throws Malformed {
        List<Object> items = new ArrayList<>();
        while (true) {
            skipMisc(false);
            if (text.startsWith("</", at)) {
                endTag("array");
                return items;
            }
            items.add(value());
        }
    }

    private Object emptyElement(String name, Object value) throws Malformed {
        if (!selfClosed && !text(name).isBlank()) {
            throw new Malformed("its <" + name + "> element has content");
        }
        return value;
    }

    // ---- values from text ----

    private static Object integer(String digits, int line) throws Malformed {
        try {
            boolean hex = digits.startsWith("0x") || digits.startsWith("0X");
            BigInteger value = new BigInteger(hex ? digits.substring(2) : digits, hex ? 16 : 10);
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        } catch (NumberFormatException e) {
            throw new Malformed("its <integer> on line " + line + " holds \"" + shorten(digits) + "\"");
        }
    }

    private static Object real(String number, int line) throws Malformed {
        switch (number.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new Malformed("its <real> on line " + line + " holds \"" + shorten(number) + "\"");
        }
    }

    private static Object date(String value, int line) throws Malformed {
        Matcher date = DATE.matcher(value);
        try {
            if (date.matches()) {
                return LocalDateTime.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                        Integer.parseInt(date.group(3)), Integer.parseInt(date.group(4)), Integer.parseInt(date.group(5)),
                        Integer.parseInt(date.group(6))).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeException e) {
            // an impossible day or time such as 2019-02-30 or 25:00: refused below
        }
        throw new Malformed("its <date> on line " + line + " holds \"" + shorten(value)
                + "\", not a date like 2019-06-20T11:47:07Z");
    }

    private static Object data(String base64, int line) throws Malformed {
        StringBuilder compact = new StringBuilder(base64.length());
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                compact.append(c);
            }
        }
        if (compact.length() % 4 == 1) {
            // Six bits make no byte; dd-plist drops such a last character, and so does this reader.
            compact.setLength(compact.length() - 1);
        }
        try {
            return Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw new Malformed("its <data> on line " + line + " is not base64");
        }
    }

    // ---- XML syntax ----

    /** Reads a start tag, attributes checked for form and ignored, and returns its name. */
    private String startTag() throws Malformed {
        if (!text.startsWith("<", at) || text.startsWith("</", at)) {
            throw notWellFormed();
        }
        at++;
        String name = name();
        while (true) {
            boolean spaced = skipSpace();
            if (text.startsWith("/>", at)) {
                at += 2;
                selfClosed = true;
                return name;
            }
            if (text.startsWith(">", at)) {
                at++;
                selfClosed = false;
                return name;
            }
            if (!spaced) {
                throw notWellFormed();
            }
            name();
            skipSpace();
            expect('=');
            skipSpace();
            char quote = at < text.length() ? text.charAt(at) : 0;
            if (quote != '"' && quote != '\'') {
                throw notWellFormed();
            }
            int close = text.indexOf(quote, at + 1);
            if (close < 0 || text.substring(at + 1, close).indexOf('<') >= 0) {
                throw notWellFormed();
            }
            at = close + 1;
        }
    }

    private void endTag(String name) throws Malformed {
        if (!text.startsWith("</", at)) {
            throw notWellFormed();
        }
        at += 2;
        if (!name().equals(name)) {
            throw notWellFormed();
        }
        skipSpace();
        expect('>');
    }

    /** The character data of a text-only element (comments and CDATA allowed), through its end tag. */
    private String text(String element) throws Malformed {
        if (selfClosed) {
            return "";
        }
        StringBuilder value = new StringBuilder();
        while (true) {
            int next = text.indexOf('<', at);
            if (next < 0) {
                throw notWellFormed();
            }
            appendResolved(value, next);
            if (text.startsWith("<!--", at)) {
                skipPast("-->", "comment");
            } else if (text.startsWith("<![CDATA[", at)) {
                int end = text.indexOf("]]>", at);
                if (end < 0) {
                    throw notWellFormed();
                }
                value.append(text, at + 9, end);
                at = end + 3;
            } else if (text.startsWith("</", at)) {
                endTag(element);
                return value.toString();
            } else {
                throw new Malformed("its <" + element + "> on line " + line() + " holds an element");
            }
        }
    }

    /** Appends the text from here to {@code end}, entity and character references resolved. */
    private void appendResolved(StringBuilder value, int end) throws Malformed {
        while (at < end) {
            int amp = text.indexOf('&', at);
            if (amp < 0 || amp >= end) {
                value.append(text, at, end);
                at = end;
                return;
            }
            value.append(text, at, amp);
            int semicolon = text.indexOf(';', amp);
            if (semicolon < 0 || semicolon > end || semicolon - amp > 12) {
                at = amp;
                throw notWellFormed();
            }
            String reference = text.substring(amp + 1, semicolon);
            switch (reference) {
                case "lt" -> value.append('<');
                case "gt" -> value.append('>');
                case "amp" -> value.append('&');
                case "quot" -> value.append('"');
                case "apos" -> value.append('\'');
                default -> value.appendCodePoint(characterReference(reference, amp));
            }
            at = semicolon + 1;
        }
    }

    private int characterReference(String reference, int position) throws Malformed {
        int codePoint = -1;
        try {
            if (reference.startsWith("#x")) {
                codePoint = Integer.parseInt(reference.substring(2), 16);
            } else if (reference.startsWith("#")) {
                codePoint = Integer.parseInt(reference.substring(1));
            }
        } catch (NumberFormatException e) {
            codePoint = -1;
        }
        boolean allowed = codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || codePoint >= 0x20 && codePoint <= 0xD7FF || codePoint >= 0xE000 && codePoint <= 0xFFFD
                || codePoint >= 0x10000 && codePoint <= 0x10FFFF;
        if (!allowed) {
            at = position;
            throw new Malformed(reference.startsWith("#") ? "its XML is not well-formed (line " + line() + ")"
                    : "it refers to an entity &" + shorten(reference) + "; that XML does not define");
        }
        return codePoint;
    }

    /**
     * Skips white space, comments and processing instructions; before the root element, the DOCTYPE
     * too (one without an internal subset: such a subset declares entities, and no plist has one).
     */
    private void skipMisc(boolean prolog) throws Malformed {
        while (true) {
            skipSpace();
            if (text.startsWith("<!--", at)) {
                skipPast("-->", "comment");
            } else if (text.startsWith("<?", at)) {
                skipPast("?>", "processing instruction");
            } else if (prolog && text.startsWith("<!DOCTYPE", at)) {
                doctype();
            } else {
                return;
            }
        }
    }

    private void doctype() throws Malformed {
        int position = at + 9;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '"' || c == '\'') {
                int close = text.indexOf(c, position + 1);
                if (close < 0) {
                    break;
                }
                position = close + 1;
            } else if (c == '[') {
                throw new Malformed("its DOCTYPE declares entities or elements of its own, which no property list does");
            } else if (c == '>') {
                at = position + 1;
                return;
            } else {
                position++;
            }
        }
        throw notWellFormed();
    }

    private void skipPast(String terminator, String what) throws Malformed {
        int end = text.indexOf(terminator, at);
        if (end < 0) {
            throw new Malformed("its XML has an unterminated " + what + " (line " + line() + ")");
        }
        at = end + terminator.length();
    }

    private boolean skipSpace() {
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                break;
            }
            at++;
        }
        return at > start;
    }

    private String name() throws Malformed {
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':')) {
                break;
            }
            at++;
        }
        if (at == start) {
            throw notWellFormed();
        }
        return text.substring(start, at);
    }

    private void expect(char c) throws Malformed {
        if (at >= text.length() || text.charAt(at) != c) {
            throw notWellFormed();
        }
        at++;
    }

    private Malformed notWellFormed() {
        return new Malformed("its XML is not well-formed (line " + line() + ")");
    }

    private int line() {
        int line = 1;
        for (int i = 0, end = Math.min(at, text.length()); i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String shorten(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
