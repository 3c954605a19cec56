package dev.slipway.ipa.icon;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Writes the smallest standard PNG: 8-bit RGBA, non-interlaced, with IHDR, one zlib IDAT and IEND. */
final class StandardPngWriter {
    private static final int COLOR_TYPE_RGBA = 6;

    private StandardPngWriter() {
    }

    /** A PNG of {@code scanlines}: {@code height} rows of a filter-type byte and width RGBA pixels. */
    static byte[] write(int width, int height, byte[] scanlines) {
        byte[] compressed = deflate(scanlines);
        ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length + 64);
        out.writeBytes(PngChunk.SIGNATURE);
        byte[] header = ByteBuffer.allocate(13)
                .putInt(width).putInt(height)
                .put((byte) 8).put((byte) COLOR_TYPE_RGBA)
                .put((byte) 0).put((byte) 0).put((byte) 0) // deflate, adaptive filtering, no interlace
                .array();
        writeChunk(out, "IHDR", header);
        writeChunk(out, "IDAT", compressed);
        writeChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** zlib format (header and Adler-32), which standard PNG requires and CgBI leaves out. */
    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
