package dev.slipway.ipa.icon;

/**
 * Turns unfiltered crushed scanlines (BGRA with premultiplied alpha, or BGR) into standard RGBA
 * scanlines with straight alpha, each row behind a filter-type byte of 0 (None).
 */
final class CrushedPixels {
    private CrushedPixels() {
    }

    /**
     * Standard RGBA scanlines for {@code width}x{@code height} pixels of {@code bytesPerPixel} 4
     * (BGRA) or 3 (BGR). Four-byte input is converted in place and returned, since both layouts
     * have the same size; that halves the peak memory for the largest images.
     */
    static byte[] toRgbaScanlines(byte[] unfiltered, int width, int height, int bytesPerPixel) {
        int inStride = 1 + width * bytesPerPixel;
        int outStride = 1 + width * 4;
        byte[] out = bytesPerPixel == 4 ? unfiltered : new byte[height * outStride];
        for (int y = 0; y < height; y++) {
            out[y * outStride] = 0;
            for (int x = 0; x < width; x++) {
                int in = y * inStride + 1 + x * bytesPerPixel;
                int blue = unfiltered[in] & 0xff;
                int green = unfiltered[in + 1] & 0xff;
                int red = unfiltered[in + 2] & 0xff;
                int alpha = bytesPerPixel == 4 ? unfiltered[in + 3] & 0xff : 255;
                int o = y * outStride + 1 + x * 4;
                out[o] = (byte) unpremultiply(red, alpha);
                out[o + 1] = (byte) unpremultiply(green, alpha);
                out[o + 2] = (byte) unpremultiply(blue, alpha);
                out[o + 3] = (byte) alpha;
            }
        }
        return out;
    }

    /**
     * Straight colour from a premultiplied one: round(c * 255 / a), clamped because a broken file
     * can hold a colour above its alpha. Fully transparent pixels become black, as nothing is left
     * of their colour.
     */
    static int unpremultiply(int color, int alpha) {
        if (alpha == 0) {
            return 0;
        }
        return Math.min(255, (color * 255 * 2 + alpha) / (2 * alpha));
    }
}
