package dev.slipway.catalog;

/**
 * A build's (or a rejected upload's) id: 20 characters of lower-case base32, derived from the
 * upload (see {@link Upload#buildId()}). Safe in S3 keys, paths and file names as it is.
 *
 * @param value the id
 */
public record BuildId(String value) {
    public static final NameForm FORM = new NameForm("[a-z2-7]{20}", "a build id (20 characters, a-z 2-7)");

    /** @throws IllegalArgumentException naming the value if it is not a build id */
    public BuildId {
        FORM.check(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
