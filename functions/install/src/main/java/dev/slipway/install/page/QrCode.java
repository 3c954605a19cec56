package dev.slipway.install.page;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A QR code drawn as one SVG path, so a page can show it inline: no image request, no script, and
 * nothing the strict CSP has to allow.
 *
 * <p>Each row of dark modules is a horizontal stroke one module wide, drawn through the middle of
 * the row: {@code M4 4.5h3m2 0h1} draws modules 4–6 and 9 of the first row. {@link #size()}
 * includes the four-module quiet zone on each side that readers need.
 *
 * @param size the side of the square in modules, quiet zone included
 * @param path the SVG path data of the dark modules
 */
public record QrCode(int size, String path) {
    /** The blank border the QR specification asks for; phone cameras lock on faster with it. */
    public static final int QUIET_ZONE = 4;

    /**
     * Medium error correction: an on-screen code is not damaged, but glare and moiré on a photographed
     * screen are; M survives them without making a long tokenised URL's code much denser.
     */
    private static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.M;

    /**
     * Encodes text (in practice the page's URL).
     *
     * @throws IllegalArgumentException if the text is empty or too long for any QR code (about 2,300 bytes at level M)
     */
    public static QrCode of(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("nothing to encode in a QR code");
        }
        ByteMatrix matrix;
        try {
            matrix = Encoder.encode(text, LEVEL, hints(text)).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters in a QR code: " + e.getMessage(), e);
        }
        return new QrCode(matrix.getWidth() + 2 * QUIET_ZONE, pathOf(matrix));
    }

    /**
     * A standalone SVG document of the QR code for the text: black modules on a white square.
     *
     * @throws IllegalArgumentException if the text is empty or too long for any QR code
     */
    public static String svg(String text) {
        return of(text).toSvg();
    }

    /** About how wide the page shows a code, in CSS pixels. */
    private static final int SHOWN_WIDTH = 232;

    /**
     * The width to show the code at: a whole number of pixels per module, near {@value #SHOWN_WIDTH}.
     * At a fractional scale a browser snaps module edges to pixels, some modules a pixel wider than
     * others, which a camera (and zxing, in the page tests) reads less reliably than an even grid.
     */
    public int pixels() {
        return size * Math.max(2, Math.round((float) SHOWN_WIDTH / size));
    }

    /** This code as a standalone SVG element, scaled by whoever embeds it (it has only a viewBox). */
    public String toSvg() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size
                + "\" fill=\"#fff\"/><path stroke=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static Map<EncodeHintType, Object> hints(String text) {
        // Plain ASCII (every URL we make) needs no ECI header, which some older readers mishandle.
        boolean ascii = text.chars().allMatch(c -> c < 0x80);
        return ascii ? Map.of() : Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
    }

    private static String pathOf(ByteMatrix matrix) {
        StringBuilder path = new StringBuilder(matrix.getWidth() * matrix.getHeight());
        for (int y = 0; y < matrix.getHeight(); y++) {
            int penX = -1; // where the last run of this row ended; -1 before the first run
            int x = 0;
            while (x < matrix.getWidth()) {
                if (matrix.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
                    x++;
                }
                if (penX < 0) {
                    path.append('M').append(start + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append(".5");
                } else {
                    path.append('m').append(start - penX).append(" 0");
                }
                path.append('h').append(x - start);
                penX = x;
            }
        }
        return path.toString();
    }
}
