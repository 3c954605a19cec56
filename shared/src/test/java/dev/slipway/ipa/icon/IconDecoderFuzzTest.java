package dev.slipway.ipa.icon;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slipway.fixtures.FuzzBudget;

/** PNG and CgBI on any bytes: header, decoding and scaling give an icon or an {@link IconException}. */
class IconDecoderFuzzTest {

    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void toStandardPng_anyBytes_onlyIconExceptionEscapes(byte[] bytes) {
        try {
            PngHeader.read(bytes);
            DecodedIcon icon = IconDecoder.toStandardPng(bytes);
            IconScaler.scaleTo(icon.png(), 57);
        } catch (IconException e) {
            FuzzBudget.checkOneLine(e);
        }
    }
}
