package dev.slipway.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.slipway.catalog.Receipt;
import dev.slipway.fixtures.TestS3;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The local stack's S3 notifications: an upload that cannot be ingested is said, never dropped. */
class UploadNotificationsTest {
    /** Each test its own bucket: at start the notifications also deliver every upload already there. */
    private TestS3 s3server;

    @BeforeEach
    void start() throws Exception {
        s3server = TestS3.start();
    }

    @AfterEach
    void stop() throws Exception {
        s3server.close();
    }

    /** What the console would print, one report per line. */
    private static final class Console implements UploadNotifications.Listener {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        @Override
        public void ingested(String key, Receipt receipt) {
            lines.add("ingested " + key);
        }

        @Override
        public void failed(String key, String error) {
            lines.add("failed " + key + ": " + error);
        }

        List<String> next(int count) throws InterruptedException {
            List<String> reports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String line = lines.poll(20, TimeUnit.SECONDS);
                assertThat(line).as("report %d of %d within 20 s, after %s", i + 1, count, reports).isNotNull();
                reports.add(line);
            }
            return reports;
        }
    }

    private String upload(String key) {
        return s3server.client().putObject(b -> b.bucket(s3server.bucket()).key(key), RequestBody.fromString("ipa"))
                .eTag();
    }

    /**
     * Starts the notifications (which first catch up with the uploads already there), notifies one
     * upload, and returns the console's reports and what went to standard error meanwhile.
     */
    private Report report(S3Client s3, RequestHandler<S3Event, Void> ingest, String key, String eTag, int reports)
            throws InterruptedException {
        Console console = new Console();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> lines;
        try (UploadNotifications notifications = new UploadNotifications(s3server.bucket(), "us-east-1")) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            notifications.start(s3, ingest, console);
            notifications.created(s3server.bucket(), key, eTag);
            lines = console.next(reports);
        } finally {
            System.setErr(err);
        }
        return new Report(lines, captured.toString(StandardCharsets.UTF_8));
    }

    private record Report(List<String> console, String log) {
    }

    @Test
    void created_ingestKeepsFailing_isReportedWithItsCauseAndLoggedWithTheStackTrace() throws Exception {
        String key = "uploads/notify/fails.ipa";
        String eTag = upload(key);
        AtomicInteger attempts = new AtomicInteger();
        RequestHandler<S3Event, Void> failing = (event, context) -> {
            attempts.incrementAndGet();
            throw new UncheckedIOException(new IOException("S3 connection reset"));
        };

        Report report = report(s3server.client(), failing, key, eTag, 2);

        // found at start (no receipt yet) and notified: both deliveries tried three times, both said
        assertThat(attempts).hasValue(6);
        assertThat(report.console()).containsOnly("failed " + key + ": the ingest failed 3 times; the upload stays where "
                + "it is: UncheckedIOException (java.io.IOException: S3 connection reset), caused by IOException (S3 "
                + "connection reset)");
        assertThat(report.log()).contains("\"event\":\"upload.notification.failed\"").contains("\"key\":\"" + key + "\"")
                .contains("\"stackTrace\":\"java.io.UncheckedIOException");
    }

    @Test
    void created_s3RefusesTheLook_isReportedInsteadOfDropped() throws Exception {
        // given an upload the notifications cannot look at (an S3 fault, not a missing object)
        String key = "uploads/notify/unseen.ipa";
        String eTag = upload(key);
        S3Client refused = s3server.clientBuilder()
                .credentialsProvider(() -> AwsBasicCredentials.create("wrong", "keys")).build();
        AtomicInteger attempts = new AtomicInteger();

        Report report = report(refused, (event, context) -> {
            attempts.incrementAndGet();
            return null;
        }, key, eTag, 2);

        assertThat(attempts).hasValue(0);
        assertThat(report.console().get(0)).startsWith("failed uploads/: cannot look for uploads made while stopped: "
                + "S3Exception (");
        assertThat(report.console().get(1)).startsWith("failed " + key + ": cannot look at the upload, so it was not "
                + "handed to the ingest: S3Exception (");
        assertThat(report.log()).contains("\"errorType\":\"software.amazon.awssdk.services.s3.model.S3Exception\"");
    }
}
