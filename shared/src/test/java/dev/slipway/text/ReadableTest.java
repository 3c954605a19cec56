package dev.slipway.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadableTest {

    @Test
    void dayAndMinute_matchTheEnglishPatterns() {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
            assertThat(Readable.day(instant)).isEqualTo(day.format(instant));
            assertThat(Readable.minute(instant)).isEqualTo(minute.format(instant));
        }
        assertThat(Readable.day(Instant.parse("2018-02-17T09:33:59Z"))).isEqualTo("17 Feb 2018");
        assertThat(Readable.minute(Instant.parse("2018-02-07T09:03:59Z"))).isEqualTo("2018-02-07 09:03 UTC");
    }

    @Test
    void count_groupsThousandsAsEnglishDoes() {
        NumberFormat english = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        for (long value : new long[] {0, 7, 999, 1_000, 49_425, 1_234_567, -1_000, -999, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(Readable.count(value)).as("%d", value).isEqualTo(english.format(value));
        }
    }
}
