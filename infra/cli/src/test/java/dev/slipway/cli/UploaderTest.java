package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.TestS3Extension;
import dev.slipway.storage.S3Clients;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

@ExtendWith(TestS3Extension.class)
class UploaderTest {
    @TempDir
    Path dir;

    @Test
    void upload_fileOfSeveralParts_sentInParallelArrivesWholeAndInOrder(TestS3 s3) throws Exception {
        // given 23 MB: four full 5 MB parts and a short last one, more parts than are sent at once
        byte[] content = new byte[23 * 1024 * 1024];
        new Random(42).nextBytes(content);
        Path file = Files.write(dir.resolve("App.ipa"), content);
        List<Long> reported = new ArrayList<>();
        Uploader.Progress progress = new Uploader.Progress() {
            @Override
            public void advance(long sent, long total) {
                reported.add(sent);
            }

            @Override
            public void done() {
            }
        };
        // when
        Uploader.Uploaded uploaded = new Uploader(s3.client(), Uploader.MIN_PART_SIZE, Uploader.MIN_PART_SIZE)
                .upload(s3.bucket(), "uploads/App.ipa", file, Map.of(), progress);
        // then
        byte[] stored = s3.client().getObjectAsBytes(b -> b.bucket(s3.bucket()).key("uploads/App.ipa")).asByteArray();
        assertThat(stored).isEqualTo(content);
        assertThat(uploaded.eTag()).endsWith("-5\"");
        assertThat(reported).isSorted().startsWith(0L).endsWith((long) content.length);
    }

    @Test
    void upload_throughBatchedWritesClient_partsArriveWholeWithTheirSignaturesChecked(TestS3 s3) throws Exception {
        // given: the client publish uses; S3Proxy checks each part's SHA-256 payload signature
        byte[] content = new byte[11 * 1024 * 1024 + 3];
        new Random(11).nextBytes(content);
        Path file = Files.write(dir.resolve("Batched.ipa"), content);
        try (SdkHttpClient http = BatchedWritesConnection.httpClient();
             S3Client client = S3Clients.create(TestS3.REGION, URI.create("http://localhost:" + s3.endpoint().getPort()),
                     s3.credentials(), http)) {

            // when
            Uploader.Uploaded uploaded = new Uploader(client, Uploader.MIN_PART_SIZE, Uploader.MIN_PART_SIZE)
                    .upload(s3.bucket(), "uploads/Batched.ipa", file, Map.of(), Uploader.Progress.NONE);

            // then
            byte[] stored = client.getObjectAsBytes(b -> b.bucket(s3.bucket()).key("uploads/Batched.ipa")).asByteArray();
            assertThat(stored).isEqualTo(content);
            assertThat(uploaded.eTag()).endsWith("-3\"");
        }
    }
}
