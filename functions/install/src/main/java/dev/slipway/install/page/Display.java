package dev.slipway.install.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How values read on a page: sizes in the decimal units iOS itself shows (Settings and the App
 * Store say 48.2 MB for 48,200,000 bytes), dates in UTC, spelled so no reader mistakes day for month.
 */
public final class Display {
    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Display() {
    }

    /**
     * A size in bytes for people: {@code 912 bytes}, {@code 2.0 MB}, {@code 48.2 MB}, {@code 1.3 GB}; one
     * decimal below 100 and three significant digits at most, so {@code 153 MB} rather than {@code 152.9 MB}.
     *
     * @throws IllegalArgumentException if the size is negative
     */
    public static String size(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size: " + bytes);
        }
        if (bytes < 1000) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double value = bytes / 1000.0;
        int unit = 0;
        // Step up at 999.5, not 1000, so that nothing rounds to "1000 KB".
        while (unit < UNITS.length - 1 && value >= 999.5) {
            value /= 1000;
            unit++;
        }
        // Always one decimal below 100, so sizes side by side read alike: "2.0 MB" beside "2.1 MB".
        String number = String.format(Locale.ROOT, value < 99.95 ? "%.1f" : "%.0f", value);
        return number + " " + UNITS[unit];
    }

    /** A day: {@code 21 Nov 2026} (UTC); an empty string for null. */
    public static String date(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    /** A day and time: {@code 21 Nov 2026, 14:05 UTC}; an empty string for null. */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DAY_AND_TIME.format(instant);
    }

    /** The machine-readable form for a {@code <time datetime>} attribute; null (no attribute) for null. */
    public static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The first letter of a name, upper-cased, for an icon placeholder; {@code ?} for a blank name. */
    public static String initial(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String stripped = name.strip();
        return stripped.substring(0, stripped.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
    }

    /**
     * A message as a sentence: capital first letter, full stop at the end. Findings and rejection
     * reasons are written as lower-case clauses ("no embedded.mobileprovision: …") for logs and the CLI.
     */
    public static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String text = message.strip();
        text = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?' ? text : text + ".";
    }
}
