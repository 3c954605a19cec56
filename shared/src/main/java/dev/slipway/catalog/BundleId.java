package dev.slipway.catalog;

import java.util.regex.Pattern;

/**
 * An app's bundle identifier as Slipway accepts it ({@code CFBundleIdentifier}: letters, digits,
 * {@code .} and {@code -}, at most 155 characters, as Apple allows), so it is safe in S3 keys and
 * paths ({@code apps/{bundleId}/…}, {@code /a/{bundleId}}).
 *
 * @param value the identifier
 */
public record BundleId(String value) {
    /** The identifier's form, for patterns that embed it (the install routes). */
    public static final String REGEX = "[A-Za-z0-9][A-Za-z0-9.-]{0,154}";
    private static final Pattern FORM = Pattern.compile(REGEX);

    /**
     * @throws IllegalArgumentException naming the value if it is not a usable bundle identifier
     */
    public BundleId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("\"" + value + "\" is not a valid bundle identifier");
        }
    }

    /** Whether the text is a usable bundle identifier (null is not). */
    public static boolean isValid(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
