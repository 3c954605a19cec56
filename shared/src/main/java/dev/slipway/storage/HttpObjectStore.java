package dev.slipway.storage;

import dev.slipway.aws.AwsRequestException;
import dev.slipway.aws.CredentialsSource;
import dev.slipway.aws.Endpoints;
import dev.slipway.aws.JdkHttp;
import dev.slipway.aws.SdkCredentials;
import dev.slipway.aws.SignedHttp;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * A bucket through a few plain HTTP requests signed with SigV4 ({@link SignedHttp}): GET, ranged GET, ListObjectsV2, PUT, DELETE, and presigned GET and HEAD
 * URLs. No S3 client: building one (its endpoint rules, interceptors, XML protocol) cost the
 * install function most of its cold start, and its jars a third of its package.
 *
 * <p>As the SDK's client does: a missing key ({@code 404 NoSuchKey}) reads as empty, and any other
 * refusal throws {@link AwsRequestException} naming the status and S3's error code; 500 and 503
 * (SlowDown) are retried. Thread-safe.
 */
public final class HttpObjectStore implements ObjectStore, DownloadLinks {
    /** Where an S3-compatible endpoint is configured, as the SDK reads it. */
    public static final String ENDPOINT_S3 = "AWS_ENDPOINT_URL_S3";

    private final S3Address address;
    private final String bucket;
    private final SignedHttp http;

    HttpObjectStore(S3Address address, String bucket, SignedHttp http) {
        this.address = Objects.requireNonNull(address, "address");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * As a function finds its bucket: credentials from the SDK's default chain, requests
     * through the JDK's {@code HttpURLConnection} ({@link JdkHttp}); the bucket's AWS endpoint, or the one
     * {@value #ENDPOINT_S3} (or its system property, or the ones for every service,
     * {@link Endpoints#configured}) names, path style.
     *
     * @param region the function's region ({@code AWS_REGION})
     */
    public static HttpObjectStore fromEnvironment(Map<String, String> env, String region, String bucket) {
        return fromEnvironment(env, region, bucket, SdkCredentials.defaultChain());
    }

    /**
     * The same with these credentials: a function shares one source between its clients, so the
     * credentials resolved at initialisation (by the secret's read) are not resolved again on the
     * first request.
     */
    public static HttpObjectStore fromEnvironment(Map<String, String> env, String region, String bucket,
                                                  CredentialsSource credentials) {
        Optional<URI> endpoint = Endpoints.configured(env, ENDPOINT_S3, "aws.endpointUrlS3");
        return endpoint.isEmpty()
                ? inAws(region, bucket, credentials, new JdkHttp())
                : atEndpoint(endpoint.get(), region, bucket, credentials, new JdkHttp());
    }

    /** The bucket in AWS, virtual-hosted style (path style for a dotted name). */
    public static HttpObjectStore inAws(String region, String bucket, CredentialsSource credentials, SdkHttpClient http) {
        return new HttpObjectStore(S3Address.inAws(bucket, region), bucket,
                new SignedHttp("s3", region, credentials, http, SignedHttp.BACKOFF));
    }

    /** The bucket at an S3-compatible endpoint (the local stack, S3Proxy in tests), path style. */
    public static HttpObjectStore atEndpoint(URI endpoint, String region, String bucket, CredentialsSource credentials,
                                             SdkHttpClient http) {
        return new HttpObjectStore(S3Address.atEndpoint(endpoint, bucket), bucket,
                new SignedHttp("s3", region, credentials, http, SignedHttp.BACKOFF));
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return read(address.request(SdkHttpMethod.GET, key), key);
    }

    @Override
    public Optional<byte[]> getFirst(String key, int maxBytes) {
        return read(address.request(SdkHttpMethod.GET, key).putHeader("Range", "bytes=0-" + (maxBytes - 1)), key);
    }

    @Override
    public Optional<Tagged> getTagged(String key, Tagged known) {
        SdkHttpRequest.Builder request = address.request(SdkHttpMethod.GET, key);
        if (known != null) {
            request.putHeader("If-None-Match", known.eTag());
        }
        String what = "GET " + key;
        SignedHttp.Answer answer = http.send(request.build(), null, what);
        if (known != null && answer.status() == 304) {
            return Optional.of(known);
        }
        return present(answer, what).map(body -> new Tagged(body, answer.eTag()));
    }

    private Optional<byte[]> read(SdkHttpRequest.Builder request, String key) {
        String what = "GET " + key;
        return present(http.send(request.build(), null, what), what);
    }

    /** A GET's body, or empty for S3's NoSuchKey. */
    private static Optional<byte[]> present(SignedHttp.Answer answer, String what) {
        if (answer.status() == 404 && "NoSuchKey".equals(S3Xml.errorCode(answer.body()))) {
            return Optional.empty();
        }
        return Optional.of(require(answer, what));
    }

    @Override
    public Listing list(String prefix, String delimiter, int maxKeys, String continuationToken) {
        SdkHttpRequest.Builder request = address.request(SdkHttpMethod.GET, "")
                .putRawQueryParameter("list-type", "2")
                .putRawQueryParameter("encoding-type", "url")
                .putRawQueryParameter("prefix", prefix);
        if (delimiter != null) {
            request.putRawQueryParameter("delimiter", delimiter);
        }
        if (maxKeys > 0) {
            request.putRawQueryParameter("max-keys", String.valueOf(maxKeys));
        }
        if (continuationToken != null) {
            request.putRawQueryParameter("continuation-token", continuationToken);
        }
        String what = "LIST " + prefix;
        return S3Xml.listing(require(http.send(request.build(), null, what), what));
    }

    @Override
    public void put(String key, byte[] bytes, String contentType, String cacheControl) {
        String what = "PUT " + key;
        require(http.send(putRequest(key, bytes, contentType, cacheControl).build(), bytes, what), what);
    }

    @Override
    public boolean putIfUnchanged(String key, byte[] bytes, String contentType, String cacheControl, String eTag) {
        SdkHttpRequest.Builder request = putRequest(key, bytes, contentType, cacheControl);
        if (eTag == null) {
            request.putHeader("If-None-Match", "*");
        } else {
            request.putHeader("If-Match", eTag);
        }
        String what = "PUT " + key + (eTag == null ? " if absent" : " if " + eTag);
        SignedHttp.Answer answer = http.send(request.build(), bytes, what);
        if (answer.status() == 412 || answer.status() == 409
                || (answer.status() == 404 && "NoSuchKey".equals(S3Xml.errorCode(answer.body())))) {
            return false;
        }
        require(answer, what);
        return true;
    }

    private SdkHttpRequest.Builder putRequest(String key, byte[] bytes, String contentType, String cacheControl) {
        SdkHttpRequest.Builder request = address.request(SdkHttpMethod.PUT, key)
                .putHeader("Content-Type", contentType)
                .putHeader("Content-Length", String.valueOf(bytes.length));
        if (cacheControl != null) {
            request.putHeader("Cache-Control", cacheControl);
        }
        return request;
    }

    @Override
    public void delete(String key) {
        String what = "DELETE " + key;
        require(http.send(address.request(SdkHttpMethod.DELETE, key).build(), null, what), what);
    }

    @Override
    public URI presign(boolean head, Download download, Duration ttl) {
        SdkHttpRequest.Builder request = address.request(head ? SdkHttpMethod.HEAD : SdkHttpMethod.GET, download.key());
        if (download.versionId() != null) {
            request.putRawQueryParameter("versionId", download.versionId());
        }
        if (download.contentType() != null) {
            request.putRawQueryParameter("response-content-type", download.contentType());
        }
        if (download.contentDisposition() != null) {
            request.putRawQueryParameter("response-content-disposition", download.contentDisposition());
        }
        return http.presign(request.build(), ttl);
    }

    /** The body of a 2xx answer. */
    private static byte[] require(SignedHttp.Answer answer, String what) {
        if (!answer.ok()) {
            String code = S3Xml.errorCode(answer.body());
            throw new AwsRequestException("S3 refused " + what + ": " + answer.status() + (code.isEmpty() ? "" : " " + code));
        }
        return answer.body();
    }
}
