package dev.slipway.ipa.zip;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.fixtures.BytesSource;
import dev.slipway.fixtures.HostileIpas;
import dev.slipway.ipa.IpaReader;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, defect 3: ZIP64 values near 2^63 overflowed the reader's arithmetic and surfaced as
 * I/O faults ("read past the end", S3's 416), which the ingest retried for ever. They are invalid
 * archives.
 */
class ZipArchiveOverflowTest {

    @Test
    void open_zip64DirectoryOffsetOverflowing_isInvalidArchive() {
        byte[] zip = HostileIpas.zip64DirectoryOffsetOverflowing();

        assertThatThrownBy(() -> new IpaReader().read(new BytesSource(zip))).isInstanceOf(ZipFormatException.class)
                .hasMessageStartingWith("truncated or corrupt ZIP archive: the central directory (offset "
                        + HostileIpas.OFFSET_NEAR_LONG_MAX + ", ");
    }

    @Test
    void open_zip64EndRecordOffsetOverflowing_isInvalidArchive() {
        byte[] zip = HostileIpas.zip64EndRecordOffsetOverflowing();

        assertThatThrownBy(() -> new IpaReader().read(new BytesSource(zip))).isInstanceOf(ZipFormatException.class)
                .hasMessage("corrupt ZIP64 archive: its end record offset " + HostileIpas.OFFSET_NEAR_LONG_MAX
                        + " is outside the file");
    }

    @Test
    void open_zip64CompressedSizeOverflowing_isInvalidArchive() {
        byte[] zip = HostileIpas.zip64CompressedSizeOverflowing();

        assertThatThrownBy(() -> new IpaReader().read(new BytesSource(zip))).isInstanceOf(ZipFormatException.class)
                .hasMessage("corrupt ZIP archive: " + HostileIpas.INFO_PLIST + " declares "
                        + HostileIpas.SIZE_NEAR_LONG_MAX + " compressed bytes, more than the archive holds before its "
                        + "central directory");
    }
}
