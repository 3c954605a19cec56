package dev.slipway.ipa.icon;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Broken and malicious files: each must fail with a one-line IconException, never run out of memory. */
class IconDecoderHostileTest {
    /** 16x16 RGBA: 16 rows of a filter byte and 64 pixel bytes. */
    private static final int EXPECTED_16X16 = 16 * (1 + 16 * 4);

    @Test
    void toStandardPng_textFile_throwsNotAPng() {
        // given
        byte[] text = "<?xml version=\"1.0\"?>".getBytes(StandardCharsets.US_ASCII);

        // when / then
        assertThatThrownBy(() -> IconDecoder.toStandardPng(text))
                .isInstanceOf(IconException.class)
                .hasMessage("not a PNG file");
    }

    @Test
    void toStandardPng_fileCutInsideIdat_throwsTruncatedChunk() {
        // given a 16x16 file cut 10 bytes into its IDAT data; IDAT starts at 8 + 16 + 25 = 49
        byte[] idat = TestPngs.rawDeflate(new byte[EXPECTED_16X16]);
        byte[] png = TestPngs.file(TestPngs.cgbi(), TestPngs.ihdr(16, 16, 8, 6, 0),
                TestPngs.chunk("IDAT", idat), TestPngs.iend());
        byte[] cut = Arrays.copyOf(png, 49 + 8 + 10);

        // when / then
        assertThatThrownBy(() -> IconDecoder.toStandardPng(cut))
                .isInstanceOf(IconException.class)
                .hasMessage("truncated PNG chunk IDAT at offset 49: declares " + idat.length + " bytes, 6 available");
    }

    @Test
    void toStandardPng_idatLengthOfTwoToThe31_throwsTruncatedChunk() {
        // given
        byte[] png = TestPngs.file(TestPngs.cgbi(), TestPngs.ihdr(16, 16, 8, 6, 0),
                TestPngs.chunk("IDAT", new byte[20]));
        png[49] = (byte) 0x80;
        png[52] = 0;

        // when / then
        assertThatThrownBy(() -> IconDecoder.toStandardPng(png))
                .isInstanceOf(IconException.class)
                .hasMessage("truncated PNG chunk IDAT at offset 49: declares 2147483648 bytes, 20 available");
    }

    @Test
    void toStandardPng_hugeDeclaredDimensions_throwsBeforeReadingImageData() {
        // given 100000x100000 RGBA would need 40 GB; the file has no image data at all
        byte[] png = TestPngs.file(TestPngs.cgbi(), TestPngs.ihdr(100_000, 100_000, 8, 6, 0), TestPngs.iend());

        // when / then
        assertThatThrownBy(() -> IconDecoder.toStandardPng(png))
                .isInstanceOf(IconException.class)
                .hasMessage("PNG dimensions 100000x100000 outside 1..4096");
    }

    @Test
    void toStandardPng_largestDimensionsWithTinyData_throwsTooShort() {
        // given 1024x1024 declared, but only 100 bytes of image data
        byte[] png = TestPngs.file(TestPngs.cgbi(), TestPngs.ihdr(1024, 1024, 8, 6, 0),
                TestPngs.chunk("IDAT", TestPngs.rawDeflate(new byte[100])), TestPngs.iend());

        // when / then
        assertThatThrownBy(() -> IconDecoder.toStandardPng(png))
                .isInstanceOf(IconException.class)
                .hasMessage("crushed PNG image data too short: 100 of 4195328 bytes");
    }

    @Test
    void toStandardPng_4096SquareSixteenBit_isRefusedBeforeDecoding() {
        // given issue 10's defect 8: a 4096 x 4096 16-bit PNG, which took seconds to decode and scale
        byte[] png = TestPngs.file(TestPngs.ihdr(4096, 4096, 16, 6, 0),
                TestPngs.chunk("IDAT", TestPngs.rawDeflate(new byte[100])), TestPngs.iend());

        // when / then
        assertThatThrownBy(() -> IconDecoder.toStandardPng(png))
                .isInstanceOf(IconException.class)
                .hasMessage("PNG is 4096 x 4096 pixels, more than an app icon's 1024 x 1024");
    }

    @Test
    void toStandardPng_deflateBomb_throwsBeforeInflatingIt() {
        // given 16x16 declared, with 64 MB of zeros in about 64 KB of IDAT
        byte[] bomb = TestPngs.rawDeflateZeros(64L << 20);
        byte[] png = TestPngs.file(TestPngs.cgbi(), TestPngs.ihdr(16, 16, 8, 6, 0),
                TestPngs.chunk("IDAT", bomb), TestPngs.iend());

        // when / then
        assertThatThrownBy(() -> IconDecoder.toStandardPng(png))
                .isInstanceOf(IconException.class)
                .hasMessage("crushed PNG image data inflates to more than 1040 bytes");
    }

    @Test
    void toStandardPng_oneByteMoreThanExpected_throwsInflatesToMore() {
        // given
        byte[] png = TestPngs.file(TestPngs.cgbi(), TestPngs.ihdr(16, 16, 8, 6, 0),
                TestPngs.chunk("IDAT", TestPngs.rawDeflate(new byte[EXPECTED_16X16 + 1])), TestPngs.iend());

        // when / then
        assertThatThrownBy(() -> IconDecoder.toStandardPng(png))
                .isInstanceOf(IconException.class)
                .hasMessage("crushed PNG image data inflates to more than 1040 bytes");
    }

    @Test
    void toStandardPng_oneByteLessThanExpected_throwsTooShort() {
        // given
        byte[] png = TestPngs.file(TestPngs.cgbi(), TestPngs.ihdr(16, 16, 8, 6, 0),
                TestPngs.chunk("IDAT", TestPngs.rawDeflate(new byte[EXPECTED_16X16 - 1])), TestPngs.iend());

        // when / then
        assertThatThrownBy(() -> IconDecoder.toStandardPng(png))
                .isInstanceOf(IconException.class)
                .hasMessage("crushed PNG image data too short: 1039 of 1040 bytes");
    }

    @Test
    void toStandardPng_zlibWrappedData_throwsCorrupt() {
        // given standard zlib data where raw deflate belongs: 0x78 0x9c is not a valid deflate block
        byte[] zlib = {0x78, (byte) 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01};
        byte[] png = TestPngs.file(TestPngs.cgbi(), TestPngs.ihdr(16, 16, 8, 6, 0),
                TestPngs.chunk("IDAT", zlib), TestPngs.iend());

        // when / then
        assertThatThrownBy(() -> IconDecoder.toStandardPng(png))
                .isInstanceOf(IconException.class)
                .hasMessage("corrupt crushed PNG image data: invalid stored block lengths");
    }

    @Test
    void toStandardPng_noIdat_throws() {
        // given
        byte[] png = TestPngs.file(TestPngs.cgbi(), TestPngs.ihdr(16, 16, 8, 6, 0), TestPngs.iend());

        // when / then
        assertThatThrownBy(() -> IconDecoder.toStandardPng(png))
                .isInstanceOf(IconException.class)
                .hasMessage("crushed PNG has no IDAT chunk");
    }

    @Test
    void toStandardPng_unknownFilterType_throwsNamingRow() {
        // given rows of filter 0, then a row with filter type 5
        byte[] rows = new byte[EXPECTED_16X16];
        rows[1 + 16 * 4] = 5;
        byte[] png = TestPngs.file(TestPngs.cgbi(), TestPngs.ihdr(16, 16, 8, 6, 0),
                TestPngs.chunk("IDAT", TestPngs.rawDeflate(rows)), TestPngs.iend());

        // when / then
        assertThatThrownBy(() -> IconDecoder.toStandardPng(png))
                .isInstanceOf(IconException.class)
                .hasMessage("invalid PNG filter type 5 in row 1");
    }
}
