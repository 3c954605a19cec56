package dev.slipway.ipa.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.fixtures.Corpus;
import dev.slipway.fixtures.Fixtures;
import dev.slipway.fixtures.ZipWriter;
import dev.slipway.ipa.LimitExceededException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ZipArchiveTest {
    @TempDir
    Path dir;

    @Corpus
    @ParameterizedTest
    @MethodSource("dev.slipway.fixtures.Fixtures#ipas")
    void open_realIpa_listsTheSameEntriesAsTheJdk(Path ipa) throws Exception {
        // given the JDK's own ZIP reader as an independent reference
        List<String> expected = new ArrayList<>();
        try (ZipFile jdk = new ZipFile(ipa.toFile())) {
            jdk.stream().forEach(e -> expected.add(e.getName()));
        }

        // when
        try (BlockCache source = new BlockCache(FileByteSource.open(ipa))) {
            ZipArchive zip = ZipArchive.open(source, ZipLimits.DEFAULT);

            // then
            assertThat(zip.entries()).extracting(ArchiveEntry::name).containsExactlyElementsOf(expected);
        }
    }

    @Corpus
    @ParameterizedTest
    @MethodSource("dev.slipway.fixtures.Fixtures#ipas")
    void read_everyEntryOfRealIpa_matchesTheJdk(Path ipa) throws Exception {
        try (ZipFile jdk = new ZipFile(ipa.toFile()); BlockCache source = new BlockCache(FileByteSource.open(ipa))) {
            ZipArchive zip = ZipArchive.open(source, ZipLimits.DEFAULT);
            for (ArchiveEntry entry : zip.entries()) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] expected = jdk.getInputStream(jdk.getEntry(entry.name())).readAllBytes();
                assertThat(zip.read(entry, 64 * 1024 * 1024)).as(entry.name()).isEqualTo(expected);
                assertThat(zip.readPrefix(entry, 33)).as(entry.name())
                        .isEqualTo(Arrays.copyOf(expected, Math.min(33, expected.length)));
            }
        }
    }

    @Test
    void open_emptyFile_saysEmpty() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.ipa"));

        assertOpenRefuses(empty, "empty file (0 bytes), not a ZIP archive");
    }

    @Test
    void open_textFile_saysNotAZip(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.ipa"), "A text file named .ipa\n");

        assertOpenRefuses(text, "not a ZIP archive");
    }

    @Corpus
    @Test
    void open_firstHalfOfRealIpa_saysTruncated() throws Exception {
        byte[] whole = Fixtures.bytes("ipa/pliney-test.ipa");
        Path half = Files.write(dir.resolve("half.ipa"), Arrays.copyOf(whole, whole.length / 2));

        assertOpenRefuses(half, "truncated ZIP archive: it starts like one but has no end of central directory record "
                        + "(incomplete upload?)");
    }

    @Corpus
    @Test
    void open_centralDirectoryCutShort_saysItDoesNotFit() throws Exception {
        // given an archive whose central directory lost its first 100 bytes (end record intact)
        byte[] whole = Fixtures.bytes("ipa/pliney-test.ipa");
        byte[] cut = new byte[whole.length - 100];
        int cdStart;
        try (BlockCache source = new BlockCache(FileByteSource.open(Fixtures.get("ipa/pliney-test.ipa")))) {
            ZipArchive zip = ZipArchive.open(source, ZipLimits.DEFAULT);
            cdStart = (int) (whole.length - 22 - zip.centralDirectorySize());
        }
        System.arraycopy(whole, 0, cut, 0, cdStart);
        System.arraycopy(whole, cdStart + 100, cut, cdStart, whole.length - cdStart - 100);
        Path file = Files.write(dir.resolve("cut.ipa"), cut);

        assertThatThrownBy(() -> open(file))
                .isInstanceOf(ZipFormatException.class)
                .hasMessageStartingWith("truncated or corrupt ZIP archive: the central directory (offset " + cdStart);
    }

    @Test
    void open_duplicateNames_refusesTheArchive() throws Exception {
        Path file = dir.resolve("dup.ipa");
        try (ZipWriter zip = new ZipWriter(file)) {
            zip.stored("Payload/A.app/Info.plist", bytes("one")).stored("Payload/A.app/Info.plist", bytes("two"));
        }

        assertOpenRefuses(file, "corrupt ZIP archive: duplicate entry name Payload/A.app/Info.plist");
    }

    @Test
    void read_entryThatLiesAboutItsSize_isCaughtAsABomb() throws Exception {
        // given 10 MB of zeros that declare 1000 bytes
        Path file = dir.resolve("bomb.ipa");
        try (ZipWriter zip = new ZipWriter(file)) {
            zip.lieAboutNextSize(1000).deflated("Payload/A.app/Info.plist", new byte[10_000_000]);
        }

        assertFirstReadRefuses(file, 1024 * 1024, LimitExceededException.class,
                "Payload/A.app/Info.plist inflates to more than its declared 1000 bytes (a ZIP bomb?)");
    }

    @Test
    void read_entryDeclaringHugeSize_isRefusedBeforeInflating() throws Exception {
        Path file = dir.resolve("big.ipa");
        try (ZipWriter zip = new ZipWriter(file)) {
            zip.lieAboutNextSize(10_000_000_000L).deflated("Payload/A.app/Info.plist", new byte[100]);
        }

        ReadStats read = assertFirstReadRefuses(file, 1024 * 1024, LimitExceededException.class,
                "Payload/A.app/Info.plist is 10000000000 bytes uncompressed, over the limit of 1048576");
        assertThat(read.bytesRead()).isLessThan(1000);
    }

    @Test
    void read_corruptedData_failsTheCrcCheck() throws Exception {
        Path file = dir.resolve("crc.ipa");
        try (ZipWriter zip = new ZipWriter(file)) {
            zip.stored("Payload/A.app/Info.plist", bytes("hello world"));
        }
        byte[] raw = Files.readAllBytes(file);
        int at = indexOf(raw, bytes("hello"));
        raw[at] = 'j';
        Files.write(file, raw);

        assertFirstReadRefuses(file, 1024, ZipFormatException.class,
                "corrupt ZIP archive: CRC mismatch in Payload/A.app/Info.plist");
    }

    @Test
    void open_moreEntriesThanTheLimit_isRefused() throws Exception {
        Path file = dir.resolve("many.ipa");
        try (ZipWriter zip = new ZipWriter(file)) {
            for (int i = 0; i < 20; i++) {
                zip.stored("f" + i, new byte[0]);
            }
        }

        try (BlockCache source = new BlockCache(FileByteSource.open(file))) {
            assertThatThrownBy(() -> ZipArchive.open(source, new ZipLimits(10, 1 << 20)))
                    .isInstanceOf(LimitExceededException.class)
                    .hasMessage("ZIP archive declares 20 entries, over the limit of 10");
        }
    }

    @Test
    void open_zip64Records_readsTheWideValues() throws Exception {
        Path file = dir.resolve("zip64.ipa");
        try (ZipWriter zip = new ZipWriter(file).forceZip64()) {
            zip.deflated("Payload/A.app/Info.plist", bytes("<plist/>")).stored("Payload/A.app/A", bytes("binary"));
        }

        try (BlockCache source = new BlockCache(FileByteSource.open(file))) {
            ZipArchive archive = ZipArchive.open(source, ZipLimits.DEFAULT);

            assertThat(archive.entries()).extracting(ArchiveEntry::name)
                    .containsExactly("Payload/A.app/Info.plist", "Payload/A.app/A");
            assertThat(new String(archive.read(archive.entries().get(0), 100), StandardCharsets.UTF_8)).isEqualTo("<plist/>");
            assertThat(new String(archive.read(archive.entries().get(1), 100), StandardCharsets.UTF_8)).isEqualTo("binary");
        }
        // and the JDK agrees the file is a valid ZIP64 archive
        try (ZipFile jdk = new ZipFile(file.toFile())) {
            assertThat(Collections.list(jdk.entries())).hasSize(2);
        }
    }

    @Corpus
    @Test
    void open_smallArchive_readsOnlyItsTailOnce() throws Exception {
        Path ipa = Fixtures.get("ipa/pliney-test.ipa");
        try (BlockCache source = new BlockCache(FileByteSource.open(ipa))) {
            ZipArchive.open(source, ZipLimits.DEFAULT);

            // the whole 30 KB file is the tail: one read, no second look at the central directory
            assertThat(source.stats()).isEqualTo(new ReadStats(Files.size(ipa), 1));
        }
    }

    private static void assertOpenRefuses(Path file, String message) {
        assertThatThrownBy(() -> open(file)).isInstanceOf(ZipFormatException.class).hasMessage(message);
    }

    /**
     * Reading the archive's first entry, at most {@code limit} bytes of it, throws this type with
     * exactly this message. Returns what the reader read of the file.
     */
    private static ReadStats assertFirstReadRefuses(Path file, int limit, Class<? extends Exception> type,
            String message) throws Exception {
        try (BlockCache source = new BlockCache(FileByteSource.open(file))) {
            ZipArchive archive = ZipArchive.open(source, ZipLimits.DEFAULT);

            assertThatThrownBy(() -> archive.read(archive.entries().get(0), limit)).isInstanceOf(type).hasMessage(message);
            return source.stats();
        }
    }

    private static void open(Path file) throws Exception {
        try (BlockCache source = new BlockCache(FileByteSource.open(file))) {
            ZipArchive.open(source, ZipLimits.DEFAULT);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) throws IOException {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IOException("not found");
    }
}
