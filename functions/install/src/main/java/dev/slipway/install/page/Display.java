package dev.slipway.install.page;

import dev.slipway.text.Readable;
import java.time.Instant;
import java.time.LocalDateTime;
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
        // Whole numbers throughout, no String.format (a page of builds prints one size a row): unit
        // is bytes / divisor, rounded half up at one decimal as "%.1f" would.
        int unit = 0;
        long divisor = 1000;
        // Step up at 999.5, not 1000, so that nothing rounds to "1000 KB".
        while (unit < UNITS.length - 1 && bytes >= divisor / 10 * 9995) {
            divisor *= 1000;
            unit++;
        }
        long whole = bytes / divisor;
        long rest = bytes % divisor;
        // Always one decimal below 99.95, so sizes side by side read alike: "2.0 MB" beside "2.1 MB".
        if (whole < 99 || whole == 99 && rest * 20 < divisor * 19) {
            long tenths = whole * 10 + roundedHalfUp(rest * 10, divisor);
            return tenths / 10 + "." + tenths % 10 + " " + UNITS[unit];
        }
        return whole + roundedHalfUp(rest, divisor) + " " + UNITS[unit];
    }

    /** {@code numerator / divisor} rounded half up, for a numerator below ten divisors. */
    private static long roundedHalfUp(long numerator, long divisor) {
        long quotient = numerator / divisor;
        return numerator % divisor * 2 >= divisor ? quotient + 1 : quotient;
    }

    /** A day: {@code 21 Nov 2026} (UTC); an empty string for null. */
    public static String date(Instant instant) {
        if (instant == null) {
            return "";
        }
        int year = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC).getYear();
        return year < 1000 || year > 9999 ? DAY.format(instant) : Readable.day(instant);
    }

    /** A day and time: {@code 21 Nov 2026, 14:05 UTC}; an empty string for null. */
    public static String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        // Spelled by hand, not by DAY_AND_TIME (an app page prints one a row), for the years it
        // prints as four plain digits; the formatter keeps the rest (signs, padding).
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (time.getYear() < 1000 || time.getYear() > 9999) {
            return DAY_AND_TIME.format(instant);
        }
        return new StringBuilder(22).append(Readable.day(instant)).append(", ").append(twoDigits(time.getHour()))
                .append(':').append(twoDigits(time.getMinute())).append(" UTC").toString();
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    /** The machine-readable form for a {@code <time datetime>} attribute; null (no attribute) for null. */
    public static String iso(Instant instant) {
        if (instant == null) {
            return null;
        }
        // Instant.toString's form, spelled by hand (an app page prints one a row) for four-digit years.
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (time.getYear() < 1000 || time.getYear() > 9999) {
            return instant.toString();
        }
        StringBuilder iso = new StringBuilder(30).append(time.getYear()).append('-')
                .append(twoDigits(time.getMonthValue())).append('-').append(twoDigits(time.getDayOfMonth())).append('T')
                .append(twoDigits(time.getHour())).append(':').append(twoDigits(time.getMinute())).append(':')
                .append(twoDigits(time.getSecond()));
        int nanos = instant.getNano();
        if (nanos > 0) {
            // Milli-, micro- or nanoseconds: as many groups of three digits as it takes.
            int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
            String fraction = String.valueOf(1_000_000_000 + nanos);
            iso.append('.').append(fraction, 1, 1 + digits);
        }
        return iso.append('Z').toString();
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
