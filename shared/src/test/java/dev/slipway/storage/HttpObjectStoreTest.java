package dev.slipway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.aws.AwsRequestException;
import dev.slipway.aws.Credentials;
import dev.slipway.aws.CredentialsSource;
import dev.slipway.aws.SignedHttp;
import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.TestS3Extension;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The install function's store against S3Proxy, which checks every signature, header and presigned. */
@ExtendWith(TestS3Extension.class)
class HttpObjectStoreTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> fetch(URI url, String method) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static DownloadLinks.Download download(String key) {
        return new DownloadLinks.Download(key, null, "application/octet-stream", "attachment; filename=\"A & B.ipa\"");
    }

    @Test
    void presign_get_downloadsFromS3ProxyWithTheAskedHeaders(TestS3 s3) throws Exception {
        // given an object whose key needs encoding
        s3.store().put("presign/A & B+C é.ipa", "ipa bytes".getBytes(StandardCharsets.UTF_8), "application/zip", "no-store");

        // when
        URI url = s3.store().presign(false, download("presign/A & B+C é.ipa"), Duration.ofMinutes(5));
        HttpResponse<String> response = fetch(url, "GET");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ipa bytes");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(response.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"A & B.ipa\"");
        assertThat(url.getRawPath()).isEqualTo("/slipway-test/presign/A%20%26%20B%2BC%20%C3%A9.ipa");
    }

    @Test
    void presign_head_answersHeadAndRefusesGet(TestS3 s3) throws Exception {
        // given
        s3.store().put("presign/head.ipa", new byte[10], "application/zip", null);

        // when
        URI url = s3.store().presign(true, download("presign/head.ipa"), Duration.ofMinutes(5));

        // then
        assertThat(fetch(url, "HEAD").statusCode()).isEqualTo(200);
        assertThat(fetch(url, "GET").statusCode()).isEqualTo(403);
    }

    @Test
    void presign_tamperedUrl_isRefused(TestS3 s3) throws Exception {
        // given a URL for one object, its key then changed to another's
        s3.store().put("presign/mine.ipa", new byte[1], "application/zip", null);
        s3.store().put("presign/other.ipa", new byte[2], "application/zip", null);
        URI url = s3.store().presign(false, download("presign/mine.ipa"), Duration.ofMinutes(5));

        // when
        HttpResponse<String> tampered = fetch(URI.create(url.toString().replace("mine.ipa", "other.ipa")), "GET");
        HttpResponse<String> longer = fetch(URI.create(url.toString().replace("X-Amz-Expires=300", "X-Amz-Expires=3000")),
                "GET");

        // then
        assertThat(fetch(url, "GET").statusCode()).isEqualTo(200);
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(longer.statusCode()).isEqualTo(403);
    }

    @Test
    void get_missingKey_isEmpty_andGetFirstReadsOnlyTheStart(TestS3 s3) {
        // given
        s3.store().put("get/ten.bin", "0123456789".getBytes(StandardCharsets.US_ASCII), "application/octet-stream", null);

        // when / then
        assertThat(s3.store().get("get/absent.json")).isEmpty();
        assertThat(s3.store().getFirst("get/absent.json", 4)).isEmpty();
        assertThat(s3.store().get("get/ten.bin")).hasValueSatisfying(b -> assertThat(b).hasSize(10));
        assertThat(s3.store().getFirst("get/ten.bin", 4).map(b -> new String(b, StandardCharsets.US_ASCII))).contains("0123");
    }

    @Test
    void list_delimiterPagesAndOddKeys_matchTheSdksListing(TestS3 s3) {
        // given keys XML 1.0 and URLs find awkward, in two "folders"
        HttpObjectStore store = s3.store();
        List<String> keys = List.of("list/a/1 & <2>.json", "list/a/3+4.json", "list/b/é.json", "list/c.json");
        for (String key : keys) {
            store.put(key, new byte[0], "application/json", null);
        }
        SdkObjectStore sdk = new SdkObjectStore(s3.client(), s3.bucket());

        // when
        Listing grouped = store.list("list/", "/", 1000, null);
        Listing first = store.list("list/", null, 2, null);
        Listing second = store.list("list/", null, 2, first.nextContinuationToken());

        // then
        assertThat(grouped.keys()).containsExactly("list/c.json");
        assertThat(grouped.commonPrefixes()).containsExactly("list/a/", "list/b/");
        assertThat(grouped).isEqualTo(sdk.list("list/", "/", 1000, null));
        assertThat(first.truncated()).isTrue();
        assertThat(first.keys()).containsExactly(keys.get(0), keys.get(1));
        assertThat(second.keys()).containsExactly(keys.get(2), keys.get(3));
        assertThat(store.listAll("list/", 1)).containsExactlyElementsOf(keys);
    }

    @Test
    void delete_thenGet_isEmpty(TestS3 s3) {
        // given
        s3.store().put("delete/x.json", "{}".getBytes(StandardCharsets.UTF_8), "application/json", "no-store");

        // when
        s3.store().delete("delete/x.json");
        s3.store().delete("delete/never-there.json");

        // then
        assertThat(s3.store().get("delete/x.json")).isEmpty();
    }

    @Test
    void get_wrongCredentials_failsNamingTheStatusAndCode(TestS3 s3) {
        // given
        HttpObjectStore denied = HttpObjectStore.atEndpoint(s3.endpoint(), TestS3.REGION.id(), s3.bucket(),
                () -> new Credentials("x", "y", null), UrlConnectionHttpClient.create());

        // when / then
        assertThatThrownBy(() -> denied.get("get/ten.bin"))
                .isInstanceOf(AwsRequestException.class)
                .hasMessage("S3 refused GET get/ten.bin: 403 InvalidAccessKeyId");
    }

    @Test
    void get_503ThenOk_isRetried() {
        // given S3 slowing down once, then answering
        Canned http = new Canned(List.of(
                new Answer(503, "<Error><Code>SlowDown</Code></Error>", Optional.empty()),
                new Answer(200, "{}", Optional.empty())));
        HttpObjectStore store = store(http);

        // when
        Optional<byte[]> bytes = store.get("k.json");

        // then
        assertThat(bytes.map(b -> new String(b, StandardCharsets.UTF_8))).contains("{}");
        assertThat(http.sent.get()).isEqualTo(2);
    }

    @Test
    void get_500ThreeTimes_failsAfterThreeAttempts() {
        // given
        Canned http = new Canned(List.of(new Answer(500, "<Error><Code>InternalError</Code></Error>", Optional.empty()),
                new Answer(500, "<Error><Code>InternalError</Code></Error>", Optional.empty()),
                new Answer(500, "<Error><Code>InternalError</Code></Error>", Optional.empty())));

        // when / then
        assertThatThrownBy(() -> store(http).get("k.json")).isInstanceOf(AwsRequestException.class)
                .hasMessage("S3 refused GET k.json: 500 InternalError");
        assertThat(http.sent.get()).isEqualTo(3);
    }

    @Test
    void get_404OtherThanNoSuchKey_fails() {
        // given
        Canned http = new Canned(List.of(new Answer(404, "<Error><Code>NoSuchBucket</Code></Error>", Optional.empty())));

        // when / then
        assertThatThrownBy(() -> store(http).get("k.json")).isInstanceOf(AwsRequestException.class)
                .hasMessage("S3 refused GET k.json: 404 NoSuchBucket");
    }

    @Test
    void get_declaredLengthPastTheBound_isRefusedBeforeReading() {
        // given a body that claims a gigabyte
        Canned http = new Canned(List.of(new Answer(200, "{}", Optional.of("1073741824"))));

        // when / then
        assertThatThrownBy(() -> store(http).get("k.json")).isInstanceOf(AwsRequestException.class)
                .hasMessage("GET k.json: the answer declared 1073741824 bytes, more than " + SignedHttp.MAX_BODY_BYTES);
    }

    @Test
    void list_malformedXml_failsWithoutPrinting() {
        // given
        Canned http = new Canned(List.of(new Answer(200, "<ListBucketResult><Contents>", Optional.empty())));

        // when / then
        assertThatThrownBy(() -> store(http).list("p/", null, 0, null)).isInstanceOf(AwsRequestException.class)
                .hasMessageStartingWith("S3 answered with malformed XML: ");
    }

    @Test
    void inAws_bucketInTheHostName_andDottedBucketInThePath() {
        // given
        Canned http = new Canned(List.of(new Answer(200, "{}", Optional.empty()), new Answer(200, "{}", Optional.empty())));
        CredentialsSource credentials = () -> new Credentials("k", "s", null);

        // when
        HttpObjectStore.inAws("eu-west-3", "slipway-bucket", credentials, http).get("builds/a b.json");
        HttpObjectStore.inAws("eu-west-3", "slipway.bucket", credentials, http).get("builds/a b.json");

        // then
        assertThat(http.uris).containsExactly("https://slipway-bucket.s3.eu-west-3.amazonaws.com/builds/a%20b.json",
                "https://s3.eu-west-3.amazonaws.com/slipway.bucket/builds/a%20b.json");
    }

    private static HttpObjectStore store(SdkHttpClient http) {
        return new HttpObjectStore(S3Address.inAws("b", "us-east-1"), "b", new SignedHttp("s3", "us-east-1",
                () -> new Credentials("k", "s", null), http, Duration.ZERO));
    }

    private record Answer(int status, String body, Optional<String> declaredLength) {
    }

    /** Answers each request with the next canned answer, counting them and noting their URIs. */
    private static class Canned implements SdkHttpClient {
        final AtomicInteger sent = new AtomicInteger();
        final List<String> uris = new ArrayList<>();
        private final Deque<Answer> answers;

        Canned(List<Answer> answers) {
            this.answers = new ArrayDeque<>(answers);
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            sent.incrementAndGet();
            uris.add(request.httpRequest().getUri().toString());
            Answer answer = answers.remove();
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(answer.status());
                    answer.declaredLength().ifPresent(length -> response.putHeader("Content-Length", length));
                    return HttpExecuteResponse.builder().response(response.build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(
                                    answer.body().getBytes(StandardCharsets.UTF_8))))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
