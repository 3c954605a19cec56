package dev.slipway.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Requests to one AWS service in one region, signed with SigV4 ({@link SigV4}) and sent through
 * an HTTP client, without the service's SDK client (whose construction, endpoint rules and protocol
 * layers cost a function its cold start, and its jars). As the SDK's clients do: each attempt is
 * signed anew with credentials from a refreshing source, and 500, 503 and I/O faults
 * are retried twice after a short back-off. Unlike them, every body is bounded
 * ({@link #MAX_BODY_BYTES}) before it is read into memory. Paths are signed exactly as sent,
 * encoded once and never normalised: S3's rule, and the same for services that post to {@code /}.
 * Thread-safe.
 */
public final class SignedHttp {
    /** The largest body read: an S3 listing of 1,000 keys of S3's maximum length fits; records and secrets are kilobytes. */
    public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    /** The back-off before the first retry; it doubles for the next. */
    public static final Duration BACKOFF = Duration.ofMillis(50);
    private static final int ATTEMPTS = 3;

    private final SigV4 signer;
    private final CredentialsSource credentials;
    private final SdkHttpClient http;
    private final Duration backoff;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param service the signing name ({@code s3}, {@code secretsmanager})
     * @param backoff the pause before the first retry ({@link #BACKOFF}; tests give zero)
     */
    public SignedHttp(String service, String region, CredentialsSource credentials, SdkHttpClient http,
                      Duration backoff) {
        this.signer = new SigV4(service, region);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.http = Objects.requireNonNull(http, "http");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /** An answer's status, (bounded) body and {@code ETag} header (or null). */
    public record Answer(int status, byte[] body, String eTag) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /**
     * Sends the request with the body (or none), retrying transient faults; the last answer is
     * returned whatever its status.
     *
     * @param what names the request in messages ({@code GET key})
     * @throws AwsRequestException if the service cannot be reached, or sends a body past the bound
     */
    public Answer send(SdkHttpRequest request, byte[] body, String what) {
        for (int attempt = 1; ; attempt++) {
            try {
                Answer answer = exchange(request, body, what);
                if (answer.status() != 500 && answer.status() != 503 || attempt == ATTEMPTS) {
                    return answer;
                }
            } catch (InterruptedIOException e) {
                Thread.currentThread().interrupt();
                throw new AwsRequestException(what + " was interrupted", e);
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw new AwsRequestException(what + " failed: " + e.getMessage(), e);
                }
            }
            pause(attempt, what);
        }
    }

    /** The request as a URL carrying its own signature, valid for {@code ttl}, its payload unsigned (it has none). */
    public URI presign(SdkHttpRequest request, Duration ttl) {
        return signer.presign(request, credentials.resolve(), clock.instant(), ttl);
    }

    private Answer exchange(SdkHttpRequest request, byte[] body, String what) throws IOException {
        SdkHttpRequest signed = signer.sign(request, body, credentials.resolve(), clock.instant());
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed)
                .contentStreamProvider(body == null ? null : ContentStreamProvider.fromByteArrayUnsafe(body))
                .build()).call();
        int status = response.httpResponse().statusCode();
        Optional<String> length = response.httpResponse().firstMatchingHeader("Content-Length");
        try (InputStream in = response.responseBody().map(InputStream.class::cast).orElseGet(InputStream::nullInputStream)) {
            return new Answer(status, bounded(in, length, what),
                    response.httpResponse().firstMatchingHeader("ETag").orElse(null));
        }
    }

    /**
     * The body, refused if its declared length or its actual bytes pass {@link #MAX_BODY_BYTES}.
     *
     * @throws AwsRequestException if the body is too large
     */
    static byte[] bounded(InputStream in, Optional<String> declaredLength, String what) throws IOException {
        if (declaredLength.isPresent()) {
            long declared;
            try {
                declared = Long.parseLong(declaredLength.get().trim());
            } catch (NumberFormatException e) {
                throw new AwsRequestException(what + ": the answer declared an unreadable Content-Length " + declaredLength.get());
            }
            if (declared > MAX_BODY_BYTES) {
                throw new AwsRequestException(what + ": the answer declared " + declared + " bytes, more than " + MAX_BODY_BYTES);
            }
        }
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new AwsRequestException(what + ": the answer ran past " + MAX_BODY_BYTES + " bytes");
        }
        return bytes;
    }

    private void pause(int attempt, String what) {
        try {
            Thread.sleep(backoff.toMillis() << (attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsRequestException(what + " was interrupted", e);
        }
    }
}
