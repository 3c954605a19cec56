package dev.slipway.ipa.icon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PngHeaderTest {

    @Test
    void read_crushedPrefix_returnsIhdrFieldsAndCrushed() throws IconException {
        // given the first 64 bytes of a crushed file whose image data follows
        byte[] png = TestPngs.file(TestPngs.cgbi(), TestPngs.ihdr(120, 90, 8, 6, 0),
                TestPngs.chunk("IDAT", new byte[100]), TestPngs.iend());
        byte[] prefix = Arrays.copyOf(png, PngHeader.PREFIX_LENGTH);

        // when
        PngHeader header = PngHeader.read(prefix);

        // then
        assertThat(header).isEqualTo(new PngHeader(120, 90, 8, 6, true));
    }

    @Test
    void read_standardPng_returnsIhdrFieldsAndNotCrushed() throws IconException {
        // given
        byte[] png = TestPngs.file(TestPngs.ihdr(4096, 1, 16, 2, 0), TestPngs.iend());

        // when
        PngHeader header = PngHeader.read(png);

        // then
        assertThat(header).isEqualTo(new PngHeader(4096, 1, 16, 2, false));
    }

    @Test
    void read_jpeg_throwsNotAPng() {
        // given
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

        // when / then
        assertThatThrownBy(() -> PngHeader.read(jpeg))
                .isInstanceOf(IconException.class)
                .hasMessage("not a PNG file");
    }

    @Test
    void read_partOfSignature_throwsNotAPng() {
        // given
        byte[] prefix = Arrays.copyOf(TestPngs.SIGNATURE, 5);

        // when / then
        assertThatThrownBy(() -> PngHeader.read(prefix)).hasMessage("not a PNG file");
    }

    @Test
    void read_signatureOnly_throwsTruncatedChunk() {
        // when / then
        assertThatThrownBy(() -> PngHeader.read(TestPngs.SIGNATURE))
                .isInstanceOf(IconException.class)
                .hasMessage("truncated PNG chunk at offset 8: 0 bytes left, a chunk needs at least 12");
    }

    @Test
    void read_prefixEndsInsideIhdr_throwsTruncatedChunk() {
        // given signature (8) + CgBI (16) + IHDR (25) cut to 40 bytes: IHDR starts at 24
        byte[] prefix = Arrays.copyOf(TestPngs.crushedRgbaStart(57, 57), 40);

        // when / then
        assertThatThrownBy(() -> PngHeader.read(prefix))
                .isInstanceOf(IconException.class)
                .hasMessage("truncated PNG chunk IHDR at offset 24: declares 13 bytes, 4 available");
    }

    @Test
    void read_cgbiLengthBeyondTwoToThe31_throwsTruncatedChunk() {
        // given a CgBI chunk whose length field is 0x80000000
        byte[] png = TestPngs.crushedRgbaStart(57, 57);
        png[8] = (byte) 0x80;

        // when / then
        assertThatThrownBy(() -> PngHeader.read(png))
                .isInstanceOf(IconException.class)
                .hasMessage("truncated PNG chunk CgBI at offset 8: declares 2147483652 bytes, 29 available");
    }

    @Test
    void read_ancillaryChunkBeforeIhdr_throwsNoIhdr() {
        // given
        byte[] png = TestPngs.file(TestPngs.chunk("gAMA", new byte[4]), TestPngs.ihdr(1, 1, 8, 6, 0));

        // when / then
        assertThatThrownBy(() -> PngHeader.read(png))
                .isInstanceOf(IconException.class)
                .hasMessage("PNG has no IHDR chunk at its start, found gAMA");
    }

    @Test
    void read_chunkTypeNotLetters_namesItInHex() {
        // given
        byte[] png = TestPngs.file(TestPngs.chunk("IHDR", new byte[13]));
        png[12] = 0;
        png[15] = (byte) 0xff;

        // when / then
        assertThatThrownBy(() -> PngHeader.read(png)).hasMessage("PNG has no IHDR chunk at its start, found 0x004844ff");
    }

    @Test
    void read_ihdrOfWrongLength_throws() {
        // given
        byte[] png = TestPngs.file(TestPngs.chunk("IHDR", new byte[12]));

        // when / then
        assertThatThrownBy(() -> PngHeader.read(png))
                .isInstanceOf(IconException.class)
                .hasMessage("PNG IHDR chunk has 12 bytes, expected 13");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 57, PNG dimensions 0x57 outside 1..4096",
        "57, 0, PNG dimensions 57x0 outside 1..4096",
        "4097, 57, PNG dimensions 4097x57 outside 1..4096",
        "100000, 100000, PNG dimensions 100000x100000 outside 1..4096",
        "4294967295, 1, PNG dimensions 4294967295x1 outside 1..4096",
    })
    void read_dimensionsOutOfBounds_throwsNamingThem(long width, long height, String message) {
        // given
        byte[] png = TestPngs.crushedRgbaStart(width, height);

        // when / then
        assertThatThrownBy(() -> PngHeader.read(png))
                .isInstanceOf(IconException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({
        "7, 6, invalid PNG bit depth 7 for colour type 6",
        "4, 2, invalid PNG bit depth 4 for colour type 2",
        "16, 3, invalid PNG bit depth 16 for colour type 3",
        "8, 5, invalid PNG colour type 5",
    })
    void read_invalidDepthOrColourType_throws(int bitDepth, int colorType, String message) {
        // given
        byte[] png = TestPngs.file(TestPngs.ihdr(10, 10, bitDepth, colorType, 0));

        // when / then
        assertThatThrownBy(() -> PngHeader.read(png))
                .isInstanceOf(IconException.class)
                .hasMessage(message);
    }
}
