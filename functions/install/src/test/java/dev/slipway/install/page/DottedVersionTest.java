package dev.slipway.install.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DottedVersionTest {

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
            "16.9, 16.10",     // numeric, not text: "16.10" sorts before "16.9" as a string
            "9.3, 10.0",       // and "10" before "9"
            "16.4, 16.4.1",
            "17, 17.0.1",
            "15.7.9, 16",
            "2.9.99, 10.0.0"})
    void compareTo_numericallyOlder_isNegative(String older, String newer) {
        // given
        DottedVersion a = DottedVersion.parse(older);
        DottedVersion b = DottedVersion.parse(newer);

        // when / then
        assertThat(a.compareTo(b)).isNegative();
        assertThat(b.compareTo(a)).isPositive();
        assertThat(a.isOlderThan(b)).isTrue();
        assertThat(b.isOlderThan(a)).isFalse();
    }

    @Test
    void equals_missingPartsAreZero_equalAndSameHash() {
        // given
        DottedVersion seventeen = DottedVersion.parse("17");
        DottedVersion seventeenZeroZero = DottedVersion.parse("17.0.0");

        // when / then
        assertThat(seventeen).isEqualTo(seventeenZeroZero);
        assertThat(seventeen.hashCode()).isEqualTo(seventeenZeroZero.hashCode());
        assertThat(seventeen.compareTo(seventeenZeroZero)).isZero();
        assertThat(seventeen.isOlderThan(seventeenZeroZero)).isFalse();
    }

    @Test
    void parse_userAgentUnderscores_readAsDots() {
        // when
        DottedVersion version = DottedVersion.parse("17_4_1");

        // then
        assertThat(version.toString()).isEqualTo("17.4.1");
        assertThat(version.major()).isEqualTo(17);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "17.", ".1", "17..1", "17.x", "seventeen", "-1", "1.2.3.4.5", "1234567", "17.4b2", " 17"})
    void parse_notDigitGroups_throwsNamingTheText(String text) {
        assertThatThrownBy(() -> DottedVersion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a version: " + text);
    }

    @Test
    void parse_null_throws() {
        assertThatThrownBy(() -> DottedVersion.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a version: null");
    }
}
