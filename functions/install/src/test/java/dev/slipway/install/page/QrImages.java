package dev.slipway.install.page;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.ChecksumException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
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
     * Reads the QR code in an image, as a camera app would: finder patterns located, not assumed,
     * and, like a camera that takes the next frame, another look when one fails. A screenshot of
     * an SVG code at a size that is not a whole number of pixels per module has grey, anti-aliased
     * module edges, and an element's screenshot may clip the quiet zone: so the image is also read
     * on a white margin and enlarged (nearest neighbour), with either of zxing's binarizers, and as
     * a pure code (zxing's finder-pattern detector misjudges the version of some perfect images).
     *
     * @throws AssertionError if there is no readable QR code in any of those looks
     */
    public static String decode(BufferedImage image) {
        BufferedImage framed = framed(image, 4, 32);
        ReaderException last = null;
        for (BufferedImage look : List.of(image, framed)) {
            int[] pixels = look.getRGB(0, 0, look.getWidth(), look.getHeight(), null, 0, look.getWidth());
            RGBLuminanceSource source = new RGBLuminanceSource(look.getWidth(), look.getHeight(), pixels);
            for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)),
                    new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
                for (Map<DecodeHintType, ?> hints : List.of(Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE),
                        Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))) {
                    try {
                        return new QRCodeReader().decode(bitmap, hints).getText();
                    } catch (NotFoundException | ChecksumException | FormatException e) {
                        last = e;
                    }
                }
            }
        }
        throw new AssertionError("no readable QR code in the " + image.getWidth() + "×" + image.getHeight() + " image", last);
    }

    /** The image enlarged {@code scale} times (nearest neighbour) on a white margin of {@code margin} pixels. */
    private static BufferedImage framed(BufferedImage image, int scale, int margin) {
        BufferedImage framed = new BufferedImage(image.getWidth() * scale + 2 * margin, image.getHeight() * scale + 2 * margin,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = framed.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, framed.getWidth(), framed.getHeight());
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        graphics.drawImage(image, margin, margin, image.getWidth() * scale, image.getHeight() * scale, null);
        graphics.dispose();
        return framed;
    }
}
