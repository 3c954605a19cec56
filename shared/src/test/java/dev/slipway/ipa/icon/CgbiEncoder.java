package dev.slipway.ipa.icon;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Crushes an image the way Xcode does, written independently of the decoder under test: pixels
 * premultiplied and in BGRA (or BGR) order, each row filtered with a chosen PNG filter type, raw
 * deflate, a CgBI chunk before IHDR. An ancillary gAMA chunk and several IDATs make the decoder
 * skip what it must skip.
 */
public final class CgbiEncoder {
    private CgbiEncoder() {
    }

    /**
     * @param argb straight-alpha pixels, row by row, as {@code 0xAARRGGBB}
     * @param rowFilters the PNG filter type (0-4) used for each row
     * @param idatSize the largest IDAT chunk; the deflate stream is split across as many as needed
     * @param withAlpha BGRA (colour type 6) if true, else BGR (colour type 2) ignoring alpha
     */
    public static byte[] encode(int width, int height, int[] argb, int[] rowFilters, int idatSize, boolean withAlpha) {
        int bpp = withAlpha ? 4 : 3;
        byte[] compressed = TestPngs.rawDeflate(filteredRows(width, height, argb, rowFilters, bpp));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(TestPngs.file(TestPngs.cgbi(), TestPngs.ihdr(width, height, 8, withAlpha ? 6 : 2, 0),
                TestPngs.chunk("gAMA", new byte[] {0, 0, (byte) 0xb1, (byte) 0x8f})));
        for (int start = 0; start < compressed.length; start += idatSize) {
            out.writeBytes(TestPngs.chunk("IDAT",
                    Arrays.copyOfRange(compressed, start, Math.min(compressed.length, start + idatSize))));
        }
        out.writeBytes(TestPngs.iend());
        return out.toByteArray();
    }

    /** Premultiplied colour: c * a / 255 rounded (never exactly half, as 255 is odd). */
    static int premultiply(int color, int alpha) {
        return (color * alpha + 127) / 255;
    }

    private static byte[] filteredRows(int width, int height, int[] argb, int[] rowFilters, int bpp) {
        int rowBytes = width * bpp;
        byte[] previous = new byte[rowBytes];
        byte[] out = new byte[height * (1 + rowBytes)];
        for (int y = 0; y < height; y++) {
            byte[] row = new byte[rowBytes];
            for (int x = 0; x < width; x++) {
                int pixel = argb[y * width + x];
                int alpha = bpp == 4 ? pixel >>> 24 : 255;
                int at = x * bpp;
                row[at] = (byte) premultiply(pixel & 0xff, alpha);
                row[at + 1] = (byte) premultiply((pixel >> 8) & 0xff, alpha);
                row[at + 2] = (byte) premultiply((pixel >> 16) & 0xff, alpha);
                if (bpp == 4) {
                    row[at + 3] = (byte) alpha;
                }
            }
            int start = y * (1 + rowBytes);
            out[start] = (byte) rowFilters[y];
            for (int i = 0; i < rowBytes; i++) {
                int left = i >= bpp ? row[i - bpp] & 0xff : 0;
                int up = previous[i] & 0xff;
                int upLeft = i >= bpp ? previous[i - bpp] & 0xff : 0;
                int predicted = switch (rowFilters[y]) {
                    case 0 -> 0;
                    case 1 -> left;
                    case 2 -> up;
                    case 3 -> (left + up) / 2;
                    case 4 -> paethPredictor(left, up, upLeft);
                    default -> throw new IllegalArgumentException("filter " + rowFilters[y]);
                };
                out[start + 1 + i] = (byte) ((row[i] & 0xff) - predicted);
            }
            previous = row;
        }
        return out;
    }

    private static int paethPredictor(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) {
            return a;
        } else if (pb <= pc) {
            return b;
        }
        return c;
    }
}
