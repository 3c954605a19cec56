package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"90s,PT1M30S", "90,PT1M30S", "15m,PT15M", "12h,PT12H", "7d,PT168H", "7D,PT168H", "PT2H,PT2H",
            "P1D,PT24H"})
    void parse_acceptedForms_giveTheDuration(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @Test
    void parse_unknownUnit_namesTheValue() {
        assertThatThrownBy(() -> Durations.parse("7w")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'7w' is not a duration (e.g. 90s, 15m, 12h, 7d)");
    }

    @Test
    void parse_zero_isRefused() {
        assertThatThrownBy(() -> Durations.parse("0d")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'0d' is not a positive duration");
    }

    @ParameterizedTest
    @CsvSource({"P30D,30 days", "PT1H,1 hour", "PT90M,90 minutes", "PT2M,2 minutes", "PT61S,61 seconds",
            "PT0.001S,1 millisecond", "PT1.5S,1500 milliseconds", "PT0.0000001S,under a millisecond"})
    void describe_wholeUnits_readAsPeopleSayThem(String duration, String expected) {
        assertThat(Durations.describe(Duration.parse(duration))).isEqualTo(expected);
    }
}
