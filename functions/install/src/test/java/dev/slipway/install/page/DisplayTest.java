package dev.slipway.install.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0, 0 bytes",
            "1, 1 byte",
            "999, 999 bytes",
            "1000, 1.0 KB",
            "1500, 1.5 KB",
            "48200000, 48.2 MB",
            "99940000, 99.9 MB",
            "99960000, 100 MB",
            "152940000, 153 MB",
            "999499, 999 KB",
            "999600, 1.0 MB",        // not "1000 KB"
            "2000000, 2.0 MB",       // regression: "2 MB" beside "2.1 MB" in one list
            "2100000, 2.1 MB",
            "2050000, 2.1 MB",       // halves round up, as "%.1f" rounds them
            "2049999, 2.0 MB",
            "99949999, 99.9 MB",
            "99950000, 100 MB",      // from 99.95 on, no decimal
            "999500, 1.0 MB",        // exactly 999.5 KB steps up
            "1300000000, 1.3 GB",
            "2147483648, 2.1 GB",
            "9223372036854775807, 9223372 TB"})
    void size_bytes_decimalUnitsAtMostThreeDigits(long bytes, String expected) {
        assertThat(Display.size(bytes)).isEqualTo(expected);
    }

    @Test
    void size_negative_throws() {
        assertThatThrownBy(() -> Display.size(-1)).isInstanceOf(IllegalArgumentException.class).hasMessage("negative size: -1");
    }

    @Test
    void date_instant_dayInUtcWithMonthName() {
        // given: late evening UTC-5 is already the next day in UTC
        Instant instant = Instant.parse("2026-11-21T01:30:00Z");

        // when / then
        assertThat(Display.date(instant)).isEqualTo("21 Nov 2026");
        assertThat(Display.dateTime(instant)).isEqualTo("21 Nov 2026, 01:30 UTC");
        assertThat(Display.iso(instant)).isEqualTo("2026-11-21T01:30:00Z");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-03-05T09:07:00Z, '5 Mar 2026, 09:07 UTC'",
            "2026-12-31T23:59:59.999Z, '31 Dec 2026, 23:59 UTC'",
            "1970-01-01T00:00:00Z, '1 Jan 1970, 00:00 UTC'",
            "+10000-01-01T00:00:00Z, '1 Jan +10000, 00:00 UTC'",
            "0999-06-15T12:00:00Z, '15 Jun 0999, 12:00 UTC'"})
    void dateTime_instant_dayMonthNameYearAndTimeInUtc(String instant, String expected) {
        assertThat(Display.dateTime(Instant.parse(instant))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-03-05T09:07:00Z",
            "2026-03-05T09:07:00.100Z",
            "2026-03-05T09:07:00.000100Z",
            "2026-03-05T09:07:00.000000001Z",
            "2026-03-05T09:07:00.123456789Z",
            "+10000-01-01T00:00:00Z",
            "0999-06-15T12:00:00Z",
            "-0001-01-01T00:00:00Z"})
    void iso_instant_sameAsInstantToString(String instant) {
        assertThat(Display.iso(Instant.parse(instant))).isEqualTo(instant);
    }

    @Test
    void date_null_emptyAndNoAttribute() {
        assertThat(Display.date(null)).isEmpty();
        assertThat(Display.dateTime(null)).isEmpty();
        assertThat(Display.iso(null)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "harbour | H",
            "  élan | É",
            "🚀 Rocket | 🚀",
            "' ' | ?"})
    void initial_name_firstCharacterUpperCased(String name, String expected) {
        assertThat(Display.initial(name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "the provisioning profile expired on 3 Mar 2025 | The provisioning profile expired on 3 Mar 2025.",
            "  already a sentence.  | Already a sentence.",
            "is it? | Is it?",
            "x | X."})
    void sentence_clause_capitalisedWithFullStop(String message, String expected) {
        assertThat(Display.sentence(message)).isEqualTo(expected);
    }

    @Test
    void sentence_blankOrNull_empty() {
        assertThat(Display.sentence("  ")).isEmpty();
        assertThat(Display.sentence(null)).isEmpty();
    }
}
