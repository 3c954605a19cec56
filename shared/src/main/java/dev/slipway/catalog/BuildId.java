package dev.slipway.catalog;

import java.util.regex.Pattern;

/**
 * A build's (or a rejected upload's) id: 20 characters of lower-case base32, derived from the
 * upload (see {@link Upload#buildId()}). Safe in S3 keys, paths and file names as it is.
 *
 * @param value the id
 */
public record BuildId(String value) {
    /** The id's form, for patterns that embed it (the install routes). */
    public static final String REGEX = "[a-z2-7]{20}";
    private static final Pattern FORM = Pattern.compile(REGEX);

    /**
     * @throws IllegalArgumentException naming the value if it is not a build id
     */
    public BuildId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("\"" + value + "\" is not a build id (20 characters, a-z 2-7)");
        }
    }

    /** Whether the text is a build id (null is not). */
    public static boolean isValid(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
