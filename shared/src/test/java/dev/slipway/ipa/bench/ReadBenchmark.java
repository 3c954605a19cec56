package dev.slipway.ipa.bench;

import static dev.slipway.ipa.bench.BenchRun.MB;
import static dev.slipway.ipa.bench.BenchRun.median;

import dev.slipway.fixtures.Fixtures;
import dev.slipway.fixtures.ZipWriter;
import dev.slipway.ipa.IpaReader;
import dev.slipway.ipa.zip.ArchiveEntry;
import dev.slipway.ipa.zip.BlockCache;
import dev.slipway.ipa.zip.FileByteSource;
import dev.slipway.ipa.zip.ReadStats;
import dev.slipway.ipa.zip.ZipArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Prints, for every fixture IPA and for generated large ones (a real IPA after 100 MB and 1 GB of
 * filler, so Info.plist sits near the end as Xcode writes it), the bytes and read calls the reader
 * needed, the bound it must stay under (central directory + entries used + one tail block), and the
 * median time of several runs.
 *
 * <p>Run: {@code make bench-read} (or with {@code -Dbench.runs=N -Dbench.dir=DIR}).
 */
public final class ReadBenchmark {
    public static void main(String[] args) throws Exception {
        BenchRun bench = BenchRun.fromProperties(7);
        int runs = bench.runs();
        Path dir = bench.dir();
        List<Path> files = new ArrayList<>(Fixtures.all("ipa"));
        Path base = Fixtures.get("ipa/isign-SimpleSaucyApp.ipa");
        files.add(withFiller(base, dir.resolve("generated-100MB.ipa"), 100 * MB));
        files.add(withFiller(base, dir.resolve("generated-1GB.ipa"), 1024 * MB));

        System.out.printf("%-40s %14s %10s %6s %10s %12s %9s %s%n", "ipa", "size", "cd", "reads", "bytes read",
                "bound", "median ms", "within bound");
        boolean allWithin = true;
        for (Path file : files) {
            long[] millis = new long[runs];
            IpaReader.Traced traced = null;
            ReadStats stats = null;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                try (BlockCache source = new BlockCache(FileByteSource.open(file))) {
                    traced = new IpaReader().readTraced(source);
                    stats = source.stats();
                }
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            long entriesUsed = traced.entriesRead().stream().mapToLong(ReadBenchmark::headerAndData).sum();
            long bound = traced.centralDirectorySize() + entriesUsed + ZipArchive.TAIL_BYTES;
            boolean within = stats.bytesRead() <= bound;
            allWithin &= within;
            System.out.printf("%-40s %,14d %,10d %6d %,10d %,12d %9d %s%n", file.getFileName(), Files.size(file),
                    traced.centralDirectorySize(), stats.readCalls(), stats.bytesRead(), bound, median(millis),
                    within ? "yes" : "NO");
        }
        System.out.println(allWithin ? "all within bound" : "SOME OVER BOUND");
        System.exit(allWithin ? 0 : 1);
    }

    /** An entry's local header (as the central directory predicts it) and its compressed data. */
    private static long headerAndData(ArchiveEntry entry) {
        return 30 + entry.headerLengthHint() + entry.compressedSize();
    }

    /** The real IPA's entries after {@code filler} bytes of stored filler, unless already generated. */
    public static Path withFiller(Path ipa, Path out, long filler) throws Exception {
        if (Files.exists(out) && Files.size(out) > filler) {
            return out;
        }
        try (ZipFile real = new ZipFile(ipa.toFile()); ZipWriter zip = new ZipWriter(out)) {
            List<? extends ZipEntry> entries = Collections.list((Enumeration<? extends ZipEntry>) real.entries());
            String app = entries.stream().map(ZipEntry::getName).filter(n -> n.matches("Payload/[^/]+\\.app/Info\\.plist"))
                    .findFirst().orElseThrow().replace("Info.plist", "");
            long chunk = 16 * MB;
            for (long written = 0, i = 0; written < filler; written += chunk, i++) {
                zip.filler(app + "Assets/filler-" + i + ".bin", Math.min(chunk, filler - written), i);
            }
            for (ZipEntry entry : entries) {
                byte[] data = real.getInputStream(entry).readAllBytes();
                if (entry.getMethod() == ZipEntry.STORED) {
                    zip.stored(entry.getName(), data);
                } else {
                    zip.deflated(entry.getName(), data);
                }
            }
        }
        return out;
    }
}
