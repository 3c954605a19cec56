package dev.slipway.catalog;

import java.util.regex.Pattern;

/**
 * The form of a name Slipway puts in S3 keys and paths (build ids, bundle ids, channels): checked
 * in one place, with one message.
 */
public final class NameForm {
    private final String regex;
    private final Pattern pattern;
    private final String what;

    /**
     * @param regex the whole name's form
     * @param what for messages, e.g. {@code a build id (20 characters, a-z 2-7)}
     */
    NameForm(String regex, String what) {
        this.regex = regex;
        this.pattern = Pattern.compile(regex);
        this.what = what;
    }

    /** The form, for patterns that embed it (the install routes). */
    public String regex() {
        return regex;
    }

    /** Whether the text has this form (null has not). */
    public boolean matches(String text) {
        return text != null && pattern.matcher(text).matches();
    }

    /**
     * @throws IllegalArgumentException naming the text if it has not this form
     */
    public String check(String text) {
        if (!matches(text)) {
            throw new IllegalArgumentException("\"" + text + "\" is not " + what);
        }
        return text;
    }

    @Override
    public String toString() {
        return what;
    }
}
