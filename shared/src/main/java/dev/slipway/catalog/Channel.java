package dev.slipway.catalog;

import java.util.regex.Pattern;

/**
 * A channel name (the folder under {@code uploads/}): lower-case letters, digits, {@code .},
 * {@code _} and {@code -}, starting with a letter or digit, at most 40 characters.
 *
 * @param value the name
 */
public record Channel(String value) {
    /** The channel of uploads at the top of {@code uploads/}. */
    public static final String MAIN = "main";
    /** The name's form, for patterns that embed it (the install routes). */
    public static final String REGEX = "[a-z0-9][a-z0-9._-]{0,39}";
    /** What the name may be, for messages. */
    public static final String RULE = "lower-case letters, digits, '.', '_', '-'; at most 40";
    private static final Pattern FORM = Pattern.compile(REGEX);

    /**
     * @throws IllegalArgumentException naming the value if it is not a channel name
     */
    public Channel {
        if (!isValid(value)) {
            throw new IllegalArgumentException("channel \"" + value + "\" is not a valid channel name (" + RULE + ")");
        }
    }

    /** Whether the text is a channel name (null is not). */
    public static boolean isValid(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
