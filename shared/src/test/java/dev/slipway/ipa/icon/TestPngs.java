package dev.slipway.ipa.icon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.fixtures.RawZip;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Builds PNG files byte by byte, so tests can make exactly the valid or broken file they need. */
final class TestPngs {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** The data Xcode writes into the CgBI chunk. */
    static final byte[] CGBI_DATA = {0x50, 0x00, 0x20, 0x06};

    private TestPngs() {
    }

    /** Signature followed by the given chunks, each already built with {@link #chunk}. */
    static byte[] file(byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        for (byte[] chunk : chunks) {
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue())
                .array();
    }

    static byte[] cgbi() {
        return chunk("CgBI", CGBI_DATA);
    }

    static byte[] ihdr(long width, long height, int bitDepth, int colorType, int interlace) {
        return chunk("IHDR", ByteBuffer.allocate(13)
                .putInt((int) width).putInt((int) height)
                .put((byte) bitDepth).put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) interlace)
                .array());
    }

    static byte[] iend() {
        return chunk("IEND", new byte[0]);
    }

    /** Deflate without zlib header and Adler-32, as in crushed PNGs. */
    static byte[] rawDeflate(byte[] data) {
        return RawZip.deflate(data);
    }

    /** Raw deflate of {@code count} zero bytes, streamed so the zeros never sit in memory at once. */
    static byte[] rawDeflateZeros(long count) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            byte[] zeros = new byte[64 * 1024];
            byte[] buffer = new byte[8192];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (long left = count; left > 0 || !deflater.finished(); ) {
                if (deflater.needsInput() && left > 0) {
                    int n = (int) Math.min(zeros.length, left);
                    deflater.setInput(zeros, 0, n);
                    left -= n;
                    if (left == 0) {
                        deflater.finish();
                    }
                }
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** A crushed 8-bit RGBA header: signature, CgBI, IHDR. */
    static byte[] crushedRgbaStart(long width, long height) {
        return file(cgbi(), ihdr(width, height, 8, 6, 0));
    }

    /** The image as the JDK's own PNG reader sees it; fails the test if it cannot read it at all. */
    static BufferedImage readWithImageIo(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("ImageIO can read the PNG").isNotNull();
        return image;
    }
}
