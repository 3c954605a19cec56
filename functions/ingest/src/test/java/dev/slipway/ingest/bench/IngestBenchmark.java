package dev.slipway.ingest.bench;

import static dev.slipway.ipa.bench.BenchRun.MB;
import static dev.slipway.ipa.bench.BenchRun.median;

import dev.slipway.catalog.Upload;
import dev.slipway.fixtures.Fixtures;
import dev.slipway.fixtures.TestS3;
import dev.slipway.ingest.IngestService;
import dev.slipway.ingest.IpaCopier;
import dev.slipway.ipa.bench.BenchRun;
import dev.slipway.ipa.bench.ReadBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Ingests generated 10 MB, 200 MB and 1 GB IPAs (a real IPA after filler, Info.plist near the end)
 * from an in-process S3 (S3Proxy on disk, real protocol and signatures) and prints, per size, the
 * bytes fetched, the GET count and the median times of several ingests: reading (ranged GETs +
 * parsing), the server-side copy, and the whole ingest — on a versioned bucket (what the template
 * deploys: the upload version is the build, nothing is copied) and on an unversioned one (the IPA
 * is copied under builds/, S3's own work, proportional to size).
 *
 * <p>Run: {@code make bench-ingest} (or with {@code -Dbench.runs=N}).
 */
public final class IngestBenchmark {
    public static void main(String[] args) throws Exception {
        BenchRun bench = BenchRun.fromProperties(5);
        int runs = bench.runs();
        Path dir = bench.dir();
        Path base = Fixtures.get("ipa/isign-SimpleSaucyApp.ipa");
        long[] sizes = {10 * MB, 200 * MB, 1024 * MB};
        System.out.printf("%-12s %-10s %14s %12s %5s %9s %9s %9s%n", "bucket", "ipa", "size", "bytes read", "GETs",
                "read ms", "copy ms", "total ms");
        // S3Proxy's on-disk store has no versioning: the versioned bucket lives in memory (one
        // upload at a time), the unversioned one on disk.
        try (TestS3 memory = TestS3.startInMemory("slipway-versioned", 6L * 1024 * MB);
             TestS3 disk = TestS3.startOnDisk(TestS3.DEFAULT_BUCKET, dir.resolve("s3-data"))) {
            memory.client().putBucketVersioning(b -> b.bucket(memory.bucket())
                    .versioningConfiguration(v -> v.status("Enabled")));
            for (TestS3 server : new TestS3[] {memory, disk}) {
                S3Client s3 = server.client();
                String bucket = server.bucket();
                boolean versioned = server == memory;
                IngestService service = new IngestService(s3, bucket, new IpaCopier(s3, bucket), Clock.systemUTC());
                for (long size : sizes) {
                    Path ipa = ReadBenchmark.withFiller(base, dir.resolve("ingest-" + size / MB + "MB.ipa"), size);
                    String key = "uploads/bench/App-" + size / MB + ".ipa";
                    long[] read = new long[runs];
                    long[] copy = new long[runs];
                    long[] total = new long[runs];
                    IngestService.Result result = null;
                    for (int i = 0; i < runs; i++) {
                        String[] put = upload(s3, bucket, key, ipa);
                        // A fresh sequencer each run: a new build, not a duplicate.
                        Upload upload = new Upload(key, Files.size(ipa), put[0].replace("\"", ""),
                                String.format("%016X", System.nanoTime()), put[1], Instant.now());
                        result = service.ingest(upload);
                        if (result.outcome() != IngestService.Outcome.BUILT) {
                            throw new IllegalStateException("ingest of " + key + " ended " + result.outcome());
                        }
                        if (versioned) {
                            // Keep one version in memory: this build is measured, it can go.
                            s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(put[1]));
                        }
                        read[i] = result.readMillis();
                        copy[i] = result.copyMillis();
                        total[i] = result.totalMillis();
                    }
                    System.out.printf("%-12s %-10s %,14d %,12d %5d %9d %9d %9d%n",
                            versioned ? "versioned" : "unversioned", size / MB + " MB", Files.size(ipa),
                            result.stats().bytesRead(), result.stats().readCalls(), median(read), median(copy),
                            median(total));
                }
            }
        }
    }

    /**
     * Uploads as tools do: one PUT up to 64 MB, multipart above (S3Proxy drops large single PUTs
     * into versioned buckets). Returns the ETag and version id.
     */
    private static String[] upload(S3Client s3, String bucket, String key, Path file) throws Exception {
        long size = Files.size(file);
        long part = 64 * MB;
        if (size <= part) {
            PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
            return new String[] {put.eTag(), put.versionId()};
        }
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        java.util.List<software.amazon.awssdk.services.s3.model.CompletedPart> parts = new java.util.ArrayList<>();
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            for (int number = 1; (number - 1) * part < size; number++) {
                long start = (number - 1) * part;
                int length = (int) Math.min(part, size - start);
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length);
                while (buffer.hasRemaining()) {
                    channel.read(buffer, start + buffer.position());
                }
                int n = number;
                String eTag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(n),
                        RequestBody.fromBytes(buffer.array())).eTag();
                parts.add(software.amazon.awssdk.services.s3.model.CompletedPart.builder().partNumber(n).eTag(eTag).build());
            }
        }
        var done = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
        return new String[] {done.eTag(), done.versionId()};
    }
}
