package dev.slipway.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * The project's SigV4 against known answers (the AWS test suite's published example) and against
 * the SDK's own signer, request for request. S3Proxy checks real signatures in the store's tests.
 */
class SigV4Test {
    private static final Instant NOW = Instant.parse("2026-12-03T15:04:05Z");
    private static final AwsV4HttpSigner SDK = AwsV4HttpSigner.create();

    @Test
    void canonicalRequest_awsTestSuiteGetVanillaQuery_isTheSuitesText() {
        // given the suite's get-vanilla-query-order-key-case request (GET /?Param2=value2&Param1=value1)
        TreeMap<String, String> headers = new TreeMap<>(Map.of("host", "example.amazonaws.com", "x-amz-date", "20150830T123600Z"));

        // when
        String canonical = SigV4.canonicalRequest("GET", "/", SigV4.canonicalQuery(Map.of("Param2", List.of("value2"),
                "Param1", List.of("value1"))), headers, "host;x-amz-date",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

        // then
        assertThat(canonical).isEqualTo("GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\n"
                + "x-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void presign_awsTestSuiteGetVanilla_isTheSdkSignersUrl() {
        // given the suite's get-vanilla request, credentials and time, presigned (its header-signed form
        // signs no content hash header, which this signer always adds)
        SigV4 signer = new SigV4("service", "us-east-1");
        Credentials credentials = new Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("https")
                .host("example.amazonaws.com").encodedPath("/").build();

        // when
        URI url = signer.presign(request, credentials, Instant.parse("2015-08-30T12:36:00Z"), Duration.ofSeconds(3600));

        // then: a presigned URL for the same request, as the SDK's signer makes it
        assertSameUrl(url, sdkPresigned(request, "service", "us-east-1", AwsBasicCredentials.create("AKIDEXAMPLE",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), Instant.parse("2015-08-30T12:36:00Z"), Duration.ofSeconds(3600)));
    }

    @Test
    void amzDate_isUtcWithoutSeparators() {
        assertThat(SigV4.amzDate(Instant.parse("2026-01-02T03:04:05.678Z"))).isEqualTo("20260102T030405Z");
    }

    @Test
    void sign_s3PutWithHeadersAndSessionToken_matchesTheSdkSigner() {
        // given a conditional PUT of a key needing encoding, with temporary credentials
        byte[] body = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.PUT).protocol("https")
                .host("bucket.s3.eu-west-3.amazonaws.com").encodedPath("/apps/a%20b/index%2B1.json")
                .putHeader("Content-Type", "application/json").putHeader("Content-Length", String.valueOf(body.length))
                .putHeader("If-None-Match", "*").putHeader("Cache-Control", "no-store,  max-age=0 ").build();

        // when
        SdkHttpRequest ours = new SigV4("s3", "eu-west-3").sign(request, body, new Credentials("AKID", "secret", "token=="), NOW);
        SdkHttpRequest theirs = sdkSigned(request, body, "s3", "eu-west-3", AwsSessionCredentials.create("AKID", "secret", "token=="));

        // then
        assertThat(ours.firstMatchingHeader("Authorization")).isEqualTo(theirs.firstMatchingHeader("Authorization"));
        assertThat(ours.firstMatchingHeader("X-Amz-Security-Token")).contains("token==");
    }

    @Test
    void sign_oneSignerAcrossSecretsAndDays_matchesTheSdkSignerEachTime() {
        // given one signer (it keeps the key it derived last), used with two secrets and on two days
        SigV4 signer = new SigV4("s3", "us-east-1");
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("https")
                .host("bucket.s3.us-east-1.amazonaws.com").encodedPath("/apps/index.json").build();
        java.util.List<String> secrets = List.of("secret", "secret", "rotated", "secret");
        java.util.List<Instant> days = List.of(NOW, NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), NOW);

        for (int i = 0; i < secrets.size(); i++) {
            // when
            SdkHttpRequest ours = signer.sign(request, null, new Credentials("AKID", secrets.get(i), null), days.get(i));
            SdkHttpRequest theirs = sdkSigned(request, null, "s3", "us-east-1", AwsBasicCredentials.create("AKID",
                    secrets.get(i)), days.get(i));

            // then
            assertThat(ours.firstMatchingHeader("Authorization")).as("request %d", i)
                    .isEqualTo(theirs.firstMatchingHeader("Authorization"));
        }
    }

    @Test
    void sign_listingWithQueryAtAPortedEndpoint_matchesTheSdkSigner() {
        // given a ListObjectsV2 at a local endpoint (the port is part of the signed host)
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("http").host("127.0.0.1")
                .port(9000).encodedPath("/bucket/").putRawQueryParameter("list-type", "2")
                .putRawQueryParameter("prefix", "apps/dev.slipway a+b/").putRawQueryParameter("encoding-type", "url")
                .putRawQueryParameter("continuation-token", "1/abc=").build();

        // when
        SdkHttpRequest ours = new SigV4("s3", "us-east-1").sign(request, null, new Credentials("AKID", "secret", null), NOW);
        SdkHttpRequest theirs = sdkSigned(request, null, "s3", "us-east-1", AwsBasicCredentials.create("AKID", "secret"));

        // then
        assertThat(ours.firstMatchingHeader("Authorization")).isEqualTo(theirs.firstMatchingHeader("Authorization"));
    }

    @Test
    void sign_secretsManagerPost_matchesTheSdkSigner() {
        byte[] body = "{\"SecretId\":\"arn:aws:secretsmanager:eu-west-1:1:secret:k\"}".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).protocol("https")
                .host("secretsmanager.eu-west-1.amazonaws.com").encodedPath("/")
                .putHeader("X-Amz-Target", "secretsmanager.GetSecretValue")
                .putHeader("Content-Type", "application/x-amz-json-1.1").build();

        SdkHttpRequest ours = new SigV4("secretsmanager", "eu-west-1").sign(request, body,
                new Credentials("AKID", "secret", "tok"), NOW);
        SdkHttpRequest theirs = sdkSigned(request, body, "secretsmanager", "eu-west-1",
                AwsSessionCredentials.create("AKID", "secret", "tok"));

        assertThat(ours.firstMatchingHeader("Authorization")).isEqualTo(theirs.firstMatchingHeader("Authorization"));
    }

    @Test
    void presign_getWithResponseOverridesAndSessionToken_isTheSdkSignersUrl() {
        // given a download's GET with the response headers S3 is asked to send
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("https")
                .host("bucket.s3.us-east-1.amazonaws.com").encodedPath("/builds/x/A%20%26%20B.ipa")
                .putRawQueryParameter("response-content-disposition", "attachment; filename=\"A & B.ipa\"")
                .putRawQueryParameter("response-content-type", "application/octet-stream")
                .putRawQueryParameter("versionId", "3/L4kqtJl40Nr8X8gdRQBpUMLUo").build();

        // when
        URI ours = new SigV4("s3", "us-east-1").presign(request, new Credentials("AKID", "secret", "tok/en+="), NOW,
                Duration.ofMinutes(10));

        // then
        assertSameUrl(ours, sdkPresigned(request, "s3", "us-east-1", AwsSessionCredentials.create("AKID", "secret",
                "tok/en+="), NOW, Duration.ofMinutes(10)));
    }

    @Test
    void presign_ttlPastSevenDays_isRefused() {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("https").host("h").encodedPath("/k")
                .build();

        assertThatThrownBy(() -> new SigV4("s3", "us-east-1").presign(request, new Credentials("a", "b", null), NOW,
                Duration.ofDays(8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a presigned URL lives 1 second to 7 days, not PT192H");
    }

    /** The same URL, its query parameters in any order (the SDK's follow its insertion order, these are sorted). */
    private static void assertSameUrl(URI actual, URI expected) {
        assertThat(actual.getRawPath()).isEqualTo(expected.getRawPath());
        assertThat(actual.getHost()).isEqualTo(expected.getHost());
        assertThat(actual.getRawQuery().split("&")).containsExactlyInAnyOrder(expected.getRawQuery().split("&"));
    }

    private static SdkHttpRequest sdkSigned(SdkHttpRequest request, byte[] body, String service, String region,
                                            AwsCredentials credentials) {
        return sdkSigned(request, body, service, region, credentials, NOW);
    }

    private static SdkHttpRequest sdkSigned(SdkHttpRequest request, byte[] body, String service, String region,
                                            AwsCredentials credentials, Instant now) {
        return SDK.sign(r -> r.identity(credentials).request(request)
                .payload(body == null ? null : ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4FamilyHttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC))).request();
    }

    private static URI sdkPresigned(SdkHttpRequest request, String service, String region, AwsCredentials credentials,
                                    Instant now, Duration ttl) {
        return SDK.sign(r -> r.identity(credentials).request(request)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, ttl)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4FamilyHttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC))).request().getUri();
    }
}
