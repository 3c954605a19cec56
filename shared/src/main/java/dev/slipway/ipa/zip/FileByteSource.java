package dev.slipway.ipa.zip;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A local file read with positional reads; nothing is loaded that is not asked for. */
public final class FileByteSource implements ByteSource {
    private final FileChannel channel;
    private final long size;

    private FileByteSource(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    /**
     * @throws IOException if the file cannot be opened
     */
    public static FileByteSource open(Path file) throws IOException {
        return new FileByteSource(FileChannel.open(file, StandardOpenOption.READ));
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void readFully(long position, byte[] destination, int offset, int length) throws IOException {
        if (position < 0 || position + length > size) {
            throw new EOFException("read of " + length + " bytes at " + position + " is past the end (" + size + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(destination, offset, length);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position() - offset);
            if (n < 0) {
                throw new EOFException("file shrank while reading at " + position);
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
