package dev.slipway.ipa.icon;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Square icons of a given size, such as the 57 and 512 pixel images an OTA manifest names. Uses the
 * JDK's ImageIO and Java 2D, which work headless.
 */
public final class IconScaler {
    private IconScaler() {
    }

    /**
     * A {@code size}x{@code size} PNG of the icon. The image keeps its aspect ratio: a non-square
     * one is centred on a transparent square. Large reductions go in halving steps, so every source
     * pixel contributes and thin lines do not break up.
     *
     * @param png a standard PNG, or a crushed one (it is converted first)
     * @param size the width and height wanted, 1 to {@value PngHeader#MAX_DIMENSION}
     * @throws IconException if the PNG is invalid (see {@link IconDecoder#toStandardPng}) or
     *     ImageIO cannot decode it
     * @throws IllegalArgumentException if {@code size} is out of range
     */
    public static byte[] scaleTo(byte[] png, int size) throws IconException {
        if (size < 1 || size > PngHeader.MAX_DIMENSION) {
            throw new IllegalArgumentException("icon size " + size + " outside 1.." + PngHeader.MAX_DIMENSION);
        }
        // Also bounds the dimensions before ImageIO allocates anything.
        BufferedImage source = decode(IconDecoder.toStandardPng(png).png());
        double scale = (double) size / Math.max(source.getWidth(), source.getHeight());
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage resized = resize(source, width, height);
        BufferedImage square = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = square.createGraphics();
        graphics.setComposite(AlphaComposite.Src);
        graphics.drawImage(resized, (size - width) / 2, (size - height) / 2, null);
        graphics.dispose();
        return encode(square);
    }

    /**
     * Halves with bilinear interpolation (at exactly half it averages 2x2 blocks) while more than
     * halving remains, then takes the last step with bicubic.
     */
    private static BufferedImage resize(BufferedImage image, int width, int height) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (current.getWidth() == width && current.getHeight() == height) {
            return current;
        }
        return draw(current, width, height, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    /**
     * Draws into a premultiplied image: interpolating straight alpha would bleed the colour of
     * fully transparent pixels (often black) into the edges as a halo. Java 2D premultiplies while
     * interpolating too; a test pins the result either way.
     */
    private static BufferedImage draw(BufferedImage image, int width, int height, Object interpolation) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D graphics = target.createGraphics();
        graphics.setComposite(AlphaComposite.Src);
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        graphics.drawImage(image, 0, 0, width, height, null);
        graphics.dispose();
        return target;
    }

    private static BufferedImage decode(byte[] png) throws IconException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        // A memory-backed stream: ImageIO's default may cache in temporary files.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in, true, true);
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            // Reading from memory cannot fail for I/O reasons, and ImageIO's PNG reader signals some
            // corrupt data with runtime exceptions: both mean a bad file, not a transient fault.
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new IconException("PNG cannot be decoded: " + reason, e);
        } finally {
            reader.dispose();
        }
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no ImageIO writer for PNG");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
        return bytes.toByteArray();
    }
}
