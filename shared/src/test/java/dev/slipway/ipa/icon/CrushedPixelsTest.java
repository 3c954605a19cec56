package dev.slipway.ipa.icon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrushedPixelsTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0, 0",        // fully transparent: black
        "0, 255, 0",
        "255, 255, 255",  // opaque: unchanged
        "100, 128, 199",  // 199.2 rounds down
        "1, 2, 128",      // 127.5 rounds up
        "200, 100, 255",  // a broken file's colour above its alpha: 510 clamped
        "255, 1, 255",
    })
    void unpremultiply_colourAndAlpha_givesRoundedClampedStraightColour(int color, int alpha, int expected) {
        // when
        int straight = CrushedPixels.unpremultiply(color, alpha);

        // then
        assertThat(straight).isEqualTo(expected);
    }
}
