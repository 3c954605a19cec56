package dev.slipway.ipa.icon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IconScalerTest {

    @ParameterizedTest
    @ValueSource(ints = {57, 512})
    void scaleTo_largeIcon_givesSquareOfSizeWithColoursInPlace(int size) throws Exception {
        // given a 1024 icon, red on the left half and blue on the right
        BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, 512, 1024);
        graphics.setColor(Color.BLUE);
        graphics.fillRect(512, 0, 512, 1024);
        graphics.dispose();

        // when
        BufferedImage scaled = TestPngs.readWithImageIo(IconScaler.scaleTo(png(image), size));

        // then
        assertThat(scaled.getWidth()).isEqualTo(size);
        assertThat(scaled.getHeight()).isEqualTo(size);
        assertThat(hex(scaled.getRGB(size / 4, size / 2))).isEqualTo("ffff0000");
        assertThat(hex(scaled.getRGB(size * 3 / 4, size / 2))).isEqualTo("ff0000ff");
    }

    @ParameterizedTest
    @ValueSource(ints = {57, 512})
    void scaleTo_smallCrushedRealIcon_givesSquareOfSize(int size) throws Exception {
        // given a 29x29 crushed icon
        byte[] crushed = RealIconsTest.readEntry("app_info-ipad.ipa", "Payload/bundle.app/AppIcon29x29~ipad.png",
                Integer.MAX_VALUE);

        // when
        BufferedImage scaled = TestPngs.readWithImageIo(IconScaler.scaleTo(crushed, size));

        // then
        assertThat(scaled.getWidth()).isEqualTo(size);
        assertThat(scaled.getHeight()).isEqualTo(size);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00000000, 0x00ffffff})
    void scaleTo_discOnTransparentBackground_keepsEdgesTheDiscColour(int transparentColour) throws Exception {
        // given an antialiased red disc on transparent black or transparent white
        BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 1024; y++) {
            for (int x = 0; x < 1024; x++) {
                image.setRGB(x, y, transparentColour);
            }
        }
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.RED);
        graphics.fillOval(100, 100, 824, 824);
        graphics.dispose();

        // when
        BufferedImage scaled = TestPngs.readWithImageIo(IconScaler.scaleTo(png(image), 57));

        // then: straight-alpha interpolation would mix in the transparent colour (dark or pink edges)
        int edgePixels = 0;
        for (int y = 0; y < 57; y++) {
            for (int x = 0; x < 57; x++) {
                int argb = scaled.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha >= 16 && alpha < 255) {
                    edgePixels++;
                    String where = "pixel (" + x + "," + y + ") " + hex(argb);
                    assertThat((argb >> 16) & 0xff).as("red of " + where).isGreaterThanOrEqualTo(240);
                    assertThat((argb >> 8) & 0xff).as("green of " + where).isLessThanOrEqualTo(20);
                    assertThat(argb & 0xff).as("blue of " + where).isLessThanOrEqualTo(20);
                }
            }
        }
        assertThat(edgePixels).isGreaterThan(20);
    }

    @Test
    void scaleTo_thinLinesReducedEighteenfold_averagesThemToEvenGrey() throws Exception {
        // given 1-pixel black lines every 16 pixels on white: 15/16 white averages to grey 239
        BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 1024; y++) {
            for (int x = 0; x < 1024; x++) {
                image.setRGB(x, y, x % 16 == 0 ? 0xff000000 : 0xffffffff);
            }
        }

        // when
        BufferedImage scaled = TestPngs.readWithImageIo(IconScaler.scaleTo(png(image), 57));

        // then: a single-step reduction would sample some lines and miss others (moire)
        for (int x = 0; x < 57; x++) {
            assertThat(scaled.getRGB(x, 28) & 0xff).as("column %d", x).isBetween(236, 242);
        }
    }

    @Test
    void scaleTo_wideImage_centresItOnTransparentSquare() throws Exception {
        // given a 200x100 opaque green image
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.GREEN);
        graphics.fillRect(0, 0, 200, 100);
        graphics.dispose();

        // when
        BufferedImage scaled = TestPngs.readWithImageIo(IconScaler.scaleTo(png(image), 50));

        // then: 50x25 at rows 12 to 36
        assertThat(scaled.getWidth()).isEqualTo(50);
        assertThat(scaled.getHeight()).isEqualTo(50);
        assertThat(hex(scaled.getRGB(25, 11))).isEqualTo("00000000");
        assertThat(hex(scaled.getRGB(25, 12))).isEqualTo("ff00ff00");
        assertThat(hex(scaled.getRGB(25, 36))).isEqualTo("ff00ff00");
        assertThat(hex(scaled.getRGB(25, 37))).isEqualTo("00000000");
    }

    @Test
    void scaleTo_sizeZero_throwsIllegalArgument() {
        // when / then
        assertThatThrownBy(() -> IconScaler.scaleTo(TestPngs.file(TestPngs.ihdr(1, 1, 8, 6, 0)), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("icon size 0 outside 1..4096");
    }

    @Test
    void scaleTo_hugeDeclaredDimensions_throwsBeforeImageIoAllocates() {
        // given a standard PNG declaring 100000x100000
        byte[] png = TestPngs.file(TestPngs.ihdr(100_000, 100_000, 8, 6, 0), TestPngs.iend());

        // when / then
        assertThatThrownBy(() -> IconScaler.scaleTo(png, 57))
                .isInstanceOf(IconException.class)
                .hasMessage("PNG dimensions 100000x100000 outside 1..4096");
    }

    @Test
    void scaleTo_corruptImageData_throwsIconException() {
        // given a standard PNG whose IDAT is not zlib data
        byte[] png = TestPngs.file(TestPngs.ihdr(16, 16, 8, 6, 0),
                TestPngs.chunk("IDAT", new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), TestPngs.iend());

        // when / then
        assertThatThrownBy(() -> IconScaler.scaleTo(png, 57))
                .isInstanceOf(IconException.class)
                .hasMessage("PNG cannot be decoded: Error reading PNG image data");
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "png", out)).isTrue();
        return out.toByteArray();
    }

    private static String hex(int argb) {
        return String.format("%08x", argb);
    }
}
