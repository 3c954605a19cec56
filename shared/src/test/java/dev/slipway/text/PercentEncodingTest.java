package dev.slipway.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    @Test
    void encode_keepsOnlyUnreservedCharacters() {
        assertThat(PercentEncoding.encode("a-z_A.Z~0 9/&+=é*")).isEqualTo("a-z_A.Z~0%209%2F%26%2B%3D%C3%A9%2A");
    }

    @Test
    void encode_spaceAndNonAscii_usePercentTwentyAndUtf8() {
        assertThat(PercentEncoding.encode("a b+é")).isEqualTo("a%20b%2B%C3%A9");
    }

    @Test
    void encode_asciiAroundNonAsciiAndAnEmoji_encodesEveryUtf8Byte() {
        assertThat(PercentEncoding.encode("x/é~🚀y z")).isEqualTo("x%2F%C3%A9~%F0%9F%9A%80y%20z");
    }
}
