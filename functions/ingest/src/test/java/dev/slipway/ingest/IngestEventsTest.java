package dev.slipway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.catalog.Upload;
import dev.slipway.fixtures.TestIpa;
import dev.slipway.fixtures.TestS3;
import dev.slipway.log.Log;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** Every ingest result is exactly one event line with the schema's fields, and no release notes. */
class IngestEventsTest {
    private static TestS3 s3;

    @BeforeAll
    static void start() throws Exception {
        s3 = TestS3.start();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @Test
    void ingest_builtAndRejected_oneLineEachWithTheSchemasFields() throws Exception {
        IngestService ingest = new IngestService(s3.client(), s3.bucket(), new IpaCopier(s3.client(), s3.bucket()),
                Clock.systemUTC());
        List<String> lines = new CopyOnWriteArrayList<>();

        try (Log.Copy copy = Log.copyTo(lines::add)) {
            ingest.ingest(upload("uploads/beta/Good.ipa", TestIpa.app().bundleId("dev.slipway.test.events").bytes(),
                    "Secret plans for 2.0"));
            ingest.ingest(upload("uploads/beta/Broken.ipa", "not a zip".getBytes(StandardCharsets.US_ASCII), null));
        }

        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : lines) {
            events.add(JSON.std.mapFrom(line));
        }
        assertThat(events).extracting(e -> e.get("event")).containsExactly("build.ready", "build.rejected");
        assertThat(events.get(0)).containsKeys("timestamp", "level", "logger", "build", "app", "channel", "result", "ms")
                .containsEntry("app", "dev.slipway.test.events").containsEntry("channel", "beta")
                .containsEntry("result", "ok");
        assertThat(events.get(1)).containsKeys("build", "channel", "result", "ms", "reason")
                .containsEntry("channel", "beta").containsEntry("result", "rejected");
        assertThat(lines).noneMatch(line -> line.contains("Secret plans"));
    }

    private static Upload upload(String key, byte[] bytes, String notes) {
        var put = s3.client().putObject(b -> b.bucket(s3.bucket()).key(key).metadata(notes == null ? Map.of()
                : Map.of("release-notes", notes)), RequestBody.fromBytes(bytes));
        return new Upload(key, bytes.length, put.eTag().replace("\"", ""), Long.toHexString(System.nanoTime()), null,
                Instant.now());
    }
}
