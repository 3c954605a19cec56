package dev.slipway.ipa.icon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IconDecoderTest {
    private static final int WIDTH = 7;
    private static final int HEIGHT = 10;
    /** Every filter type, including Paeth, Average and Up on the first row (no row above). */
    private static final int[] ROW_FILTERS = {4, 3, 2, 1, 0, 4, 3, 2, 1, 0};

    @Test
    void toStandardPng_crushedRgbaWithEveryFilter_restoresStraightRgbaPixels() throws Exception {
        // given
        int[] argb = testPixels();
        byte[] crushed = CgbiEncoder.encode(WIDTH, HEIGHT, argb, ROW_FILTERS, 50, true);

        // when
        DecodedIcon icon = IconDecoder.toStandardPng(crushed);

        // then
        assertThat(icon.width()).isEqualTo(WIDTH);
        assertThat(icon.height()).isEqualTo(HEIGHT);
        assertThat(icon.wasCrushed()).isTrue();
        BufferedImage image = TestPngs.readWithImageIo(icon.png());
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int original = argb[y * WIDTH + x];
                int decoded = image.getRGB(x, y);
                String where = "pixel (" + x + "," + y + ") from " + Integer.toHexString(original);
                assertThat(hex(decoded)).as(where).isEqualTo(hex(expectedAfterRoundTrip(original)));
                int alpha = original >>> 24;
                if (alpha == 255) {
                    assertThat(hex(decoded)).as(where).isEqualTo(hex(original));
                } else if (alpha >= 128) {
                    // premultiplying loses at most half a step, which 255 / alpha <= 2 turns into at most one
                    assertWithinOnePerChannel(decoded, original, where);
                }
            }
        }
    }

    @Test
    void toStandardPng_knownPixels_keepsRedBlueOrderAndUndoesPremultiplication() throws Exception {
        // given opaque red and blue, a transparent orange and a half-transparent orange
        int[] argb = {0xffff0000, 0xff0000ff, 0x00ff8040, 0x80c86432};
        byte[] crushed = CgbiEncoder.encode(4, 1, argb, new int[] {0}, 1000, true);

        // when
        BufferedImage image = TestPngs.readWithImageIo(IconDecoder.toStandardPng(crushed).png());

        // then: 200*128/255 = 100.4 is stored as 100, and 100*255/128 = 199.2 gives 199
        assertThat(hex(image.getRGB(0, 0))).isEqualTo("ffff0000");
        assertThat(hex(image.getRGB(1, 0))).isEqualTo("ff0000ff");
        assertThat(hex(image.getRGB(2, 0))).isEqualTo("00000000");
        assertThat(hex(image.getRGB(3, 0))).isEqualTo("80c76432");
    }

    @Test
    void toStandardPng_crushedRgb_restoresOpaquePixelsInRgbOrder() throws Exception {
        // given a colour type 2 (BGR) crushed image
        int[] argb = testPixels();
        byte[] crushed = CgbiEncoder.encode(WIDTH, HEIGHT, argb, ROW_FILTERS, 1000, false);

        // when
        DecodedIcon icon = IconDecoder.toStandardPng(crushed);

        // then
        BufferedImage image = TestPngs.readWithImageIo(icon.png());
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int opaque = argb[y * WIDTH + x] | 0xff000000;
                assertThat(hex(image.getRGB(x, y))).as("pixel (%d,%d)", x, y).isEqualTo(hex(opaque));
            }
        }
    }

    @Test
    void toStandardPng_crushedFile_writesOnlyIhdrIdatIendWithValidCrcs() throws Exception {
        // given a crushed file with CgBI, gAMA and several IDATs
        byte[] crushed = CgbiEncoder.encode(WIDTH, HEIGHT, testPixels(), ROW_FILTERS, 20, true);

        // when
        byte[] png = IconDecoder.toStandardPng(crushed).png();

        // then
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(TestPngs.SIGNATURE);
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        List<String> types = new ArrayList<>();
        while (in.hasRemaining()) {
            byte[] typeAndData = new byte[4 + in.getInt()];
            in.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
            assertThat(in.getInt()).as("CRC of " + type).isEqualTo((int) crc.getValue());
            types.add(type);
            if (type.equals("IHDR")) {
                assertThat(Arrays.copyOfRange(typeAndData, 4, 17))
                        .isEqualTo(new byte[] {0, 0, 0, WIDTH, 0, 0, 0, HEIGHT, 8, 6, 0, 0, 0});
            }
        }
        assertThat(types).containsExactly("IHDR", "IDAT", "IEND");
    }

    @Test
    void toStandardPng_standardPng_returnsSameBytes() throws IconException {
        // given
        byte[] png = TestPngs.file(TestPngs.ihdr(17, 18, 8, 6, 0), TestPngs.iend());

        // when
        DecodedIcon icon = IconDecoder.toStandardPng(png);

        // then
        assertThat(icon).extracting(DecodedIcon::width, DecodedIcon::height, DecodedIcon::wasCrushed)
                .containsExactly(17, 18, false);
        assertThat(icon.png()).isSameAs(png);
    }

    static Stream<Arguments> unsupportedCrushedPngs() {
        return Stream.of(
                Arguments.of(Named.of("palette", TestPngs.file(TestPngs.cgbi(), TestPngs.ihdr(8, 8, 8, 3, 0), TestPngs.iend())),
                        "unsupported crushed PNG colour type 3"),
                Arguments.of(Named.of("16-bit", TestPngs.file(TestPngs.cgbi(), TestPngs.ihdr(8, 8, 16, 6, 0), TestPngs.iend())),
                        "unsupported crushed PNG bit depth 16"),
                Arguments.of(Named.of("interlaced", TestPngs.file(TestPngs.cgbi(), TestPngs.ihdr(8, 8, 8, 6, 1),
                        TestPngs.chunk("IDAT", TestPngs.rawDeflate(new byte[200])), TestPngs.iend())),
                        "interlaced crushed PNG not supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedCrushedPngs")
    void toStandardPng_unsupportedCrushedPng_throwsNamingWhat(byte[] png, String message) {
        assertThatThrownBy(() -> IconDecoder.toStandardPng(png)).isInstanceOf(IconException.class).hasMessage(message);
    }

    /**
     * Pseudo-random pixels with alphas from 0 to 255, so the filters see varied neighbours; a first
     * row of known opaque, transparent and half-transparent pixels; and rows 4 (None) and 5 (Paeth)
     * set up for Paeth's two ties that change the result.
     */
    static int[] testPixels() {
        int[] alphas = {0, 1, 64, 127, 128, 200, 254, 255, 255};
        Random random = new Random(42);
        int[] argb = new int[WIDTH * HEIGHT];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = alphas[random.nextInt(alphas.length)] << 24 | random.nextInt(1 << 24);
        }
        int[] firstRow = {0xffff0000, 0xff00ff00, 0xff0000ff, 0x00ffffff, 0x80c86432, 0x01ffffff, 0xfe102030};
        System.arraycopy(firstRow, 0, argb, 0, WIDTH);
        // Blue bytes of opaque pixels. At (1,5) left 0, up 30, upLeft 10: up and upLeft tie, up wins.
        // At (3,5) left 0, up 30, upLeft 20: left and upLeft tie, left wins.
        int[] rowFour = {0xff00000a, 0xff00001e, 0xff000014, 0xff00001e};
        int[] rowFive = {0xff000000, 0xff123456, 0xff000000, 0xff654321};
        System.arraycopy(rowFour, 0, argb, 4 * WIDTH, rowFour.length);
        System.arraycopy(rowFive, 0, argb, 5 * WIDTH, rowFive.length);
        return argb;
    }

    /** What un-premultiplying must give for the premultiplied values the encoder stored. */
    private static int expectedAfterRoundTrip(int argb) {
        int alpha = argb >>> 24;
        if (alpha == 0) {
            return 0;
        }
        int result = alpha << 24;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int stored = CgbiEncoder.premultiply((argb >> shift) & 0xff, alpha);
            result |= (int) Math.min(255, Math.round(stored * 255.0 / alpha)) << shift;
        }
        return result;
    }

    private static void assertWithinOnePerChannel(int actual, int expected, String where) {
        for (int shift = 0; shift < 32; shift += 8) {
            assertThat((actual >> shift) & 0xff).as(where).isCloseTo((expected >> shift) & 0xff,
                    Offset.offset(1));
        }
    }

    private static String hex(int argb) {
        return String.format("%08x", argb);
    }
}
