package dev.slipway.install.page;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.ChecksumException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: paints the SVG a {@link QrCode} makes into pixels, without any SVG library, and
 * reads QR codes back from images with ZXing, so tests check what a phone's camera would read.
 */
public final class QrImages {
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern PATH = Pattern.compile("<path [^>]*\\bd=\"([^\"]*)\"");
    private static final Pattern TOKEN = Pattern.compile("[MmHh]|-?\\d+(?:\\.\\d+)?");

    private QrImages() {
    }

    /**
     * Paints an SVG of the form {@link QrCode#toSvg()} writes: a white square of the viewBox's size,
     * and one path of 1-unit-wide horizontal strokes ({@code M x y}, {@code m dx dy}, {@code h dx}).
     *
     * @param scale pixels per module
     */
    public static BufferedImage rasterise(String svg, int scale) {
        Matcher viewBox = VIEW_BOX.matcher(svg);
        Matcher path = PATH.matcher(svg);
        if (!viewBox.find() || !path.find()) {
            throw new AssertionError("not a QR code SVG: " + svg);
        }
        int size = Integer.parseInt(viewBox.group(1));
        BufferedImage image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setColor(Color.BLACK);
        Matcher token = TOKEN.matcher(path.group(1));
        double x = 0;
        double y = 0;
        while (token.find()) {
            switch (token.group()) {
                case "M" -> {
                    x = number(token);
                    y = number(token);
                }
                case "m" -> {
                    x += number(token);
                    y += number(token);
                }
                case "h" -> {
                    double dx = number(token);
                    // A stroke of width 1 covers half a unit above and below the line.
                    graphics.fillRect((int) Math.round(Math.min(x, x + dx) * scale), (int) Math.round((y - 0.5) * scale),
                            (int) Math.round(Math.abs(dx) * scale), scale);
                    x += dx;
                }
                default -> throw new AssertionError("unexpected path data: " + token.group());
            }
        }
        graphics.dispose();
        return image;
    }

    private static double number(Matcher token) {
        if (!token.find()) {
            throw new AssertionError("path data ends inside a command");
        }
        return Double.parseDouble(token.group());
    }

    /**
     * Reads the QR code in an image, as a camera app would: finder patterns located, not assumed.
     *
     * @throws AssertionError if there is no readable QR code
     */
    public static String decode(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("no readable QR code in the " + image.getWidth() + "×" + image.getHeight() + " image", e);
        }
    }
}
