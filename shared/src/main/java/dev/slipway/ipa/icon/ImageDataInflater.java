package dev.slipway.ipa.icon;

import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates the image data of a crushed PNG: the {@code IDAT} chunks, concatenated, are one raw
 * deflate stream (no zlib header or Adler-32). A hostile file can declare anything and inflate to
 * anything, so the output is counted and must be exactly the size the header implies.
 */
final class ImageDataInflater {
    /** Output grows from here, so a file that only declares a large image allocates little. */
    private static final int INITIAL_CAPACITY = 64 * 1024;

    private ImageDataInflater() {
    }

    /**
     * The inflated bytes of the {@code idats} of {@code png}, exactly {@code expected} of them.
     *
     * @throws IconException if the stream is corrupt, ends early or holds more than {@code expected}
     */
    static byte[] inflateExactly(byte[] png, List<PngChunk> idats, int expected) throws IconException {
        Inflater inflater = new Inflater(true);
        try {
            Feed feed = new Feed(png, idats, inflater);
            byte[] out = new byte[Math.min(expected, INITIAL_CAPACITY)];
            int produced = 0;
            while (produced < expected && feed.hasMore()) {
                if (produced == out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(expected, 2L * out.length));
                }
                produced += inflater.inflate(out, produced, out.length - produced);
            }
            if (produced < expected) {
                throw new IconException("crushed PNG image data too short: " + produced + " of " + expected + " bytes");
            }
            // A single byte more is enough to reject: never inflate a "bomb" any further.
            byte[] probe = new byte[1];
            while (feed.hasMore()) {
                if (inflater.inflate(probe) > 0) {
                    throw new IconException("crushed PNG image data inflates to more than " + expected + " bytes");
                }
            }
            return out;
        } catch (DataFormatException e) {
            throw new IconException("corrupt crushed PNG image data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** Hands the inflater one IDAT chunk at a time, without copying them together. */
    private static final class Feed {
        private final byte[] png;
        private final List<PngChunk> idats;
        private final Inflater inflater;
        private int next;

        Feed(byte[] png, List<PngChunk> idats, Inflater inflater) {
            this.png = png;
            this.idats = idats;
            this.inflater = inflater;
        }

        /** Whether inflating can still produce output: the stream has not ended and has input. */
        boolean hasMore() throws DataFormatException {
            if (inflater.needsDictionary()) {
                // Raw deflate has no preset dictionary; say so rather than loop without progress.
                throw new DataFormatException("stream asks for a preset dictionary");
            }
            while (!inflater.finished() && inflater.needsInput() && next < idats.size()) {
                PngChunk idat = idats.get(next++);
                inflater.setInput(png, idat.dataOffset(), idat.length());
            }
            return !inflater.finished() && !inflater.needsInput();
        }
    }
}
