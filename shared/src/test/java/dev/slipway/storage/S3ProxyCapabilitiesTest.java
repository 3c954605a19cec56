package dev.slipway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.TestS3Extension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;

/**
 * What S3Proxy 4.1 over {@code transient-nio2} really does, through the SDK and through plain
 * HTTP, for the S3 features the ingest and install code rely on. Each test pins observed
 * behaviour; where S3Proxy differs from AWS the comment says what the code must not assume.
 */
@ExtendWith(TestS3Extension.class)
class S3ProxyCapabilitiesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static PutObjectResponse put(TestS3 s3, String key, String content) {
        return s3.client().putObject(b -> b.bucket(s3.bucket()).key(key), RequestBody.fromString(content));
    }

    private static URI presignedGet(TestS3 s3, String key, Duration duration) throws Exception {
        return s3.presigner().presignGetObject(p -> p.signatureDuration(duration)
                .getObjectRequest(g -> g.bucket(s3.bucket()).key(key))).url().toURI();
    }

    /**
     * A GET URL presigned as {@link #presignedGet} presigns it (SigV4 in the query string, payload
     * unsigned), but by a clock fixed at {@code signedAt}: an expired URL without waiting for it to expire.
     */
    private static URI presignedGetSignedAt(TestS3 s3, String key, Instant signedAt, Duration duration) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create(s3.endpoint() + "/" + s3.bucket() + "/" + key)).build();
        return AwsV4HttpSigner.create().sign(r -> r.identity(s3.credentials().resolveCredentials()).request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, TestS3.REGION.id())
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, duration)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC))).request().getUri();
    }

    private static URI presignedHead(TestS3 s3, String key) throws Exception {
        return s3.presigner().presignHeadObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .headObjectRequest(h -> h.bucket(s3.bucket()).key(key))).url().toURI();
    }

    private static HttpResponse<String> send(String method, URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code <Code>} of an S3 XML error body. */
    private static String errorCode(String body) {
        int start = body.indexOf("<Code>");
        return start < 0 ? "no code in: " + body : body.substring(start + 6, body.indexOf("</Code>", start));
    }

    private static List<String> keys(ListObjectsV2Response listing) {
        return listing.contents().stream().map(S3Object::key).toList();
    }

    /** The call fails with this HTTP status and S3 error code, and leaves no object at {@code key}. */
    private static void assertRefusedStoringNothing(TestS3 s3, ThrowingCallable call, int status, String errorCode,
            String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
        });
        assertThatThrownBy(() -> s3.client().headObject(b -> b.bucket(s3.bucket()).key(key)))
                .isInstanceOf(NoSuchKeyException.class);
    }

    private static S3Client withoutRetries(TestS3 s3) {
        return s3.clientBuilder().overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    // Presigned URLs, fetched the way Safari and iOS's installer fetch them: plain HTTP, no SDK.

    @Test
    void presignedGet_fetchedWithHttpClient_returnsTheBytes(TestS3 s3) throws Exception {
        // given
        put(s3, "presign/get.ipa", "the ipa bytes");

        // when
        HttpResponse<String> response = send("GET", presignedGet(s3, "presign/get.ipa", Duration.ofMinutes(5)));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("the ipa bytes");
        assertThat(response.headers().firstValue("Content-Length")).hasValue("13");
    }

    @Test
    void presignedHead_usedForHead_returnsTheHeadersWithoutBody(TestS3 s3) throws Exception {
        // given
        String eTag = put(s3, "presign/head.ipa", "the ipa bytes").eTag();

        // when
        HttpResponse<String> response = send("HEAD", presignedHead(s3, "presign/head.ipa"));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("13");
        assertThat(response.headers().firstValue("ETag")).hasValue(eTag);
    }

    @Test
    void presignedGet_usedForHead_isRefused(TestS3 s3) throws Exception {
        // given: the method is part of what is signed, so the install function redirects GET and
        // HEAD to URLs presigned for each
        put(s3, "presign/get-as-head.ipa", "x");

        // when
        HttpResponse<String> response = send("HEAD", presignedGet(s3, "presign/get-as-head.ipa", Duration.ofMinutes(5)));

        // then: a HEAD response has no body, so no error code either
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void presignedHead_usedForGet_isRefusedAsSignatureMismatch(TestS3 s3) throws Exception {
        // given
        put(s3, "presign/head-as-get.ipa", "x");

        // when
        HttpResponse<String> response = send("GET", presignedHead(s3, "presign/head-as-get.ipa"));

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorCode(response.body())).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void presignedGet_tamperedSignature_isRefused(TestS3 s3) throws Exception {
        // given: one hex digit of the signature changed
        put(s3, "presign/tampered.ipa", "x");
        String url = presignedGet(s3, "presign/tampered.ipa", Duration.ofMinutes(5)).toString();
        int digit = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        char tampered = url.charAt(digit) == '0' ? '1' : '0';
        URI forged = URI.create(url.substring(0, digit) + tampered + url.substring(digit + 1));

        // when
        HttpResponse<String> response = send("GET", forged);

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorCode(response.body())).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void presignedGet_signedNowWithAClock_returnsTheBytes(TestS3 s3) throws Exception {
        // given a URL signed as the next test signs it, but by the clock of now
        put(s3, "presign/clocked.ipa", "x");
        URI url = presignedGetSignedAt(s3, "presign/clocked.ipa", Instant.now(), Duration.ofMinutes(5));

        // when
        HttpResponse<String> response = send("GET", url);

        // then only its signing time can make the next test's URL fail
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("x");
    }

    @Test
    void presignedGet_pastItsExpiry_isRefusedAsExpired(TestS3 s3) throws Exception {
        // given a URL valid for one second, signed ten minutes ago
        put(s3, "presign/expired.ipa", "x");
        URI url = presignedGetSignedAt(s3, "presign/expired.ipa", Instant.now().minus(Duration.ofMinutes(10)),
                Duration.ofSeconds(1));

        // when
        HttpResponse<String> response = send("GET", url);

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorCode(response.body())).isEqualTo("AccessDenied");
        assertThat(response.body()).contains("<Message>Request has expired</Message>");
    }

    @Test
    void presignedGet_responseHeaderOverrides_areHonoured(TestS3 s3) throws Exception {
        // given: stored as text/plain, to be served as a download with a file name
        s3.client().putObject(b -> b.bucket(s3.bucket()).key("presign/override.ipa").contentType("text/plain"),
                RequestBody.fromString("x"));
        URI url = s3.presigner().presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket(s3.bucket()).key("presign/override.ipa")
                        .responseContentDisposition("attachment; filename=\"My App 1.0.ipa\"")
                        .responseContentType("application/octet-stream"))).url().toURI();

        // when
        HttpResponse<String> response = send("GET", url);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"My App 1.0.ipa\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    }

    @Test
    void presignedGet_withRangeHeader_returnsPartialContent(TestS3 s3) throws Exception {
        // given: Range is not a signed header, so a client may resume a download
        put(s3, "presign/range.ipa", "0123456789");

        // when
        HttpResponse<String> response = send("GET", presignedGet(s3, "presign/range.ipa", Duration.ofMinutes(5)),
                "Range", "bytes=2-4");

        // then
        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 2-4/10");
        assertThat(response.body()).isEqualTo("234");
    }

    @Test
    void presignedGet_keyWithSpacePlusAndNonAscii_isFetched(TestS3 s3) throws Exception {
        // given: names as people give their builds
        String key = "presign/Café + Bar (1).ipa";
        put(s3, key, "x");

        // when
        URI url = presignedGet(s3, key, Duration.ofMinutes(5));
        HttpResponse<String> response = send("GET", url);

        // then
        assertThat(url.getRawPath()).isEqualTo("/slipway-test/presign/Caf%C3%A9%20%2B%20Bar%20%281%29.ipa");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("x");
    }

    // Conditional requests.

    @Test
    void getObject_ifMatchWrongETag_failsWith412(TestS3 s3) {
        // given
        put(s3, "conditional/get.ipa", "x");

        // when / then
        assertThatThrownBy(() -> s3.client().getObjectAsBytes(b -> b.bucket(s3.bucket()).key("conditional/get.ipa")
                .ifMatch("\"0123456789abcdef0123456789abcdef\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
                });
    }

    @Test
    void getObject_ifMatchBareETag_isAccepted(TestS3 s3) {
        // given: S3 events carry ETags without quotes; S3ByteSource quotes them anyway, as HTTP wants
        String quoted = put(s3, "conditional/bare.ipa", "0123456789").eTag();
        String bare = quoted.substring(1, quoted.length() - 1);

        // when
        String read = s3.client().getObjectAsBytes(b -> b.bucket(s3.bucket()).key("conditional/bare.ipa")
                .range("bytes=2-4").ifMatch(bare)).asUtf8String();

        // then
        assertThat(read).isEqualTo("234");
    }

    @Test
    void getObject_ifMatchOnDeletedObject_failsWith404NotWith412(TestS3 s3) {
        // given
        String eTag = put(s3, "conditional/deleted.ipa", "x").eTag();
        s3.client().deleteObject(b -> b.bucket(s3.bucket()).key("conditional/deleted.ipa"));

        // when / then
        assertThatThrownBy(() -> s3.client().getObjectAsBytes(b -> b.bucket(s3.bucket()).key("conditional/deleted.ipa")
                .ifMatch(eTag)))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                });
    }

    @Test
    void getObject_rangePastTheEnd_isClippedNotRefused(TestS3 s3) {
        // given: as on AWS, which is why S3ByteSource checks the length it gets
        put(s3, "conditional/clipped.ipa", "0123456789");

        // when
        String read = s3.client().getObjectAsBytes(b -> b.bucket(s3.bucket()).key("conditional/clipped.ipa")
                .range("bytes=8-20")).asUtf8String();

        // then
        assertThat(read).isEqualTo("89");
    }

    @Test
    void copyObject_copySourceIfMatch_copiesOnlyTheVersionNamed(TestS3 s3) {
        // given
        String eTag = put(s3, "copy/source.ipa", "source").eTag();

        // when
        String copied = s3.client().copyObject(b -> b.sourceBucket(s3.bucket()).sourceKey("copy/source.ipa")
                .destinationBucket(s3.bucket()).destinationKey("copy/matched.ipa").copySourceIfMatch(eTag))
                .copyObjectResult().eTag();

        // then
        assertThat(copied).isEqualTo(eTag);
        assertThat(s3.client().getObjectAsBytes(b -> b.bucket(s3.bucket()).key("copy/matched.ipa")).asUtf8String())
                .isEqualTo("source");
        assertRefusedStoringNothing(s3, () -> s3.client().copyObject(b -> b.sourceBucket(s3.bucket())
                .sourceKey("copy/source.ipa").destinationBucket(s3.bucket()).destinationKey("copy/stale.ipa")
                .copySourceIfMatch("\"0123456789abcdef0123456789abcdef\"")), 412, "PreconditionFailed", "copy/stale.ipa");
    }

    @Test
    void uploadPartCopy_byteRanges_assembleACopyWithAMultipartETag(TestS3 s3) {
        // given: 6 MiB, copied as a 5 MiB part (the minimum for all but the last) and a 1 MiB part
        byte[] content = new byte[6 * 1024 * 1024];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i % 251);
        }
        s3.client().putObject(b -> b.bucket(s3.bucket()).key("copy/big.ipa"), RequestBody.fromBytes(content));
        String upload = s3.client().createMultipartUpload(b -> b.bucket(s3.bucket()).key("copy/big-copy.ipa")).uploadId();

        // when
        UploadPartCopyResponse first = s3.client().uploadPartCopy(b -> b.sourceBucket(s3.bucket()).sourceKey("copy/big.ipa")
                .destinationBucket(s3.bucket()).destinationKey("copy/big-copy.ipa").uploadId(upload).partNumber(1)
                .copySourceRange("bytes=0-5242879"));
        UploadPartCopyResponse second = s3.client().uploadPartCopy(b -> b.sourceBucket(s3.bucket()).sourceKey("copy/big.ipa")
                .destinationBucket(s3.bucket()).destinationKey("copy/big-copy.ipa").uploadId(upload).partNumber(2)
                .copySourceRange("bytes=5242880-6291455"));
        String eTag = s3.client().completeMultipartUpload(b -> b.bucket(s3.bucket()).key("copy/big-copy.ipa").uploadId(upload)
                .multipartUpload(m -> m.parts(
                        CompletedPart.builder().partNumber(1).eTag(first.copyPartResult().eTag()).build(),
                        CompletedPart.builder().partNumber(2).eTag(second.copyPartResult().eTag()).build()))).eTag();

        // then
        byte[] copy = s3.client().getObjectAsBytes(b -> b.bucket(s3.bucket()).key("copy/big-copy.ipa")).asByteArray();
        assertThat(Arrays.equals(copy, content)).isTrue();
        assertThat(eTag).matches("\"[0-9a-f]{32}-2\"");
    }

    @Test
    void putObject_ifNoneMatchStar_createsOnlyWhenAbsent(TestS3 s3) {
        // given
        put(s3, "conditional/existing.ipa", "first");

        // when
        s3.client().putObject(b -> b.bucket(s3.bucket()).key("conditional/created.ipa").ifNoneMatch("*"),
                RequestBody.fromString("created"));

        // then
        assertThat(s3.client().getObjectAsBytes(b -> b.bucket(s3.bucket()).key("conditional/created.ipa")).asUtf8String())
                .isEqualTo("created");
        assertThatThrownBy(() -> s3.client().putObject(b -> b.bucket(s3.bucket()).key("conditional/existing.ipa")
                .ifNoneMatch("*"), RequestBody.fromString("second")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
                });
        assertThat(s3.client().getObjectAsBytes(b -> b.bucket(s3.bucket()).key("conditional/existing.ipa")).asUtf8String())
                .isEqualTo("first");
    }

    @Test
    void putObject_ifMatch_overwritesOnlyTheVersionRead(TestS3 s3) {
        // given: read-modify-write of an index, as two concurrent ingests would do it
        String read = put(s3, "conditional/index.json", "v1").eTag();
        s3.client().putObject(b -> b.bucket(s3.bucket()).key("conditional/index.json").ifMatch(read),
                RequestBody.fromString("v2"));

        // when / then: the second writer still holds the first ETag
        assertThatThrownBy(() -> s3.client().putObject(b -> b.bucket(s3.bucket()).key("conditional/index.json")
                .ifMatch(read), RequestBody.fromString("v2 from a stale read")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(s3.client().getObjectAsBytes(b -> b.bucket(s3.bucket()).key("conditional/index.json")).asUtf8String())
                .isEqualTo("v2");
    }

    @Test
    void putObject_plainBodies_conditionalWritesAnswerCleanlyEveryTime(TestS3 s3) {
        // given: TestS3's client sends plain bodies. With the SDK's default aws-chunked bodies,
        // S3Proxy answered before reading the last bytes and closed the connection: measured here
        // without retries, 16 % of creates, 19 % of refusals and 50 % of empty-body refusals failed
        // on the client side ("Error writing request body to server"), the creates after the object
        // was written. Plain bodies: none in 600.
        int refused = 0;
        try (S3Client client = withoutRetries(s3)) {

            // when
            for (int i = 0; i < 50; i++) {
                String key = "plain/" + i;
                client.putObject(b -> b.bucket(s3.bucket()).key(key).ifNoneMatch("*"), RequestBody.fromString("created"));
                try {
                    client.putObject(b -> b.bucket(s3.bucket()).key(key).ifNoneMatch("*"), RequestBody.fromString("again"));
                } catch (S3Exception e) {
                    refused += e.statusCode() == 412 ? 1 : 0;
                }
            }
        }

        // then
        assertThat(refused).isEqualTo(50);
    }

    // ETags and errors.

    @Test
    void eTag_singlePartPut_isTheQuotedMd5OfTheBytesEverywhere(TestS3 s3) throws Exception {
        // given
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest("etag".getBytes(StandardCharsets.UTF_8)));

        // when
        String fromPut = put(s3, "etag/a.ipa", "etag").eTag();
        String fromHead = s3.client().headObject(b -> b.bucket(s3.bucket()).key("etag/a.ipa")).eTag();
        String fromList = s3.client().listObjectsV2(b -> b.bucket(s3.bucket()).prefix("etag/")).contents().get(0).eTag();

        // then
        assertThat(List.of(fromPut, fromHead, fromList)).containsOnly("\"" + md5 + "\"");
    }

    @Test
    void headObject_missingKey_is404NoSuchKey(TestS3 s3) {
        assertThatThrownBy(() -> s3.client().headObject(b -> b.bucket(s3.bucket()).key("errors/missing.ipa")))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void getObject_badCredentials_are403WithDistinctCodes(TestS3 s3) {
        // given
        put(s3, "errors/secret.ipa", "x");
        S3Client wrongSecret = s3.clientBuilder()
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(TestS3.IDENTITY, "wrong")))
                .build();
        S3Client unknownKey = s3.clientBuilder()
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("nobody", "wrong")))
                .build();

        // when / then
        try (wrongSecret; unknownKey) {
            assertThatThrownBy(() -> wrongSecret.getObjectAsBytes(b -> b.bucket(s3.bucket()).key("errors/secret.ipa")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                    });
            assertThatThrownBy(() -> unknownKey.getObjectAsBytes(b -> b.bucket(s3.bucket()).key("errors/secret.ipa")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId");
                    });
        }
    }

    // Listing.

    @Test
    void listObjectsV2_prefixAndDelimiter_giveKeysAndCommonPrefixes(TestS3 s3) {
        // given
        for (String key : List.of("list/apps/a/index.json", "list/apps/b/index.json", "list/apps/readme.txt", "list/other.txt")) {
            put(s3, key, key);
        }

        // when
        ListObjectsV2Response listing = s3.client().listObjectsV2(b -> b.bucket(s3.bucket()).prefix("list/apps/").delimiter("/"));

        // then
        assertThat(keys(listing)).containsExactly("list/apps/readme.txt");
        assertThat(listing.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("list/apps/a/", "list/apps/b/");
        assertThat(listing.keyCount()).isEqualTo(3);
    }

    @Test
    void listObjectsV2_startAfter_listsOnlyLaterKeys(TestS3 s3) {
        // given
        for (String key : List.of("after/1", "after/2", "after/3", "after/4")) {
            put(s3, key, key);
        }

        // when
        ListObjectsV2Response listing = s3.client().listObjectsV2(b -> b.bucket(s3.bucket()).prefix("after/").startAfter("after/2"));

        // then
        assertThat(keys(listing)).containsExactly("after/3", "after/4");
    }

    @Test
    void listObjectsV2_maxKeys_pagesWithContinuationTokens(TestS3 s3) {
        // given
        for (String key : List.of("page/a", "page/b", "page/c")) {
            put(s3, key, key);
        }

        // when
        ListObjectsV2Response first = s3.client().listObjectsV2(b -> b.bucket(s3.bucket()).prefix("page/").maxKeys(2));
        ListObjectsV2Response second = s3.client().listObjectsV2(b -> b.bucket(s3.bucket()).prefix("page/").maxKeys(2)
                .continuationToken(first.nextContinuationToken()));

        // then
        assertThat(keys(first)).containsExactly("page/a", "page/b");
        assertThat(first.isTruncated()).isTrue();
        assertThat(keys(second)).containsExactly("page/c");
        assertThat(second.isTruncated()).isFalse();
    }

    @Test
    void listObjectsV2_order_isJavaStringOrderNotAwsUtf8ByteOrder(TestS3 s3) {
        // given: AWS lists in UTF-8 byte order, where the emoji (F0 9F..) follows U+FF5E (EF BD 9E);
        // S3Proxy compares Java strings, UTF-16 units, where the emoji's surrogate D83D comes first.
        // The two orders agree below U+D800 (all ASCII keys); beyond, the code sorts for itself.
        List<String> written = List.of("order/\uFF5E", "order/\uD83D\uDE00", "order/~", "order/é", "order/Z", "order/a",
                "order/ ", "order/+");
        for (String key : written) {
            put(s3, key, "x");
        }

        // when
        List<String> listed = keys(s3.client().listObjectsV2(b -> b.bucket(s3.bucket()).prefix("order/")));

        // then
        assertThat(listed).containsExactly("order/ ", "order/+", "order/Z", "order/a", "order/~", "order/é",
                "order/\uD83D\uDE00", "order/\uFF5E");
    }

    // User metadata.

    @Test
    void userMetadata_asciiValues_roundTripWithLowerCaseNamesAndTrimmedValues(TestS3 s3) {
        // given
        s3.client().putObject(b -> b.bucket(s3.bucket()).key("meta/ascii.ipa")
                .metadata(Map.of("Bundle-Id", "com.example.app", "note", "  two  spaces  ")), RequestBody.fromString("x"));

        // when
        Map<String, String> metadata = s3.client().headObject(b -> b.bucket(s3.bucket()).key("meta/ascii.ipa")).metadata();

        // then
        assertThat(metadata).containsExactlyInAnyOrderEntriesOf(Map.of("bundle-id", "com.example.app", "note", "two  spaces"));
    }

    @Test
    void userMetadata_nonAsciiValue_isRefusedAsSignatureMismatch(TestS3 s3) {
        // when / then: the code must put only ASCII in metadata (app names belong in the JSON record)
        assertRefusedStoringNothing(s3, () -> s3.client().putObject(b -> b.bucket(s3.bucket()).key("meta/utf8.ipa")
                .metadata(Map.of("name", "Café")), RequestBody.fromString("x")), 403, "SignatureDoesNotMatch",
                "meta/utf8.ipa");
    }

    @Test
    void userMetadata_rfc2047EncodedValue_isStoredVerbatim(TestS3 s3) {
        // given: AWS decodes such values on the way in and re-encodes them on the way out; S3Proxy
        // stores the text as given, so the code must decode what it encodes itself
        String encoded = "=?UTF-8?B?Q2Fmw6k=?=";
        s3.client().putObject(b -> b.bucket(s3.bucket()).key("meta/encoded.ipa").metadata(Map.of("name", encoded)),
                RequestBody.fromString("x"));

        // when
        Map<String, String> metadata = s3.client().headObject(b -> b.bucket(s3.bucket()).key("meta/encoded.ipa")).metadata();

        // then
        assertThat(metadata).containsEntry("name", encoded);
    }

    // Versioning.

    @Test
    void versioning_unversionedBucket_putsReturnNoVersionId(TestS3 s3) {
        assertThat(put(s3, "versions/plain.ipa", "x").versionId()).isNull();
    }

    @Test
    void versioning_enabled_putsGetVersionIdsAndOldVersionsStayReadable(TestS3 s3) {
        // given: a bucket of its own, so the other tests keep an unversioned one
        s3.client().createBucket(b -> b.bucket("slipway-versioned"));
        s3.client().putBucketVersioning(b -> b.bucket("slipway-versioned")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));

        // when
        String v1 = s3.client().putObject(b -> b.bucket("slipway-versioned").key("app.ipa"), RequestBody.fromString("one"))
                .versionId();
        String v2 = s3.client().putObject(b -> b.bucket("slipway-versioned").key("app.ipa"), RequestBody.fromString("two"))
                .versionId();

        // then
        assertThat(s3.client().getBucketVersioning(b -> b.bucket("slipway-versioned")).status())
                .isEqualTo(BucketVersioningStatus.ENABLED);
        assertThat(v1).isNotBlank().isNotEqualTo(v2);
        assertThat(s3.client().getObjectAsBytes(b -> b.bucket("slipway-versioned").key("app.ipa").versionId(v1)).asUtf8String())
                .isEqualTo("one");
        assertThat(s3.client().getObjectAsBytes(b -> b.bucket("slipway-versioned").key("app.ipa")).asUtf8String())
                .isEqualTo("two");
        assertThat(s3.client().listObjectVersions(b -> b.bucket("slipway-versioned")).versions())
                .extracting(ObjectVersion::versionId, ObjectVersion::isLatest)
                .containsExactlyInAnyOrder(tuple(v2, true), tuple(v1, false));
    }

    // Where the file-system back end is not S3.

    @Test
    void putObject_keyThatIsAlsoAPrefix_failsWith500EitherWay(TestS3 s3) {
        // given: AWS holds "a" and "a/b" side by side; a file system cannot be both file and folder,
        // so the layout must never make a key the prefix of another
        put(s3, "clash/file", "x");
        put(s3, "clash/folder/child", "x");

        // when / then
        try (S3Client client = withoutRetries(s3)) {
            assertThatThrownBy(() -> client.putObject(b -> b.bucket(s3.bucket()).key("clash/file/child"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
                    });
            assertThatThrownBy(() -> client.putObject(b -> b.bucket(s3.bucket()).key("clash/folder"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        }
    }

    @Test
    void putObject_dotSegmentsAndDoubleSlashes_areNormalisedAway(TestS3 s3) {
        // given: distinct keys on AWS; never build keys from unchecked path segments
        put(s3, "dots/./a", "x");
        put(s3, "dots//b", "x");

        // when
        List<String> listed = keys(s3.client().listObjectsV2(b -> b.bucket(s3.bucket()).prefix("dots/")));

        // then
        assertThat(listed).containsExactly("dots/a", "dots/b");
    }
}
