package dev.slipway.text;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Dates and counts as people read them in English text, the same on every machine. Written out by
 * hand rather than through DateTimeFormatter or String.format: those first load the locale data
 * (CLDR) and their pattern machinery, about 30 ms of a 200 ms {@code slipway inspect}, and their
 * default-locale forms would print "17 févr. 2018" inside an English sentence on a French machine.
 */
public final class Readable {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private Readable() {
    }

    /** The UTC day, e.g. {@code 17 Feb 2018}. */
    public static String day(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        return utc.getDayOfMonth() + " " + MONTHS[utc.getMonthValue() - 1] + " " + utc.getYear();
    }

    /** The UTC minute, e.g. {@code 2018-02-17 09:33 UTC}. */
    public static String minute(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(20);
        int year = utc.getYear();
        if (year >= 0 && year < 1000) {
            text.append("0".repeat(year < 10 ? 3 : year < 100 ? 2 : 1));
        }
        text.append(year).append('-');
        twoDigits(text, utc.getMonthValue()).append('-');
        twoDigits(text, utc.getDayOfMonth()).append(' ');
        twoDigits(text, utc.getHour()).append(':');
        return twoDigits(text, utc.getMinute()).append(" UTC").toString();
    }

    /** A count with thousands separated by commas, e.g. {@code 49,425}. */
    public static String count(long value) {
        String digits = Long.toString(value);
        int sign = value < 0 ? 1 : 0;
        StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3);
        text.append(digits, 0, sign);
        for (int i = sign; i < digits.length(); i++) {
            if (i > sign && (digits.length() - i) % 3 == 0) {
                text.append(',');
            }
            text.append(digits.charAt(i));
        }
        return text.toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append(value < 10 ? "0" : "").append(value);
    }
}
