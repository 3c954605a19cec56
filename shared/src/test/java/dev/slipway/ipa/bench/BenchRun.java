package dev.slipway.ipa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a benchmark's {@code main} is told: how many times to run each case ({@code -Dbench.runs}) and
 * the folder for the files it generates ({@code -Dbench.dir}, default {@code target/bench}).
 */
public record BenchRun(int runs, Path dir) {
    public static final long MB = 1024 * 1024;

    /** Reads both from the system properties, and creates the folder. */
    public static BenchRun fromProperties(int defaultRuns) throws IOException {
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));
        Files.createDirectories(dir);
        return new BenchRun(Integer.getInteger("bench.runs", defaultRuns), dir);
    }

    /** The middle of the values (of an even count, the upper middle one). */
    public static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
