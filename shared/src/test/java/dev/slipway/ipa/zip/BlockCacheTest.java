package dev.slipway.ipa.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockCacheTest {

    /** An in-memory origin that records every read it serves. */
    static final class RecordingSource implements ByteSource {
        final byte[] data;
        final List<long[]> reads = new ArrayList<>();

        RecordingSource(int size) {
            data = new byte[size];
            for (int i = 0; i < size; i++) {
                data[i] = (byte) (i * 31 + 7);
            }
        }

        @Override
        public long size() {
            return data.length;
        }

        @Override
        public void readFully(long position, byte[] destination, int offset, int length) {
            reads.add(new long[] {position, length});
            System.arraycopy(data, (int) position, destination, offset, length);
        }
    }

    @Test
    void readFully_overlappingReads_fetchOnlyTheGaps() throws Exception {
        // given
        RecordingSource origin = new RecordingSource(10_000);
        BlockCache cache = new BlockCache(origin, 1024, 1 << 20);
        byte[] buffer = new byte[3000];

        // when: a read, one inside it, and one spanning it on both sides
        cache.readFully(1000, buffer, 0, 1000);
        cache.readFully(1200, buffer, 0, 100);
        cache.readFully(500, buffer, 0, 3000);

        // then
        assertThat(origin.reads).containsExactly(new long[] {1000, 1000}, new long[] {500, 500}, new long[] {2000, 1500});
        assertThat(cache.stats()).isEqualTo(new ReadStats(3000, 3));
        for (int i = 0; i < 3000; i++) {
            assertThat(buffer[i]).isEqualTo(origin.data[500 + i]);
        }
    }

    @Test
    void readAhead_smallRequest_fetchesOneBlock() throws Exception {
        RecordingSource origin = new RecordingSource(10_000);
        BlockCache cache = new BlockCache(origin, 4096, 1 << 20);

        cache.readAhead(0, 10);
        cache.readFully(4000, new byte[96], 0, 96);

        assertThat(cache.stats()).isEqualTo(new ReadStats(4096, 1));
    }

    @Test
    void readFully_overBudget_dropsTheOldestRanges() throws Exception {
        RecordingSource origin = new RecordingSource(10_000);
        BlockCache cache = new BlockCache(origin, 1000, 2000);

        cache.readFully(0, new byte[1000], 0, 1000);
        cache.readFully(1000, new byte[1000], 0, 1000);
        cache.readFully(2000, new byte[1000], 0, 1000);
        cache.readFully(0, new byte[10], 0, 10);

        assertThat(cache.stats().readCalls()).isEqualTo(4);
    }

    @Test
    void readFully_pastTheEnd_throwsEof() {
        BlockCache cache = new BlockCache(new RecordingSource(100), 64, 1024);

        assertThatThrownBy(() -> cache.readFully(90, new byte[20], 0, 20))
                .isInstanceOf(EOFException.class)
                .hasMessage("read of 20 bytes at 90 is past the end (100 bytes)");
    }
}
