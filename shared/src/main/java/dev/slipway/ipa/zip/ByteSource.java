package dev.slipway.ipa.zip;

import java.io.Closeable;
import java.io.IOException;

/**
 * Random access to the bytes of an archive: a local file, or an S3 object read with ranged GETs.
 *
 * <p>Implementations report failures of the medium as {@link IOException}; they never judge the
 * content. Reading past the end is a caller bug and throws {@link java.io.EOFException}.
 */
public interface ByteSource extends Closeable {

    /**
     * @return the total size in bytes
     * @throws IOException if the medium cannot tell
     */
    long size() throws IOException;

    /**
     * Reads exactly {@code length} bytes starting at {@code position}.
     *
     * @throws java.io.EOFException if the range goes past the end
     * @throws IOException if the medium fails
     */
    void readFully(long position, byte[] destination, int offset, int length) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
