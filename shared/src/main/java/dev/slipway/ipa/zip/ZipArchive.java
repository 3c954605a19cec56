package dev.slipway.ipa.zip;

import dev.slipway.ipa.InvalidIpaException;
import dev.slipway.ipa.LimitExceededException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A ZIP archive read from its end: the end-of-central-directory record (and the ZIP64 locator and
 * record), the central directory, and then only the entries a caller asks for. Nothing is
 * extracted to disk and nothing is read that is not needed.
 *
 * <p>Every size and count the archive declares is checked against {@link ZipLimits} or the
 * caller's limit before memory is allocated for it, and inflated bytes are counted, not trusted.
 */
public final class ZipArchive {
    /** The end of the file read first: enough for the end record with the longest comment. */
    public static final int TAIL_BYTES = 64 * 1024 + 22;

    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int CENTRAL_SIG = 0x02014b50;
    private static final int LOCAL_SIG = 0x04034b50;
    private static final int EOCD_LENGTH = 22;
    private static final int CENTRAL_LENGTH = 46;
    private static final int LOCAL_LENGTH = 30;
    private static final int ZIP64_LOCATOR_LENGTH = 20;
    private static final int ZIP64_EOCD_LENGTH = 56;
    private static final int PREFIX_CHUNK = 1024;
    private static final Charset LEGACY_NAMES = legacyNameCharset();

    private final ByteSource source;
    private final long centralDirectoryOffset;
    private final long centralDirectorySize;
    private final List<ArchiveEntry> entries;
    private final Map<String, ArchiveEntry> byName;
    private final Set<ArchiveEntry> touched = new LinkedHashSet<>();

    private ZipArchive(ByteSource source, long centralDirectoryOffset, long centralDirectorySize,
                       List<ArchiveEntry> entries, Map<String, ArchiveEntry> byName) {
        this.source = source;
        this.centralDirectoryOffset = centralDirectoryOffset;
        this.centralDirectorySize = centralDirectorySize;
        this.entries = entries;
        this.byName = byName;
    }

    /**
     * Reads the end record and the central directory.
     *
     * @throws ZipFormatException if the source is not a ZIP archive or its structure is broken
     * @throws LimitExceededException if it declares more entries or a larger directory than allowed
     * @throws IOException if the source fails
     */
    public static ZipArchive open(ByteSource source, ZipLimits limits) throws IOException, InvalidIpaException {
        long size = source.size();
        if (size == 0) {
            throw new ZipFormatException("empty file (0 bytes), not a ZIP archive");
        }
        if (size < EOCD_LENGTH) {
            throw notAZip(source, size);
        }
        int tailLength = (int) Math.min(size, TAIL_BYTES);
        long tailStart = size - tailLength;
        byte[] tail = read(source, tailStart, tailLength);
        int at = findEndRecord(tail);
        if (at < 0) {
            throw notAZip(source, size);
        }
        long endRecord = tailStart + at;
        int disk = u16(tail, at + 4);
        int directoryDisk = u16(tail, at + 6);
        long count = u16(tail, at + 10);
        long directorySize = u32(tail, at + 12);
        long directoryOffset = u32(tail, at + 16);
        long directoryEnd = endRecord;

        long locator = endRecord - ZIP64_LOCATOR_LENGTH;
        if (locator >= 0 && u32(read(source, locator, 4), 0) == ZIP64_LOCATOR_SIG) {
            byte[] loc = read(source, locator, ZIP64_LOCATOR_LENGTH);
            long zip64End = u64(loc, 8);
            if (zip64End < 0 || zip64End > locator - ZIP64_EOCD_LENGTH) {
                throw new ZipFormatException("corrupt ZIP64 archive: its end record offset " + zip64End + " is outside the file");
            }
            byte[] record = read(source, zip64End, ZIP64_EOCD_LENGTH);
            if (u32(record, 0) != ZIP64_EOCD_SIG) {
                throw new ZipFormatException("corrupt ZIP64 archive: no ZIP64 end record at offset " + zip64End);
            }
            disk = (int) u32(record, 16);
            directoryDisk = (int) u32(record, 20);
            count = u64(record, 32);
            directorySize = u64(record, 40);
            directoryOffset = u64(record, 48);
            directoryEnd = zip64End;
        } else if (count == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL) {
            throw new ZipFormatException("corrupt ZIP64 archive: the ZIP64 end locator is missing");
        }
        if (disk != 0 || directoryDisk != 0) {
            throw new ZipFormatException("split (multi-part) ZIP archives are not supported");
        }
        if (count < 0 || count > limits.maxEntries()) {
            throw new LimitExceededException("ZIP archive declares " + Long.toUnsignedString(count)
                    + " entries, over the limit of " + limits.maxEntries());
        }
        if (directorySize < 0 || directorySize > limits.maxCentralDirectoryBytes()) {
            throw new LimitExceededException("ZIP central directory is " + Long.toUnsignedString(directorySize)
                    + " bytes, over the limit of " + limits.maxCentralDirectoryBytes());
        }
        // directorySize is bounded above; subtracting it cannot overflow where adding an offset could.
        if (directoryOffset < 0 || directoryOffset > directoryEnd - directorySize) {
            throw new ZipFormatException("truncated or corrupt ZIP archive: the central directory (offset "
                    + Long.toUnsignedString(directoryOffset) + ", " + directorySize
                    + " bytes) does not fit before its end record at " + directoryEnd);
        }
        if (directorySize < count * CENTRAL_LENGTH) {
            throw new ZipFormatException("corrupt ZIP archive: a central directory of " + directorySize
                    + " bytes cannot hold the " + count + " entries it declares");
        }
        byte[] directory = read(source, directoryOffset, (int) directorySize);
        List<ArchiveEntry> entries = parseDirectory(directory, (int) count, directoryOffset);
        Map<String, ArchiveEntry> byName = new HashMap<>(entries.size() * 2);
        for (ArchiveEntry entry : entries) {
            if (byName.putIfAbsent(entry.name(), entry) != null) {
                throw new ZipFormatException("corrupt ZIP archive: duplicate entry name " + entry.name());
            }
        }
        return new ZipArchive(source, directoryOffset, directorySize, Collections.unmodifiableList(entries), byName);
    }

    /** All entries, in central directory order. */
    public List<ArchiveEntry> entries() {
        return entries;
    }

    /** The entry with exactly this name. */
    public Optional<ArchiveEntry> entry(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public long centralDirectorySize() {
        return centralDirectorySize;
    }

    /** The entries read so far (whole or in part), in the order first read: what a benchmark accounts for. */
    public List<ArchiveEntry> entriesRead() {
        return List.copyOf(touched);
    }

    /**
     * Reads and inflates a whole entry, verifying its size and CRC.
     *
     * @param maxBytes the most uncompressed bytes accepted
     * @throws LimitExceededException if the entry declares, or really inflates to, more than {@code maxBytes}
     * @throws ZipFormatException if the entry is encrypted, uses an unknown method, is truncated or corrupt
     * @throws IOException if the source fails
     */
    public byte[] read(ArchiveEntry entry, int maxBytes) throws IOException, InvalidIpaException {
        if (entry.size() > maxBytes) {
            throw new LimitExceededException(entry.name() + " is " + entry.size()
                    + " bytes uncompressed, over the limit of " + maxBytes);
        }
        // Deflate never grows data by more than a few bytes per 16 KB block; anything larger is lying.
        long compressedLimit = (long) maxBytes + maxBytes / 64 + 1024;
        if (entry.compressedSize() > compressedLimit) {
            throw new LimitExceededException(entry.name() + " is " + entry.compressedSize()
                    + " bytes compressed, over the limit of " + compressedLimit);
        }
        byte[] data = inflate(entry, (int) entry.size(), false);
        CRC32 crc = new CRC32();
        crc.update(data);
        if (crc.getValue() != entry.crc()) {
            throw new ZipFormatException("corrupt ZIP archive: CRC mismatch in " + entry.name());
        }
        return data;
    }

    /**
     * Reads only the first bytes of an entry (a PNG header, say), fetching little compressed data.
     *
     * @return up to {@code length} bytes: fewer only if the entry is shorter
     * @throws ZipFormatException if the entry is encrypted, uses an unknown method or is corrupt
     * @throws IOException if the source fails
     */
    public byte[] readPrefix(ArchiveEntry entry, int length) throws IOException, InvalidIpaException {
        return inflate(entry, (int) Math.min(length, Math.max(0, entry.size())), true);
    }

    private byte[] inflate(ArchiveEntry entry, int wanted, boolean prefix) throws IOException, InvalidIpaException {
        touched.add(entry);
        if (entry.isEncrypted()) {
            throw new ZipFormatException("encrypted ZIP entries are not supported: " + entry.name());
        }
        if (entry.method() != ArchiveEntry.STORED && entry.method() != ArchiveEntry.DEFLATED) {
            throw new ZipFormatException("unsupported compression method " + entry.method() + " in " + entry.name());
        }
        if (entry.method() == ArchiveEntry.STORED && entry.compressedSize() != entry.size()) {
            throw new ZipFormatException("corrupt ZIP archive: stored entry " + entry.name()
                    + " declares different compressed and uncompressed sizes");
        }
        long dataStart = dataStart(entry, prefix ? Math.min(entry.compressedSize(), PREFIX_CHUNK) : entry.compressedSize());
        if (entry.method() == ArchiveEntry.STORED) {
            return read(source, dataStart, wanted);
        }
        Inflater inflater = new Inflater(true);
        try {
            byte[] out = new byte[wanted];
            int produced = 0;
            long fed = 0;
            int chunk = PREFIX_CHUNK;
            int stalls = 0;
            while (produced < wanted && !inflater.finished()) {
                if (inflater.needsInput()) {
                    if (fed >= entry.compressedSize()) {
                        break;
                    }
                    long left = entry.compressedSize() - fed;
                    int n = (int) (prefix ? Math.min(left, chunk) : left);
                    inflater.setInput(read(source, dataStart + fed, n));
                    fed += n;
                    chunk *= 2;
                    continue;
                }
                int n = inflater.inflate(out, produced, wanted - produced);
                produced += n;
                if (n == 0 && (inflater.needsDictionary() || ++stalls > 3)) {
                    throw new ZipFormatException("corrupt compressed data in " + entry.name());
                }
            }
            if (produced < wanted) {
                throw new ZipFormatException("truncated or corrupt ZIP archive: " + entry.name() + " inflated to "
                        + produced + " bytes, not the declared " + entry.size());
            }
            if (!prefix && inflatesFurther(inflater)) {
                throw new LimitExceededException(entry.name() + " inflates to more than its declared "
                        + entry.size() + " bytes (a ZIP bomb?)");
            }
            return out;
        } catch (DataFormatException e) {
            throw new ZipFormatException("corrupt compressed data in " + entry.name());
        } finally {
            inflater.end();
        }
    }

    /** After the declared size: true if the stream (all of it already fed) still produces a byte. */
    private static boolean inflatesFurther(Inflater inflater) throws DataFormatException {
        byte[] probe = new byte[1];
        for (int i = 0; i < 4 && !inflater.finished() && !inflater.needsInput(); i++) {
            if (inflater.inflate(probe) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the local header together with the first {@code dataWanted} bytes of data (one read, as
     * a rule) and returns where the data starts.
     */
    private long dataStart(ArchiveEntry entry, long dataWanted) throws IOException, InvalidIpaException {
        long header = entry.localHeaderOffset();
        if (header + LOCAL_LENGTH > centralDirectoryOffset) {
            throw new ZipFormatException("corrupt ZIP archive: the local header of " + entry.name()
                    + " lies beyond the central directory");
        }
        long guess = Math.min(centralDirectoryOffset - header, LOCAL_LENGTH + entry.headerLengthHint() + dataWanted);
        byte[] head = read(source, header, (int) Math.max(LOCAL_LENGTH, guess));
        if (u32(head, 0) != LOCAL_SIG) {
            throw new ZipFormatException("corrupt ZIP archive: no local header for " + entry.name() + " at offset " + header);
        }
        long dataStart = header + LOCAL_LENGTH + u16(head, 26) + u16(head, 28);
        if (dataStart > centralDirectoryOffset || entry.compressedSize() > centralDirectoryOffset - dataStart) {
            throw new ZipFormatException("truncated or corrupt ZIP archive: " + entry.name()
                    + " runs into the central directory");
        }
        return dataStart;
    }

    private static List<ArchiveEntry> parseDirectory(byte[] cd, int count, long directoryOffset) throws ZipFormatException {
        List<ArchiveEntry> entries = new ArrayList<>(count);
        int p = 0;
        for (int i = 0; i < count; i++) {
            if (p + CENTRAL_LENGTH > cd.length || u32(cd, p) != CENTRAL_SIG) {
                throw new ZipFormatException("corrupt ZIP archive: central directory entry " + (i + 1) + " of " + count
                        + " is missing or damaged");
            }
            int flags = u16(cd, p + 8);
            int method = u16(cd, p + 10);
            long crc = u32(cd, p + 16);
            long compressed = u32(cd, p + 20);
            long size = u32(cd, p + 24);
            int nameLength = u16(cd, p + 28);
            int extraLength = u16(cd, p + 30);
            int commentLength = u16(cd, p + 32);
            long offset = u32(cd, p + 42);
            int next = p + CENTRAL_LENGTH + nameLength + extraLength + commentLength;
            if (next > cd.length) {
                throw new ZipFormatException("corrupt ZIP archive: central directory entry " + (i + 1) + " runs past its end");
            }
            String name = decodeName(cd, p + CENTRAL_LENGTH, nameLength, (flags & 0x800) != 0);
            int extra = p + CENTRAL_LENGTH + nameLength;
            long[] wide = zip64Values(cd, extra, extraLength, size == 0xFFFFFFFFL, compressed == 0xFFFFFFFFL,
                    offset == 0xFFFFFFFFL, name);
            size = wide[0] >= 0 ? wide[0] : size;
            compressed = wide[1] >= 0 ? wide[1] : compressed;
            offset = wide[2] >= 0 ? wide[2] : offset;
            if (offset >= directoryOffset) {
                throw new ZipFormatException("corrupt ZIP archive: " + name + " starts inside the central directory");
            }
            // Bounded here, once: later arithmetic on the entry's offset and compressed size cannot overflow.
            if (compressed > directoryOffset - offset) {
                throw new ZipFormatException("corrupt ZIP archive: " + name + " declares " + compressed
                        + " compressed bytes, more than the archive holds before its central directory");
            }
            entries.add(new ArchiveEntry(name, method, flags, crc, compressed, size, offset, nameLength + extraLength));
            p = next;
        }
        return entries;
    }

    /** The ZIP64 extended information field: 64-bit values for the fields that hold 0xFFFFFFFF, in order. */
    private static long[] zip64Values(byte[] cd, int start, int length, boolean size, boolean compressed,
                                      boolean offset, String name) throws ZipFormatException {
        long[] values = {-1, -1, -1};
        if (!size && !compressed && !offset) {
            return values;
        }
        int p = start;
        int end = start + length;
        while (p + 4 <= end) {
            int id = u16(cd, p);
            int dataLength = u16(cd, p + 2);
            int q = p + 4;
            if (q + dataLength > end) {
                break;
            }
            if (id == 0x0001) {
                boolean[] present = {size, compressed, offset};
                for (int k = 0; k < 3; k++) {
                    if (present[k]) {
                        if (q + 8 > p + 4 + dataLength) {
                            throw new ZipFormatException("corrupt ZIP64 archive: short ZIP64 field for " + name);
                        }
                        values[k] = u64(cd, q);
                        if (values[k] < 0) {
                            throw new ZipFormatException("corrupt ZIP64 archive: impossible size or offset for " + name);
                        }
                        q += 8;
                    }
                }
                return values;
            }
            p = q + dataLength;
        }
        throw new ZipFormatException("corrupt ZIP64 archive: " + name + " has no ZIP64 field for its large size or offset");
    }

    private static String decodeName(byte[] bytes, int offset, int length, boolean utf8Flag) {
        if (utf8Flag) {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        // Archivers that do not set the UTF-8 flag (ditto among them) still write UTF-8 names;
        // only names that are not valid UTF-8 are taken as the old DOS code page.
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, length, LEGACY_NAMES);
        }
    }

    private static Charset legacyNameCharset() {
        return Charset.isSupported("IBM437") ? Charset.forName("IBM437") : StandardCharsets.ISO_8859_1;
    }

    /** Finds the end record, searching backwards; prefers a record whose comment ends the file exactly. */
    private static int findEndRecord(byte[] tail) {
        int loose = -1;
        for (int i = tail.length - EOCD_LENGTH; i >= 0; i--) {
            if (u32(tail, i) == EOCD_SIG) {
                int end = i + EOCD_LENGTH + u16(tail, i + 20);
                if (end == tail.length) {
                    return i;
                }
                if (end < tail.length && loose < 0) {
                    loose = i;
                }
            }
        }
        return loose;
    }

    private static ZipFormatException notAZip(ByteSource source, long size) throws IOException {
        byte[] head = read(source, 0, (int) Math.min(4, size));
        if (head.length == 4 && u32(head, 0) == LOCAL_SIG) {
            return new ZipFormatException("truncated ZIP archive: it starts like one but has no end of central "
                    + "directory record (incomplete upload?)");
        }
        return new ZipFormatException("not a ZIP archive");
    }

    private static byte[] read(ByteSource source, long position, int length) throws IOException {
        byte[] bytes = new byte[length];
        source.readFully(position, bytes, 0, length);
        return bytes;
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int p) {
        return (u16(b, p) | (long) u16(b, p + 2) << 16) & 0xFFFFFFFFL;
    }

    private static long u64(byte[] b, int p) {
        return u32(b, p) | u32(b, p + 4) << 32;
    }
}
