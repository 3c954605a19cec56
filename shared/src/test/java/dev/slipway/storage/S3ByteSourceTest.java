package dev.slipway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.fixtures.Corpus;
import dev.slipway.fixtures.Fixtures;
import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.TestS3Extension;
import dev.slipway.ipa.IpaInfo;
import dev.slipway.ipa.IpaReader;
import dev.slipway.ipa.zip.BlockCache;
import dev.slipway.ipa.zip.FileByteSource;
import java.io.EOFException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;

@ExtendWith(TestS3Extension.class)
class S3ByteSourceTest {

    /** Sees every HTTP request the client sends, retries included: the ground truth for GET counts. */
    static final class RequestLog implements ExecutionInterceptor {
        final List<String> gets = new ArrayList<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            SdkHttpRequest request = context.httpRequest();
            if (request.method().name().equals("GET")) {
                gets.add(request.firstMatchingHeader("Range").orElse("whole object"));
            }
        }

        long rangedBytes() {
            return gets.stream().mapToLong(range -> {
                String[] bounds = range.substring("bytes=".length()).split("-");
                return Long.parseLong(bounds[1]) - Long.parseLong(bounds[0]) + 1;
            }).sum();
        }
    }

    /** Drops the Range header before signing, to play a server that ignores ranges. */
    static final class DropRange implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder().removeHeader("Range").build();
        }
    }

    private static String put(TestS3 s3, String key, byte[] content) {
        return s3.client().putObject(b -> b.bucket(s3.bucket()).key(key), RequestBody.fromBytes(content)).eTag();
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (i * 7 + 3);
        }
        return bytes;
    }

    @Corpus
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pliney-test.ipa", "fastlane very capable app.ipa", "app_info-ipad.ipa"})
    void read_fixtureIpaInS3_readsAsTheLocalFileWithOneGetPerOriginRead(String fixture, TestS3 s3) throws Exception {
        // given: the key keeps the file name, spaces included, as uploads do
        Path ipa = Fixtures.get("ipa/" + fixture);
        String key = "uploads/beta/" + fixture;
        put(s3, key, Fixtures.bytes("ipa/" + fixture));
        RequestLog log = new RequestLog();
        IpaInfo local;
        BlockCache localCache = new BlockCache(FileByteSource.open(ipa));
        try (localCache) {
            local = new IpaReader().read(localCache);
        }

        // when
        IpaInfo remote;
        BlockCache remoteCache;
        try (S3Client client = s3.clientBuilder().overrideConfiguration(o -> o.addExecutionInterceptor(log)).build()) {
            remoteCache = new BlockCache(S3ByteSource.open(client, s3.bucket(), key));
            try (remoteCache) {
                remote = new IpaReader().read(remoteCache);
            }
        }

        // then
        assertThat(remote.app().bundleId()).isEqualTo(local.app().bundleId());
        assertThat(remote.app().version()).isEqualTo(local.app().version());
        assertThat(remote.app().build()).isEqualTo(local.app().build());
        assertThat(remote.profile().type()).isEqualTo(local.profile().type());
        assertThat(remote.archiveSize()).isEqualTo(local.archiveSize());
        assertThat(remote.entryCount()).isEqualTo(local.entryCount());
        assertThat(remoteCache.stats()).isEqualTo(localCache.stats());
        assertThat(remoteCache.stats().readCalls()).isEqualTo(log.gets.size());
        assertThat(remoteCache.stats().bytesRead()).isEqualTo(log.rangedBytes());
    }

    @Test
    void readFully_anyRange_returnsThoseBytesOfTheObject(TestS3 s3) throws Exception {
        // given
        byte[] content = bytes(100_000);
        put(s3, "uploads/ranges.ipa", content);
        S3ByteSource source = S3ByteSource.open(s3.client(), s3.bucket(), "uploads/ranges.ipa");
        byte[] buffer = new byte[70_000];

        // when: the first byte, a middle slice at an offset, the last byte
        source.readFully(0, buffer, 0, 1);
        source.readFully(12_345, buffer, 10, 65_536);
        source.readFully(99_999, buffer, 69_999, 1);

        // then
        assertThat(source.size()).isEqualTo(100_000);
        assertThat(buffer[0]).isEqualTo(content[0]);
        assertThat(Arrays.copyOfRange(buffer, 10, 10 + 65_536)).isEqualTo(Arrays.copyOfRange(content, 12_345, 12_345 + 65_536));
        assertThat(buffer[69_999]).isEqualTo(content[99_999]);
    }

    @Test
    void readFully_bareETagAsInS3Events_readsAndPinsTheQuotedETag(TestS3 s3) throws Exception {
        // given: S3 event records carry the ETag without its quotes
        String quoted = put(s3, "uploads/event.ipa", bytes(1000));
        String bare = quoted.substring(1, quoted.length() - 1);
        S3ByteSource source = new S3ByteSource(s3.client(), s3.bucket(), "uploads/event.ipa", 1000, bare);
        byte[] buffer = new byte[10];

        // when
        source.readFully(990, buffer, 0, 10);

        // then
        assertThat(buffer).isEqualTo(Arrays.copyOfRange(bytes(1000), 990, 1000));
        assertThat(source.eTag()).isEqualTo(quoted);
    }

    @Test
    void readFully_objectOverwrittenBetweenReads_throwsObjectChanged(TestS3 s3) throws Exception {
        // given
        String first = put(s3, "uploads/overwritten.ipa", bytes(1000));
        S3ByteSource source = S3ByteSource.open(s3.client(), s3.bucket(), "uploads/overwritten.ipa");
        source.readFully(0, new byte[10], 0, 10);

        // when: a second upload of the same size lands under the same key
        byte[] second = bytes(1000);
        second[0] ^= 1;
        put(s3, "uploads/overwritten.ipa", second);

        // then
        assertThatThrownBy(() -> source.readFully(500, new byte[10], 0, 10))
                .isExactlyInstanceOf(ObjectChangedException.class)
                .hasMessage("s3://slipway-test/uploads/overwritten.ipa changed while being read: its ETag is no longer "
                        + first);
    }

    @Test
    void readFully_objectDeleted_throwsObjectChanged(TestS3 s3) throws Exception {
        // given
        put(s3, "uploads/deleted.ipa", bytes(1000));
        S3ByteSource source = S3ByteSource.open(s3.client(), s3.bucket(), "uploads/deleted.ipa");

        // when
        s3.client().deleteObject(b -> b.bucket(s3.bucket()).key("uploads/deleted.ipa"));

        // then
        assertThatThrownBy(() -> source.readFully(0, new byte[10], 0, 10))
                .isExactlyInstanceOf(ObjectChangedException.class)
                .hasMessage("s3://slipway-test/uploads/deleted.ipa no longer exists");
    }

    @Test
    void open_missingObject_throwsObjectChanged(TestS3 s3) {
        assertThatThrownBy(() -> S3ByteSource.open(s3.client(), s3.bucket(), "uploads/never-uploaded.ipa"))
                .isExactlyInstanceOf(ObjectChangedException.class)
                .hasMessage("s3://slipway-test/uploads/never-uploaded.ipa no longer exists");
    }

    @Test
    void readFully_pastTheEnd_throwsEofWithoutAsking(TestS3 s3) throws Exception {
        // given
        put(s3, "uploads/short.ipa", bytes(100));
        RequestLog log = new RequestLog();
        try (S3Client client = s3.clientBuilder().overrideConfiguration(o -> o.addExecutionInterceptor(log)).build()) {
            S3ByteSource source = S3ByteSource.open(client, s3.bucket(), "uploads/short.ipa");

            // when / then
            assertThatThrownBy(() -> source.readFully(95, new byte[10], 0, 10))
                    .isExactlyInstanceOf(EOFException.class)
                    .hasMessage("read of 10 bytes at 95 is past the end of s3://slipway-test/uploads/short.ipa (100 bytes)");
            assertThat(log.gets).isEmpty();
        }
    }

    @Test
    void readFully_wrongSecretKey_throwsTransientIOException(TestS3 s3) throws Exception {
        // given: size and ETag known from the event, so the first request is the GET
        String eTag = put(s3, "uploads/secret.ipa", bytes(100));
        try (S3Client client = s3.clientBuilder()
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(TestS3.IDENTITY, "wrong")))
                .build()) {
            S3ByteSource source = new S3ByteSource(client, s3.bucket(), "uploads/secret.ipa", 100, eTag);

            // when / then
            assertThatThrownBy(() -> source.readFully(0, new byte[10], 0, 10))
                    .isExactlyInstanceOf(IOException.class)
                    .hasMessage("GET bytes=0-9 of s3://slipway-test/uploads/secret.ipa failed: SignatureDoesNotMatch (HTTP 403)");
        }
    }

    @Test
    void open_unknownAccessKey_throwsTransientIOException(TestS3 s3) throws Exception {
        // given
        put(s3, "uploads/secret.ipa", bytes(100));
        try (S3Client client = s3.clientBuilder()
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("nobody", "wrong")))
                .build()) {

            // when / then: the error of a HEAD has no body, so no error code either
            assertThatThrownBy(() -> S3ByteSource.open(client, s3.bucket(), "uploads/secret.ipa"))
                    .isExactlyInstanceOf(IOException.class)
                    .hasMessage("HEAD s3://slipway-test/uploads/secret.ipa failed: HTTP 403 without an error code");
        }
    }

    @Test
    void readFully_serverUnreachable_throwsTransientIOException(TestS3 s3) throws Exception {
        // given: a port nothing listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (S3Client client = s3.clientBuilder().endpointOverride(URI.create("http://127.0.0.1:" + port)).build()) {
            S3ByteSource source = new S3ByteSource(client, s3.bucket(), "uploads/any.ipa", 100, "abc");

            // when / then
            assertThatThrownBy(() -> source.readFully(0, new byte[10], 0, 10))
                    .isExactlyInstanceOf(IOException.class)
                    .hasMessageStartingWith("GET bytes=0-9 of s3://slipway-test/uploads/any.ipa failed: Unable to execute HTTP request: ")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void readFully_serverIgnoresRange_throwsInsteadOfReturningTheWrongBytes(TestS3 s3) throws Exception {
        // given: the whole object comes back, starting with bytes that are not the ones asked for
        put(s3, "uploads/norange.ipa", bytes(100));
        try (S3Client client = s3.clientBuilder().overrideConfiguration(o -> o.addExecutionInterceptor(new DropRange())).build()) {
            S3ByteSource source = S3ByteSource.open(client, s3.bucket(), "uploads/norange.ipa");

            // when / then
            assertThatThrownBy(() -> source.readFully(50, new byte[10], 0, 10))
                    .isExactlyInstanceOf(IOException.class)
                    .hasMessage("GET bytes=50-59 of s3://slipway-test/uploads/norange.ipa returned more than 10 bytes");
        }
    }

    @Test
    void constructor_negativeSize_isRefused(TestS3 s3) {
        assertThatThrownBy(() -> new S3ByteSource(s3.client(), "b", "k", -1, "abc"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("negative size -1 for s3://b/k");
    }

    @Test
    void constructor_blankETag_isRefused(TestS3 s3) {
        assertThatThrownBy(() -> new S3ByteSource(s3.client(), "b", "k", 1, " "))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("no ETag for s3://b/k");
    }
}
