package dev.slipway.ingest.bench;

import dev.slipway.catalog.Upload;
import dev.slipway.fixtures.Fixtures;
import dev.slipway.fixtures.TestS3;
import dev.slipway.ingest.IngestService;
import dev.slipway.ingest.IpaCopier;
import dev.slipway.ipa.bench.ReadBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ingests generated 10 MB, 200 MB and 1 GB IPAs (a real IPA after filler, Info.plist near the end)
 * from an in-process S3 (S3Proxy, real protocol and signatures) and prints, per size, the bytes
 * fetched, the GET count and the median times of several ingests: reading (ranged GETs + parsing),
 * the server-side copy (S3's own work, proportional to size), and the whole ingest.
 *
 * <p>Run: {@code make bench-ingest} (or with {@code -Dbench.runs=N}).
 */
public final class IngestBenchmark {
    private static final long MB = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 5);
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));
        Files.createDirectories(dir);
        Path base = Fixtures.get("ipa/isign-SimpleSaucyApp.ipa");
        long[] sizes = {10 * MB, 200 * MB, 1024 * MB};
        System.out.printf("%-10s %14s %12s %5s %10s %10s %10s%n", "ipa", "size", "bytes read", "GETs", "read ms",
                "copy ms", "total ms");
        Path data = dir.resolve("s3-data");
        try (TestS3 s3server = TestS3.startOnDisk(TestS3.DEFAULT_BUCKET, data)) {
            S3Client s3 = s3server.client();
            IngestService service = new IngestService(s3, s3server.bucket(), new IpaCopier(s3, s3server.bucket()),
                    Clock.systemUTC());
            for (long size : sizes) {
                Path ipa = ReadBenchmark.withFiller(base, dir.resolve("ingest-" + size / MB + "MB.ipa"), size);
                String key = "uploads/bench/App-" + size / MB + ".ipa";
                s3.putObject(b -> b.bucket(s3server.bucket()).key(key), RequestBody.fromFile(ipa));
                String eTag = s3.headObject(b -> b.bucket(s3server.bucket()).key(key)).eTag().replace("\"", "");
                long[] read = new long[runs];
                long[] copy = new long[runs];
                long[] total = new long[runs];
                IngestService.Result result = null;
                for (int i = 0; i < runs; i++) {
                    // A fresh sequencer each run: a new build, not a duplicate.
                    Upload upload = new Upload(key, Files.size(ipa), eTag, String.format("%016X", i), null, Instant.now());
                    result = service.ingest(upload);
                    if (result.outcome() != IngestService.Outcome.BUILT) {
                        throw new IllegalStateException("ingest of " + key + " ended " + result.outcome());
                    }
                    read[i] = result.readMillis();
                    copy[i] = result.copyMillis();
                    total[i] = result.totalMillis();
                    // The build moved the upload away; put it back for the next run.
                    s3.putObject(b -> b.bucket(s3server.bucket()).key(key), RequestBody.fromFile(ipa));
                }
                s3.deleteObject(b -> b.bucket(s3server.bucket()).key(key));
                System.out.printf("%-10s %,14d %,12d %5d %10d %10d %10d%n", size / MB + " MB", Files.size(ipa),
                        result.stats().bytesRead(), result.stats().readCalls(), median(read), median(copy), median(total));
            }
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
