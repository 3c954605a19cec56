package dev.slipway.ipa.icon;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts the PNGs found in an IPA to standard PNGs. Xcode usually "crushes" them (CgBI): a
 * {@code CgBI} chunk before {@code IHDR}, image data as raw deflate, pixels in BGRA order with
 * premultiplied alpha. Browsers cannot show those, so they are decoded and written anew; ordinary
 * PNGs are passed through.
 */
public final class IconDecoder {
    /**
     * Apple's largest app icon is 1024 x 1024. Decoding and scaling a larger PNG (4096 x 4096 at
     * 16 bits took seconds) is work no icon needs, so such a file is refused before decoding.
     */
    public static final long MAX_PIXELS = 1024L * 1024;

    private IconDecoder() {
    }

    /**
     * A standard PNG of {@code png}. A crushed file becomes 8-bit RGBA with straight alpha and only
     * the IHDR, IDAT and IEND chunks (colour profiles and text are dropped); an ordinary PNG is
     * returned unchanged once its header has been checked.
     *
     * @param png a whole PNG file
     * @throws IconException if the header is invalid (see {@link PngHeader#read}) or the image has
     *     more than {@link #MAX_PIXELS} pixels; or, for a crushed
     *     file, if it is not 8-bit RGBA or RGB, is interlaced, has a truncated chunk, no image data,
     *     image data that is corrupt or inflates to more or less than the header implies, or an
     *     unknown scanline filter
     */
    public static DecodedIcon toStandardPng(byte[] png) throws IconException {
        PngHeader header = PngHeader.read(png);
        if ((long) header.width() * header.height() > MAX_PIXELS) {
            throw new IconException("PNG is " + header.width() + " x " + header.height()
                    + " pixels, more than an app icon's 1024 x 1024");
        }
        if (!header.crushed()) {
            return new DecodedIcon(header.width(), header.height(), false, png);
        }
        int bytesPerPixel = crushedBytesPerPixel(header);
        List<PngChunk> idats = imageDataChunks(png);
        int width = header.width();
        int height = header.height();
        // At most 4096 * (1 + 4096 * 4) bytes: PngHeader bounds both dimensions, so no overflow.
        int rowBytes = width * bytesPerPixel;
        byte[] scanlines = ImageDataInflater.inflateExactly(png, idats, height * (1 + rowBytes));
        ScanlineFilters.unfilter(scanlines, height, rowBytes, bytesPerPixel);
        byte[] rgba = CrushedPixels.toRgbaScanlines(scanlines, width, height, bytesPerPixel);
        return new DecodedIcon(width, height, true, StandardPngWriter.write(width, height, rgba));
    }

    private static int crushedBytesPerPixel(PngHeader header) throws IconException {
        if (header.bitDepth() != 8) {
            throw new IconException("unsupported crushed PNG bit depth " + header.bitDepth());
        }
        return switch (header.colorType()) {
            case 6 -> 4;
            case 2 -> 3;
            default -> throw new IconException("unsupported crushed PNG colour type " + header.colorType());
        };
    }

    /**
     * The IDAT chunks up to IEND (or the end of the file), after checking the interlace method of
     * the IHDR that {@link PngHeader#read} found well-formed (any later IHDR is ignored like other
     * chunks).
     */
    private static List<PngChunk> imageDataChunks(byte[] png) throws IconException {
        List<PngChunk> idats = new ArrayList<>();
        boolean headerSeen = false;
        int offset = PngChunk.SIGNATURE.length;
        while (offset < png.length) {
            PngChunk chunk = PngChunk.at(png, offset);
            if (chunk.is("IHDR") && !headerSeen) {
                headerSeen = true;
                if (png[chunk.dataOffset() + 12] != 0) {
                    throw new IconException("interlaced crushed PNG not supported");
                }
            }
            if (chunk.is("IDAT")) {
                idats.add(chunk);
            }
            if (chunk.is("IEND")) {
                break;
            }
            offset = chunk.end();
        }
        if (idats.isEmpty()) {
            throw new IconException("crushed PNG has no IDAT chunk");
        }
        return idats;
    }
}
