package dev.slipway.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Puts a file into the bucket: one PUT up to the multipart threshold, a multipart upload above it
 * (parts of at least {@link #PART_SIZE}, more when S3's 10,000-part limit asks for it), reporting
 * progress after each part; parts go up {@link #PARALLEL_PARTS} at a time. A multipart upload that
 * fails is aborted, so no parts stay billed.
 */
final class Uploader {
    static final long MULTIPART_THRESHOLD = 16L * 1024 * 1024;
    static final long PART_SIZE = 8L * 1024 * 1024;
    /** S3's smallest part (all but the last). */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    private static final int MAX_PARTS = 10_000;
    /** Parts in flight at once (the AWS CLI sends up to 10). */
    static final int PARALLEL_PARTS = 4;

    /**
     * What S3 answered for the new object: its ETag, and its version id on a versioned bucket (each
     * upload to a key is its own version there, so this names the upload exactly).
     */
    record Uploaded(String eTag, String versionId) {
    }

    /** Bytes sent so far of a total. */
    interface Progress {
        void advance(long sent, long total);

        void done();

        Progress NONE = new Progress() {
            @Override
            public void advance(long sent, long total) {
            }

            @Override
            public void done() {
            }
        };
    }

    private final S3Client s3;
    private final long threshold;
    private final long partSize;

    Uploader(S3Client s3) {
        this(s3, MULTIPART_THRESHOLD, PART_SIZE);
    }

    /**
     * @param threshold files larger than this go up in parts
     * @param partSize the size of each part but the last, at least {@link #MIN_PART_SIZE}
     */
    Uploader(S3Client s3, long threshold, long partSize) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("part size " + partSize + " is below S3's minimum of " + MIN_PART_SIZE);
        }
        this.s3 = s3;
        this.threshold = threshold;
        this.partSize = partSize;
    }

    /**
     * @return the object's ETag and version id, as S3 answered them
     * @throws IOException if the file cannot be read
     */
    Uploaded upload(String bucket, String key, Path file, Map<String, String> metadata, Progress progress)
            throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            progress.advance(0, size);
            Uploaded uploaded = size <= threshold ? single(bucket, key, channel, size, metadata)
                    : multipart(bucket, key, channel, size, metadata, progress);
            progress.advance(size, size);
            progress.done();
            return uploaded;
        }
    }

    private Uploaded single(String bucket, String key, FileChannel channel, long size, Map<String, String> metadata)
            throws IOException {
        byte[] bytes = new byte[(int) size];
        read(channel, 0, bytes, (int) size);
        PutObjectResponse response = s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/octet-stream")
                .metadata(metadata), body(bytes, bytes.length));
        return new Uploaded(response.eTag(), response.versionId());
    }

    private Uploaded multipart(String bucket, String key, FileChannel channel, long size, Map<String, String> metadata,
                             Progress progress) throws IOException {
        long part = Math.max(partSize, (size + MAX_PARTS - 1) / MAX_PARTS);
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType("application/octet-stream")
                .metadata(metadata)).uploadId();
        // Parts go up PARALLEL_PARTS at a time, each read when its turn comes: one connection alone
        // leaves most of the bandwidth (and S3Proxy's threads) idle. Each sender reads into a buffer
        // an earlier part has finished with, so at most PARALLEL_PARTS buffers ever exist, and a
        // 1 GB upload neither allocates (and zeroes) 1 GB of arrays nor grows the heap to hold them.
        ExecutorService senders = Executors.newFixedThreadPool(PARALLEL_PARTS, runnable -> {
            Thread thread = new Thread(runnable, "slipway-upload");
            thread.setDaemon(true);
            return thread;
        });
        Queue<byte[]> buffers = new ConcurrentLinkedQueue<>();
        AtomicLong sent = new AtomicLong();
        try {
            List<Future<CompletedPart>> pending = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += part, number++) {
                long from = offset;
                int length = (int) Math.min(part, size - offset);
                int partNumber = number;
                pending.add(senders.submit(() -> {
                    byte[] buffer = buffers.poll();
                    if (buffer == null) {
                        buffer = new byte[(int) part];
                    }
                    String eTag;
                    try {
                        read(channel, from, buffer, length);
                        eTag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                                .contentLength((long) length), body(buffer, length)).eTag();
                    } finally {
                        buffers.add(buffer);
                    }
                    synchronized (progress) {
                        // Counted under the lock too, so the bar never steps back.
                        progress.advance(sent.addAndGet(length), size);
                    }
                    return CompletedPart.builder().partNumber(partNumber).eTag(eTag).build();
                }));
            }
            List<CompletedPart> parts = new ArrayList<>();
            for (Future<CompletedPart> result : pending) {
                parts.add(await(result));
            }
            CompleteMultipartUploadResponse response = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key)
                    .uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
            return new Uploaded(response.eTag(), response.versionId());
        } catch (IOException | RuntimeException e) {
            senders.shutdownNow();
            abortQuietly(bucket, key, uploadId);
            throw e;
        } finally {
            senders.shutdownNow();
        }
    }

    /**
     * The bytes as a request body, not copied: {@link RequestBody#fromBytes} copies its array, a
     * second pass over every byte uploaded.
     */
    private static RequestBody body(byte[] bytes, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
                "application/octet-stream");
    }

    /** A part's outcome; its failure as it was thrown. */
    private static CompletedPart await(Future<CompletedPart> result) throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while uploading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    private void abortQuietly(String bucket, String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            // The upload's own failure is the one to report.
        }
    }

    /** Reads {@code length} bytes of the file from {@code offset} into the start of {@code into}. */
    private static void read(FileChannel channel, long offset, byte[] into, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("the file shrank while it was being uploaded");
            }
        }
    }
}
