package dev.slipway.catalog;

/**
 * An app's bundle identifier as Slipway accepts it ({@code CFBundleIdentifier}: letters, digits,
 * {@code .} and {@code -}, at most 155 characters, as Apple allows), so it is safe in S3 keys and
 * paths ({@code apps/{bundleId}/…}, {@code /a/{bundleId}}).
 *
 * @param value the identifier
 */
public record BundleId(String value) {
    public static final NameForm FORM = new NameForm("[A-Za-z0-9][A-Za-z0-9.-]{0,154}", "a valid bundle identifier");

    /** @throws IllegalArgumentException naming the value if it is not a usable bundle identifier */
    public BundleId {
        FORM.check(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
