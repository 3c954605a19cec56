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
        // Scanned by hand, not split by a regex: an app page reads a version a row.
        int[] parts = new int[MAX_PARTS];
        int count = 0;
        int start = 0;
        for (int end = 0; end <= text.length(); end++) {
            if (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '_') {
                continue;
            }
            if (count == MAX_PARTS || end == start || end - start > MAX_PART_DIGITS) {
                throw new IllegalArgumentException("not a version: " + text);
            }
            int part = 0;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    throw new IllegalArgumentException("not a version: " + text);
                }
                part = part * 10 + (c - '0');
            }
            parts[count++] = part;
            start = end + 1;
        }
        return new DottedVersion(Arrays.copyOf(parts, count));
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
