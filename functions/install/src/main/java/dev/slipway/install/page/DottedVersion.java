package dev.slipway.install.page;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A dotted version such as {@code 16.4.1}, compared number by number: {@code 16.10} is newer than
 * {@code 16.9}, and missing parts count as zero ({@code 17} equals {@code 17.0.0}).
 */
public final class DottedVersion implements Comparable<DottedVersion> {
    /** More parts than any iOS version has; a longer value is not a version we compare. */
    private static final int MAX_PARTS = 4;
    /** Larger than any real version part, small enough that parsing can never overflow an int. */
    private static final int MAX_PART_DIGITS = 6;

    private final int[] parts;

    private DottedVersion(int[] parts) {
        this.parts = parts;
    }

    /**
     * Reads a version written with dots ({@code 17.4.1}) or, as iOS user agents write it, with
     * underscores ({@code 17_4_1}).
     *
     * @throws IllegalArgumentException if the text is not one to four groups of digits
     */
    public static DottedVersion parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("not a version: " + text);
        }
        String[] groups = text.split("[._]", -1);
        if (groups.length > MAX_PARTS) {
            throw new IllegalArgumentException("not a version: " + text);
        }
        int[] parts = new int[groups.length];
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (group.isEmpty() || group.length() > MAX_PART_DIGITS || !group.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not a version: " + text);
            }
            parts[i] = Integer.parseInt(group);
        }
        return new DottedVersion(parts);
    }

    /** The major version: 17 for {@code 17.4.1}. */
    public int major() {
        return parts[0];
    }

    /** True if this version is strictly older than {@code other}. */
    public boolean isOlderThan(DottedVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(DottedVersion other) {
        int length = Math.max(parts.length, other.parts.length);
        for (int i = 0; i < length; i++) {
            int difference = Integer.compare(part(i), other.part(i));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private int part(int index) {
        return index < parts.length ? parts[index] : 0;
    }

    /** Equal when they compare equal, so {@code 17} equals {@code 17.0}. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DottedVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        int end = parts.length;
        while (end > 1 && parts[end - 1] == 0) {
            end--;
        }
        return Arrays.hashCode(Arrays.copyOf(parts, end));
    }

    /** The version with dots, as given: {@code 17.4.1}. */
    @Override
    public String toString() {
        return Arrays.stream(parts).mapToObj(Integer::toString).collect(Collectors.joining("."));
    }
}
