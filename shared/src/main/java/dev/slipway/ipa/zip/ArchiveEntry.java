package dev.slipway.ipa.zip;

/**
 * One entry of a ZIP central directory. Sizes are as declared, so not to be trusted: readers
 * count the bytes they really inflate.
 *
 * @param name the path inside the archive, decoded (UTF-8, or CP437 for old archivers)
 * @param method 0 stored, 8 deflated
 * @param flags general purpose bit flags (bit 0: encrypted)
 * @param crc the declared CRC-32 of the uncompressed data
 * @param compressedSize declared compressed size
 * @param size declared uncompressed size
 * @param localHeaderOffset where the entry's local header starts
 * @param headerLengthHint the central directory's name + extra length: the local header's usual
 *     length (minus its 30 fixed bytes), so header and data can come in one read
 */
public record ArchiveEntry(String name, int method, int flags, long crc, long compressedSize, long size,
                           long localHeaderOffset, int headerLengthHint) {
    public static final int STORED = 0;
    public static final int DEFLATED = 8;

    public boolean isDirectory() {
        return name.endsWith("/");
    }

    public boolean isEncrypted() {
        return (flags & 1) != 0;
    }

    // equals and hashCode written out, with the record's meaning (every component): the generated
    // ones are linked through ObjectMethods' method-handle bootstrap on first use, which spins about
    // twenty classes (some 20 ms of a short CLI run) for ZipArchive's set of touched entries.
    @Override
    public boolean equals(Object other) {
        return other instanceof ArchiveEntry that && name.equals(that.name) && method == that.method
                && flags == that.flags && crc == that.crc && compressedSize == that.compressedSize && size == that.size
                && localHeaderOffset == that.localHeaderOffset && headerLengthHint == that.headerLengthHint;
    }

    @Override
    public int hashCode() {
        int hash = name.hashCode();
        hash = 31 * hash + method;
        hash = 31 * hash + flags;
        hash = 31 * hash + Long.hashCode(crc);
        hash = 31 * hash + Long.hashCode(compressedSize);
        hash = 31 * hash + Long.hashCode(size);
        hash = 31 * hash + Long.hashCode(localHeaderOffset);
        return 31 * hash + headerLengthHint;
    }
}
