package dev.slipway.ipa.icon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.fixtures.Corpus;
import dev.slipway.fixtures.Fixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Icons from real IPAs. Sizes and whether a CgBI chunk is present were read independently with
 * Python's zipfile and struct; the crushed ones have ancillary chunks (gAMA, sRGB, iCCP, cHRM) and
 * one or two IDATs.
 */
class RealIconsTest {

    @Corpus
    @ParameterizedTest
    @CsvSource({
        "app_info-ipad.ipa, Payload/bundle.app/AppIcon29x29~ipad.png, 29, 29, true",
        "app_info-ipad.ipa, Payload/bundle.app/AppIcon83.5x83.5@2x~ipad.png, 167, 167, true",
        "fastlane-Example1.ipa, Payload/iTanky.app/Icon@2x.png, 114, 114, true",
        "profileInspector-spotmyride.ipa, Payload/spotmyride.app/SMR_app_Icon-Small.png, 29, 29, true",
        "profileInspector-spotmyride.ipa, Payload/spotmyride.app/SMR_app_icon_iTunes.png, 512, 512, true",
        "fastlane-ExampleProductName.ipa, Payload/ExampleProductName.app/NotificationBackgroundSuccessIcon@2x.png, 41, 34, false",
        "fastlane-ExampleProductName.ipa, Payload/ExampleProductName.app/NotificationBackgroundWarningIcon.png, 4, 17, false",
    })
    void readAndDecode_realIcon_giveItsSizeAndAReadablePng(String ipa, String entry, int width, int height,
            boolean crushed) throws Exception {
        // given
        byte[] prefix = readEntry(ipa, entry, PngHeader.PREFIX_LENGTH);
        byte[] png = readEntry(ipa, entry, Integer.MAX_VALUE);

        // when
        PngHeader header = PngHeader.read(prefix);
        DecodedIcon icon = IconDecoder.toStandardPng(png);

        // then
        assertThat(header).isEqualTo(new PngHeader(width, height, 8, 6, crushed));
        assertThat(icon).extracting(DecodedIcon::width, DecodedIcon::height, DecodedIcon::wasCrushed)
                .containsExactly(width, height, crushed);
        assertThat(PngHeader.read(icon.png())).isEqualTo(new PngHeader(width, height, 8, 6, false));
        BufferedImage image = TestPngs.readWithImageIo(icon.png());
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }

    @Corpus
    @Test
    void toStandardPng_arrowsNamedByTheirColour_keepThatColour() throws Exception {
        // given two crushed images whose names say their colour
        String app = "Payload/spotmyride.app/";
        byte[] orange = readEntry("profileInspector-spotmyride.ipa", app + "arrow_orange.png", Integer.MAX_VALUE);
        byte[] twitterBlue = readEntry("profileInspector-spotmyride.ipa", app + "arrow_twit.png", Integer.MAX_VALUE);

        // when
        BufferedImage orangeImage = TestPngs.readWithImageIo(IconDecoder.toStandardPng(orange).png());
        BufferedImage blueImage = TestPngs.readWithImageIo(IconDecoder.toStandardPng(twitterBlue).png());

        // then: red and blue swapped would turn one into the other
        assertThat(countPixels(orangeImage, true)).isGreaterThan(50);
        assertThat(countPixels(orangeImage, false)).isZero();
        assertThat(countPixels(blueImage, false)).isGreaterThan(50);
        assertThat(countPixels(blueImage, true)).isZero();
    }

    /** Pixels whose red exceeds blue by over 100 (warm), or blue exceeds red by over 100. */
    private static int countPixels(BufferedImage image, boolean warm) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                int red = (argb >> 16) & 0xff;
                int blue = argb & 0xff;
                if (warm ? red > blue + 100 : blue > red + 100) {
                    count++;
                }
            }
        }
        return count;
    }

    /** At most {@code limit} bytes from the start of an entry, as a caller ranking candidates reads them. */
    static byte[] readEntry(String ipa, String entry, int limit) throws IOException {
        try (ZipFile zip = new ZipFile(Fixtures.get("ipa/" + ipa).toFile())) {
            ZipEntry zipEntry = zip.getEntry(entry);
            assertThat(zipEntry).as(entry + " in " + ipa).isNotNull();
            try (InputStream in = zip.getInputStream(zipEntry)) {
                return in.readNBytes(limit);
            }
        }
    }
}
