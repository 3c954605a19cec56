package dev.slipway.ipa.zip;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small cache in front of a slow origin (S3), counting what the origin was asked for.
 *
 * <p>It keeps the byte ranges already fetched and fetches only the gaps, each gap with one origin
 * read. It reads ahead only when asked to ({@link #readAhead}): the ZIP reader asks for exactly
 * the ranges it needs (central directory, one entry's header and data), so over-fetching would only
 * add bytes; the single speculative read is the archive's tail. What it holds is bounded: when the
 * held ranges exceed the budget, the oldest are dropped.
 *
 * <p>Not thread-safe: one cache serves one reading of one archive.
 */
public final class BlockCache implements ByteSource {
    /** Default read-ahead unit: the end of a ZIP (end record, ZIP64 locator, often the whole central directory). */
    public static final int DEFAULT_BLOCK_SIZE = 64 * 1024;
    private static final long DEFAULT_BUDGET = 32L * 1024 * 1024;

    private final ByteSource origin;
    private final int blockSize;
    private final long budget;
    private final TreeMap<Long, byte[]> ranges = new TreeMap<>();
    private final ArrayDeque<Long> insertionOrder = new ArrayDeque<>();
    private long held;
    private long bytesRead;
    private long readCalls;
    private long size = -1;

    public BlockCache(ByteSource origin) {
        this(origin, DEFAULT_BLOCK_SIZE, DEFAULT_BUDGET);
    }

    /**
     * @param blockSize the read-ahead unit, used by {@link #readAhead}
     * @param budget the most bytes held at once
     */
    public BlockCache(ByteSource origin, int blockSize, long budget) {
        if (blockSize <= 0 || budget < blockSize) {
            throw new IllegalArgumentException("block size " + blockSize + " and budget " + budget + " do not fit");
        }
        this.origin = origin;
        this.blockSize = blockSize;
        this.budget = budget;
    }

    public int blockSize() {
        return blockSize;
    }

    @Override
    public long size() throws IOException {
        if (size < 0) {
            size = origin.size();
        }
        return size;
    }

    /** What the origin has been asked for so far. */
    public ReadStats stats() {
        return new ReadStats(bytesRead, readCalls);
    }

    /**
     * Fetches {@code [position, position + max(length, blockSize))} (clipped to the end) in one
     * origin read unless it is already held, so later reads in that range cost nothing.
     *
     * @throws IOException if the origin fails
     */
    public void readAhead(long position, int length) throws IOException {
        long end = Math.min(size(), position + Math.max(length, blockSize));
        long start = Math.max(0, position);
        if (end > start && !covered(start, end)) {
            readFully(start, new byte[(int) (end - start)], 0, (int) (end - start));
        }
    }

    @Override
    public void readFully(long position, byte[] destination, int offset, int length) throws IOException {
        if (position < 0 || length < 0 || position + length > size()) {
            throw new EOFException("read of " + length + " bytes at " + position + " is past the end (" + size() + " bytes)");
        }
        long pos = position;
        int off = offset;
        int remaining = length;
        while (remaining > 0) {
            Map.Entry<Long, byte[]> held = ranges.floorEntry(pos);
            if (held != null && held.getKey() + held.getValue().length > pos) {
                int from = (int) (pos - held.getKey());
                int n = Math.min(remaining, held.getValue().length - from);
                System.arraycopy(held.getValue(), from, destination, off, n);
                pos += n;
                off += n;
                remaining -= n;
                continue;
            }
            Long next = ranges.higherKey(pos);
            long gapEnd = next == null ? pos + remaining : Math.min(pos + remaining, next);
            int gap = (int) (gapEnd - pos);
            byte[] fetched = fetch(pos, gap);
            System.arraycopy(fetched, 0, destination, off, gap);
            pos += gap;
            off += gap;
            remaining -= gap;
        }
    }

    private boolean covered(long start, long end) {
        long pos = start;
        while (pos < end) {
            Map.Entry<Long, byte[]> held = ranges.floorEntry(pos);
            if (held == null || held.getKey() + held.getValue().length <= pos) {
                return false;
            }
            pos = held.getKey() + held.getValue().length;
        }
        return true;
    }

    /** Fetches a gap: the caller guarantees no held range overlaps it, so held ranges never overlap. */
    private byte[] fetch(long position, int n) throws IOException {
        byte[] bytes = new byte[n];
        origin.readFully(position, bytes, 0, n);
        readCalls++;
        bytesRead += n;
        keep(position, bytes);
        return bytes;
    }

    private void keep(long position, byte[] bytes) {
        if (bytes.length > budget) {
            return;
        }
        while (held + bytes.length > budget && !insertionOrder.isEmpty()) {
            byte[] dropped = ranges.remove(insertionOrder.removeFirst());
            held -= dropped.length;
        }
        ranges.put(position, bytes);
        insertionOrder.addLast(position);
        held += bytes.length;
    }

    @Override
    public void close() throws IOException {
        ranges.clear();
        insertionOrder.clear();
        held = 0;
        origin.close();
    }
}
