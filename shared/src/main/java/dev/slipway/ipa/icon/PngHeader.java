package dev.slipway.ipa.icon;

import java.util.Arrays;

/**
 * What the start of a PNG says about the image: the {@code IHDR} fields Slipway needs and whether
 * Xcode crushed the file (a {@code CgBI} chunk before {@code IHDR}).
 *
 * @param width pixels, 1 to {@value #MAX_DIMENSION}
 * @param height pixels, 1 to {@value #MAX_DIMENSION}
 * @param bitDepth bits per sample (1, 2, 4, 8 or 16, as allowed for the colour type)
 * @param colorType PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA
 * @param crushed whether the file is Apple's CgBI variant (BGRA, premultiplied, raw deflate)
 */
public record PngHeader(int width, int height, int bitDepth, int colorType, boolean crushed) {
    /** The largest width or height accepted; app icons are at most 1024 pixels. */
    public static final int MAX_DIMENSION = 4096;

    /**
     * Enough of a file for {@link #read}: the signature, a {@code CgBI} chunk with its usual four
     * data bytes, and {@code IHDR} take 49 bytes.
     */
    public static final int PREFIX_LENGTH = 64;

    /**
     * Reads the header from the start of a PNG. A prefix of {@value #PREFIX_LENGTH} bytes is enough,
     * so callers can rank many icon candidates by their real size without reading them whole.
     *
     * @param prefix the first bytes of the file, or all of it
     * @throws IconException if the signature is not PNG's, the first chunk (after an optional
     *     {@code CgBI}) is not a well-formed {@code IHDR}, the prefix ends inside those chunks, the
     *     dimensions are 0 or above {@value #MAX_DIMENSION}, or bit depth and colour type are not a
     *     combination PNG defines
     */
    public static PngHeader read(byte[] prefix) throws IconException {
        int signatureLength = PngChunk.SIGNATURE.length;
        if (prefix.length < signatureLength
                || !Arrays.equals(prefix, 0, signatureLength, PngChunk.SIGNATURE, 0, signatureLength)) {
            throw new IconException("not a PNG file");
        }
        PngChunk chunk = PngChunk.at(prefix, signatureLength);
        boolean crushed = chunk.is("CgBI");
        if (crushed) {
            chunk = PngChunk.at(prefix, chunk.end());
        }
        if (!chunk.is("IHDR")) {
            throw new IconException("PNG has no IHDR chunk at its start, found " + chunk.type());
        }
        if (chunk.length() != 13) {
            throw new IconException("PNG IHDR chunk has " + chunk.length() + " bytes, expected 13");
        }
        int at = chunk.dataOffset();
        long width = PngChunk.readUnsignedInt(prefix, at);
        long height = PngChunk.readUnsignedInt(prefix, at + 4);
        if (width < 1 || width > MAX_DIMENSION || height < 1 || height > MAX_DIMENSION) {
            throw new IconException("PNG dimensions " + width + "x" + height + " outside 1.." + MAX_DIMENSION);
        }
        int bitDepth = prefix[at + 8] & 0xff;
        int colorType = prefix[at + 9] & 0xff;
        checkDepthForType(bitDepth, colorType);
        return new PngHeader((int) width, (int) height, bitDepth, colorType, crushed);
    }

    private static void checkDepthForType(int bitDepth, int colorType) throws IconException {
        boolean valid = switch (colorType) {
            case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
            default -> throw new IconException("invalid PNG colour type " + colorType);
        };
        if (!valid) {
            throw new IconException("invalid PNG bit depth " + bitDepth + " for colour type " + colorType);
        }
    }
}
