package dev.slipway.ipa.icon;

/**
 * Undoes PNG's per-row filters (None, Sub, Up, Average, Paeth). Each filter predicts a byte from
 * its left, upper and upper-left neighbours, which lie {@code bytesPerPixel} bytes back or one row
 * up; bytes before the row start or above the first row count as 0.
 */
final class ScanlineFilters {
    private ScanlineFilters() {
    }

    /**
     * Unfilters {@code data} in place. It holds {@code height} rows, each a filter-type byte followed
     * by {@code rowBytes} bytes; the filter-type bytes are left as they are.
     *
     * @throws IconException if a row has a filter type other than 0 to 4
     */
    static void unfilter(byte[] data, int height, int rowBytes, int bytesPerPixel) throws IconException {
        int stride = rowBytes + 1;
        for (int y = 0; y < height; y++) {
            int row = y * stride + 1;
            int filter = data[row - 1] & 0xff;
            switch (filter) {
                case 0 -> { }
                case 1 -> unfilterSub(data, row, rowBytes, bytesPerPixel);
                case 2 -> unfilterUp(data, row, rowBytes, y > 0 ? row - stride : -1);
                case 3 -> unfilterAverage(data, row, rowBytes, bytesPerPixel, y > 0 ? row - stride : -1);
                case 4 -> unfilterPaeth(data, row, rowBytes, bytesPerPixel, y > 0 ? row - stride : -1);
                default -> throw new IconException("invalid PNG filter type " + filter + " in row " + y);
            }
        }
    }

    private static void unfilterSub(byte[] data, int row, int rowBytes, int bpp) {
        for (int i = bpp; i < rowBytes; i++) {
            data[row + i] += data[row + i - bpp];
        }
    }

    /** {@code prior} is the start of the previous row, or -1 on the first row. */
    private static void unfilterUp(byte[] data, int row, int rowBytes, int prior) {
        if (prior < 0) {
            return;
        }
        for (int i = 0; i < rowBytes; i++) {
            data[row + i] += data[prior + i];
        }
    }

    private static void unfilterAverage(byte[] data, int row, int rowBytes, int bpp, int prior) {
        for (int i = 0; i < rowBytes; i++) {
            int left = i >= bpp ? data[row + i - bpp] & 0xff : 0;
            int up = prior >= 0 ? data[prior + i] & 0xff : 0;
            data[row + i] += (byte) ((left + up) >>> 1);
        }
    }

    private static void unfilterPaeth(byte[] data, int row, int rowBytes, int bpp, int prior) {
        for (int i = 0; i < rowBytes; i++) {
            int left = i >= bpp ? data[row + i - bpp] & 0xff : 0;
            int up = prior >= 0 ? data[prior + i] & 0xff : 0;
            int upLeft = i >= bpp && prior >= 0 ? data[prior + i - bpp] & 0xff : 0;
            data[row + i] += (byte) paeth(left, up, upLeft);
        }
    }

    /** The neighbour closest to left + up - upLeft, ties broken left, then up (PNG specification). */
    private static int paeth(int left, int up, int upLeft) {
        int estimate = left + up - upLeft;
        int toLeft = Math.abs(estimate - left);
        int toUp = Math.abs(estimate - up);
        int toUpLeft = Math.abs(estimate - upLeft);
        if (toLeft <= toUp && toLeft <= toUpLeft) {
            return left;
        }
        return toUp <= toUpLeft ? up : upLeft;
    }
}
