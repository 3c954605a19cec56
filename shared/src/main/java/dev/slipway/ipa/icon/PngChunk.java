package dev.slipway.ipa.icon;

import java.nio.charset.StandardCharsets;

/**
 * One chunk of a PNG held in a byte array: its four-letter type and where its data lies. Only
 * {@link #at} makes instances, and it guarantees that data and CRC lie inside the array, so callers
 * can index the data without further checks.
 */
record PngChunk(String type, int dataOffset, int length) {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Length, type and CRC: the bytes a chunk has besides its data. */
    private static final int OVERHEAD = 12;

    /**
     * The chunk starting at {@code offset}.
     *
     * @throws IconException if the chunk header, data or CRC run past the end of {@code png}, or its
     *     length is beyond the 2^31-1 the PNG specification allows
     */
    static PngChunk at(byte[] png, int offset) throws IconException {
        long available = (long) png.length - offset - OVERHEAD;
        if (available < 0) {
            throw new IconException("truncated PNG chunk at offset " + offset + ": "
                    + (png.length - offset) + " bytes left, a chunk needs at least " + OVERHEAD);
        }
        long length = readUnsignedInt(png, offset);
        String type = typeName(png, offset + 4);
        if (length > Integer.MAX_VALUE || length > available) {
            throw new IconException("truncated PNG chunk " + type + " at offset " + offset
                    + ": declares " + length + " bytes, " + available + " available");
        }
        return new PngChunk(type, offset + 8, (int) length);
    }

    /** Offset of the next chunk. */
    int end() {
        return dataOffset + length + 4;
    }

    boolean is(String chunkType) {
        return type.equals(chunkType);
    }

    static long readUnsignedInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xffL) << 24) | ((bytes[offset + 1] & 0xff) << 16)
                | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
    }

    /** The type as text when it is four ASCII letters, else as hex: it ends up in messages. */
    private static String typeName(byte[] png, int offset) {
        StringBuilder hex = new StringBuilder("0x");
        boolean letters = true;
        for (int i = offset; i < offset + 4; i++) {
            int b = png[i] & 0xff;
            letters &= (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
            hex.append(String.format("%02x", b));
        }
        return letters ? new String(png, offset, 4, StandardCharsets.US_ASCII) : hex.toString();
    }
}
