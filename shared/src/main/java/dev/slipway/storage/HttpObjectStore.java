package dev.slipway.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A bucket through a few plain HTTP requests signed with the SDK's own SigV4 signer: GET, ranged
 * GET, ListObjectsV2, PUT, DELETE, and presigned GET and HEAD URLs. No S3 client: building one
 * (its endpoint rules, interceptors, XML protocol) cost the install function most of its cold
 * start, and its jars a third of its package.
 *
 * <p>As the SDK's client does: a missing key ({@code 404 NoSuchKey}) reads as empty, 500 and 503
 * (SlowDown) and I/O faults are retried twice with a short back-off, and credentials come from a
 * provider that refreshes them (in Lambda, the SDK's default chain: the function's environment, or
 * SnapStart's container endpoint). Unlike it, every body is bounded ({@link #MAX_BODY_BYTES}) before
 * it is read into memory. Thread-safe.
 */
public final class HttpObjectStore implements ObjectStore, DownloadLinks {
    /** The largest body read: a listing of 1,000 keys of S3's maximum length fits, and records are kilobytes. */
    public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    /** Where an S3-compatible endpoint is configured (as the SDK reads it), with the variable for every service. */
    public static final String ENDPOINT_S3 = "AWS_ENDPOINT_URL_S3";
    public static final String ENDPOINT_ANY = "AWS_ENDPOINT_URL";
    private static final int ATTEMPTS = 3;
    private static final Duration BACKOFF = Duration.ofMillis(50);

    private final S3Address address;
    private final String bucket;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final Duration backoff;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    HttpObjectStore(S3Address address, String bucket, String region, AwsCredentialsProvider credentials,
                    SdkHttpClient http, Duration backoff) {
        this.address = Objects.requireNonNull(address, "address");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.region = Objects.requireNonNull(region, "region");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.http = Objects.requireNonNull(http, "http");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /**
     * As a Lambda function finds its bucket: credentials from the SDK's default chain, requests
     * through the JDK's {@code HttpURLConnection}; the bucket's AWS endpoint, or the one
     * {@value #ENDPOINT_S3} (else {@value #ENDPOINT_ANY}) names, path style.
     *
     * @param region the function's region ({@code AWS_REGION})
     */
    public static HttpObjectStore fromEnvironment(Map<String, String> env, String region, String bucket) {
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        String endpoint = env.getOrDefault(ENDPOINT_S3, env.get(ENDPOINT_ANY));
        return endpoint == null || endpoint.isBlank()
                ? inAws(region, bucket, credentials, UrlConnectionHttpClient.create())
                : atEndpoint(URI.create(endpoint.trim()), region, bucket, credentials, UrlConnectionHttpClient.create());
    }

    /** The bucket in AWS, virtual-hosted style (path style for a dotted name). */
    public static HttpObjectStore inAws(String region, String bucket, AwsCredentialsProvider credentials, SdkHttpClient http) {
        return new HttpObjectStore(S3Address.inAws(bucket, region), bucket, region, credentials, http, BACKOFF);
    }

    /** The bucket at an S3-compatible endpoint (the local stack, S3Proxy in tests), path style. */
    public static HttpObjectStore atEndpoint(URI endpoint, String region, String bucket, AwsCredentialsProvider credentials,
                                             SdkHttpClient http) {
        return new HttpObjectStore(S3Address.atEndpoint(endpoint, bucket), bucket, region, credentials, http, BACKOFF);
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

    private Optional<byte[]> read(SdkHttpRequest.Builder request, String key) {
        Answer answer = send(request.build(), null, "GET " + key);
        if (answer.status() == 404 && "NoSuchKey".equals(S3Xml.errorCode(answer.body()))) {
            return Optional.empty();
        }
        return Optional.of(answer.require("GET " + key));
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
        return S3Xml.listing(send(request.build(), null, what).require(what));
    }

    @Override
    public void put(String key, byte[] bytes, String contentType, String cacheControl) {
        SdkHttpRequest.Builder request = address.request(SdkHttpMethod.PUT, key)
                .putHeader("Content-Type", contentType)
                .putHeader("Content-Length", String.valueOf(bytes.length));
        if (cacheControl != null) {
            request.putHeader("Cache-Control", cacheControl);
        }
        send(request.build(), bytes, "PUT " + key).require("PUT " + key);
    }

    @Override
    public void delete(String key) {
        send(address.request(SdkHttpMethod.DELETE, key).build(), null, "DELETE " + key).require("DELETE " + key);
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
        // S3's presigned URLs: the signature in the query, the payload unsigned (the caller sends none).
        SignedRequest signed = signer.sign(r -> properties(r, credentials.resolveCredentials(), request.build(), null)
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, ttl)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        return signed.request().getUri();
    }

    /** What S3 signs as it does: service {@code s3}, the path encoded once and never normalised. */
    private SignRequest.Builder<AwsCredentialsIdentity> properties(SignRequest.Builder<AwsCredentialsIdentity> sign,
            AwsCredentialsIdentity identity, SdkHttpRequest request, byte[] body) {
        return sign.identity(identity)
                .request(request)
                .payload(body == null ? null : ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false);
    }

    /** Sends the request, signed anew for each attempt, retrying S3's transient faults. */
    private Answer send(SdkHttpRequest request, byte[] body, String what) {
        for (int attempt = 1; ; attempt++) {
            try {
                Answer answer = exchange(request, body, what);
                if (answer.status() != 500 && answer.status() != 503 || attempt == ATTEMPTS) {
                    return answer;
                }
            } catch (InterruptedIOException e) {
                Thread.currentThread().interrupt();
                throw new StorageException(what + " was interrupted", e);
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw new StorageException(what + " failed: " + e.getMessage(), e);
                }
            }
            pause(attempt, what);
        }
    }

    private Answer exchange(SdkHttpRequest request, byte[] body, String what) throws IOException {
        SignedRequest signed = signer.sign(r -> properties(r, credentials.resolveCredentials(), request, body));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null))
                .build()).call();
        int status = response.httpResponse().statusCode();
        Optional<String> length = response.httpResponse().firstMatchingHeader("Content-Length");
        try (InputStream in = response.responseBody().map(InputStream.class::cast).orElseGet(InputStream::nullInputStream)) {
            return new Answer(status, bounded(in, length, what));
        }
    }

    /**
     * The body, refused if its declared length or its actual bytes pass {@link #MAX_BODY_BYTES}.
     *
     * @throws StorageException if the body is too large
     */
    static byte[] bounded(InputStream in, Optional<String> declaredLength, String what) throws IOException {
        if (declaredLength.isPresent()) {
            long declared;
            try {
                declared = Long.parseLong(declaredLength.get().trim());
            } catch (NumberFormatException e) {
                throw new StorageException(what + ": S3 declared an unreadable Content-Length " + declaredLength.get());
            }
            if (declared > MAX_BODY_BYTES) {
                throw new StorageException(what + ": S3 declared " + declared + " bytes, more than " + MAX_BODY_BYTES);
            }
        }
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new StorageException(what + ": S3 sent more than " + MAX_BODY_BYTES + " bytes");
        }
        return bytes;
    }

    private void pause(int attempt, String what) {
        try {
            Thread.sleep(backoff.toMillis() << (attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(what + " was interrupted", e);
        }
    }

    /** An answer's status and (bounded) body. */
    private record Answer(int status, byte[] body) {
        /** The body of a 2xx answer. */
        byte[] require(String what) {
            if (status / 100 != 2) {
                String code = S3Xml.errorCode(body);
                throw new StorageException("S3 refused " + what + ": " + status + (code.isEmpty() ? "" : " " + code));
            }
            return body;
        }
    }
}
