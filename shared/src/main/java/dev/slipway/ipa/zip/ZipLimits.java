package dev.slipway.ipa.zip;

/**
 * Bounds on what a ZIP's central directory may declare, checked before anything is allocated.
 *
 * @param maxEntries the most entries accepted (a large game has tens of thousands)
 * @param maxCentralDirectoryBytes the largest central directory read into memory
 */
public record ZipLimits(int maxEntries, int maxCentralDirectoryBytes) {
    /** Generous for real apps (the largest seen have ~100k files), small enough for a 512 MB Lambda. */
    public static final ZipLimits DEFAULT = new ZipLimits(400_000, 64 * 1024 * 1024);
}
