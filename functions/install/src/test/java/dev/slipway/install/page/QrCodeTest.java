package dev.slipway.install.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class QrCodeTest {
    /** An install page URL as the handler makes them: a build id and a long signed token. */
    private static final String PAGE_URL = "https://d1a2b3c4d5e6f7.cloudfront.net/b/01JD5S7Q2W3E4R5T6Y7U8I9O0P"
            + "?t=v1.k2.1767225600.Xq3LJ9s0dPz-4kQm8c1VfT2yH7nB5aR0wE6uI9oP3sD1fG4hJ7kL0zX8cV2bN5mQ";

    @Test
    void svg_pageUrl_decodesBackToTheUrl() {
        // given
        String svg = QrCode.svg(PAGE_URL);

        // when
        String decoded = QrImages.decode(QrImages.rasterise(svg, 4));

        // then
        assertThat(decoded).isEqualTo(PAGE_URL);
    }

    @Test
    void svg_nonAsciiText_decodesBackAsUtf8() {
        // given
        String text = "https://example.com/b/1?app=Café Ünïcode 🚀";

        // when
        String decoded = QrImages.decode(QrImages.rasterise(QrCode.svg(text), 4));

        // then
        assertThat(decoded).isEqualTo(text);
    }

    @Test
    void path_everyModule_matchesTheEncodersMatrix() throws Exception {
        // given: ZXing's own module matrix for the same text and level
        ByteMatrix expected = Encoder.encode(PAGE_URL, ErrorCorrectionLevel.M).getMatrix();

        // when: one pixel per module
        BufferedImage image = QrImages.rasterise(QrCode.svg(PAGE_URL), 1);

        // then: dark exactly where the matrix is dark, shifted by the quiet zone
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                boolean dark = (image.getRGB(x + QrCode.QUIET_ZONE, y + QrCode.QUIET_ZONE) & 0xFFFFFF) == 0;
                assertThat(dark).as("module %d,%d", x, y).isEqualTo(expected.get(x, y) == 1);
            }
        }
    }

    @Test
    void of_shortAlphanumericText_version1WithQuietZone() {
        // given: "HELLO" fits a version 1 code, 21 modules a side

        // when
        QrCode code = QrCode.of("HELLO");

        // then
        assertThat(code.size()).isEqualTo(21 + 2 * QrCode.QUIET_ZONE);
    }

    @Test
    void of_anyText_drawsNothingInTheQuietZone() {
        // given
        QrCode code = QrCode.of(PAGE_URL);
        Pattern absoluteMove = Pattern.compile("M(\\d+) (\\d+)\\.5");

        // when
        BufferedImage image = QrImages.rasterise(code.toSvg(), 1);

        // then: the four-module border is white all round, and every row starts inside it
        for (int y = 0; y < code.size(); y++) {
            for (int x = 0; x < code.size(); x++) {
                boolean border = x < QrCode.QUIET_ZONE || y < QrCode.QUIET_ZONE
                        || x >= code.size() - QrCode.QUIET_ZONE || y >= code.size() - QrCode.QUIET_ZONE;
                if (border) {
                    assertThat(image.getRGB(x, y) & 0xFFFFFF).as("module %d,%d", x, y).isEqualTo(0xFFFFFF);
                }
            }
        }
        Matcher move = absoluteMove.matcher(code.path());
        assertThat(move.find()).isTrue();
        assertThat(Integer.parseInt(move.group(1))).isEqualTo(QrCode.QUIET_ZONE); // a finder pattern starts the first row
        assertThat(Integer.parseInt(move.group(2))).isEqualTo(QrCode.QUIET_ZONE);
    }

    @Test
    void toSvg_anyText_standaloneWellFormedSvg() throws Exception {
        // given
        String svg = QrCode.svg("HELLO");

        // when
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();

        // then
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 29 29");
        assertThat(svg).doesNotContain("style").doesNotContain("<script");
    }

    @Test
    void of_emptyText_throws() {
        assertThatThrownBy(() -> QrCode.of("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nothing to encode in a QR code");
    }

    @Test
    void of_textBeyondTheLargestCode_throwsNamingTheLength() {
        // given: version 40 at level M holds 2,331 bytes
        String text = "x".repeat(2_332);

        // when / then
        assertThatThrownBy(() -> QrCode.of(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot encode 2332 characters in a QR code: Data too big");
    }
}
