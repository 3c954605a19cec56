package dev.slipway.cli;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.Map;

/**
 * A QR code as text, two modules per character with Unicode half blocks, so a phone can scan an
 * install link off the terminal. Light modules are drawn (as {@code qrencode -t UTF8} does): on the
 * usual light-on-dark terminal they show as the light parts, quiet zone included.
 */
final class TerminalQr {
    /** Two modules of quiet zone: enough for phone cameras, half the four the standard asks. */
    private static final int QUIET = 2;

    private TerminalQr() {
    }

    /**
     * @throws IllegalArgumentException if the text is too long for a QR code
     */
    static String render(String text) {
        ByteMatrix matrix;
        try {
            // Level L: the densest code, and a terminal is a clean, flat surface.
            matrix = Encoder.encode(text, ErrorCorrectionLevel.L, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"))
                    .getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("too long for a QR code: " + text.length() + " characters", e);
        }
        int size = matrix.getWidth();
        StringBuilder out = new StringBuilder();
        for (int y = -QUIET; y < size + QUIET; y += 2) {
            for (int x = -QUIET; x < size + QUIET; x++) {
                boolean top = light(matrix, x, y);
                boolean bottom = light(matrix, x, y + 1);
                out.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static boolean light(ByteMatrix matrix, int x, int y) {
        int size = matrix.getWidth();
        if (y >= size + QUIET) {
            // Below the last quiet row (odd heights): the terminal's background.
            return false;
        }
        return x < 0 || y < 0 || x >= size || y >= size || matrix.get(x, y) == 0;
    }
}
