package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalQrTest {
    /** Pixels per module when the text is painted back. */
    private static final int SCALE = 4;

    /**
     * Reads a QR code off the text as a light-on-dark terminal shows it: each character two
     * modules high, the drawn halves light, the rest dark.
     */
    static String decode(String text) throws Exception {
        String[] rows = text.split("\n");
        int width = rows[0].codePointCount(0, rows[0].length());
        int height = rows.length * 2;
        int[] pixels = new int[width * SCALE * height * SCALE];
        for (int row = 0; row < rows.length; row++) {
            int[] cells = rows[row].codePoints().toArray();
            for (int x = 0; x < cells.length; x++) {
                boolean top = cells[x] == '█' || cells[x] == '▀';
                boolean bottom = cells[x] == '█' || cells[x] == '▄';
                paint(pixels, width * SCALE, x, row * 2, top);
                paint(pixels, width * SCALE, x, row * 2 + 1, bottom);
            }
        }
        RGBLuminanceSource source = new RGBLuminanceSource(width * SCALE, height * SCALE, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    private static void paint(int[] pixels, int stride, int moduleX, int moduleY, boolean light) {
        int colour = light ? 0xFFFFFF : 0x000000;
        for (int dy = 0; dy < SCALE; dy++) {
            for (int dx = 0; dx < SCALE; dx++) {
                pixels[(moduleY * SCALE + dy) * stride + moduleX * SCALE + dx] = colour;
            }
        }
    }

    @Test
    void render_installLink_decodesBackToTheLink() throws Exception {
        // given a link as long as real ones
        String link = "https://192.168.1.20:8443/b/6anqkk7ys2kkv32z5gpc?t=AQJrMQFrAPtgACeNAAEUNmFucWtrN3lzMmtrdjMy"
                + "ejVncGPY1mRUxdBVCn9fyo4Pbpmv";

        // when
        String qr = TerminalQr.render(link);

        // then
        assertThat(decode(qr)).isEqualTo(link);
    }

    @Test
    void render_everyRow_isAsWideAsTheCodeWithItsQuietZone() {
        String qr = TerminalQr.render("https://example.com/");

        String[] rows = qr.split("\n");
        // Version 2 at level L for 20 bytes: 25 modules, plus 2 quiet modules each side.
        assertThat(rows).allSatisfy(row -> assertThat(row.codePointCount(0, row.length())).isEqualTo(29));
        assertThat(rows).hasSize(15);
        assertThat(rows[0]).isEqualTo("█".repeat(29));
    }
}
