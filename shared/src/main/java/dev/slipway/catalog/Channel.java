package dev.slipway.catalog;

/**
 * A channel name (the folder under {@code uploads/}): lower-case letters, digits, {@code .},
 * {@code _} and {@code -}, starting with a letter or digit, at most 40 characters.
 *
 * @param value the name
 */
public record Channel(String value) {
    /** The channel of uploads at the top of {@code uploads/}. */
    public static final String MAIN = "main";
    /** What a name may be, for messages. */
    public static final String RULE = "lower-case letters, digits, '.', '_', '-'; at most 40";
    public static final NameForm FORM = new NameForm("[a-z0-9][a-z0-9._-]{0,39}", "a valid channel name (" + RULE + ")");

    /** @throws IllegalArgumentException naming the value if it is not a channel name */
    public Channel {
        FORM.check(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
