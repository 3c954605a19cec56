package dev.slipway.aws;

import dev.slipway.text.PercentEncoding;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * AWS Signature Version 4 for one service in one region: an {@code Authorization} header, or a
 * URL carrying its own signature (query-string authentication). Written here rather than taken
 * from the SDK: its signer brings the SDK's identity, checksum and auth-scheme layers (some 150
 * classes, a sixth of the install function's cold start) to compute a few HMACs.
 *
 * <p>Paths are signed exactly as the request holds them, encoded once and never normalised: S3's
 * rule, and the same for the services that post to {@code /}. Every header the request carries is
 * signed, with {@code host}, {@code x-amz-date}, {@code x-amz-content-sha256} (S3 requires it;
 * other services accept it) and, for temporary credentials, {@code x-amz-security-token}.
 * Thread-safe.
 */
public final class SigV4 {
    /** The hash that stands for the payload of a presigned URL, which the signer never sees. */
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** Headers a proxy or the HTTP client may change or add on the way: never signed (as the SDK's signer). */
    private static final Set<String> UNSIGNED_HEADERS = Set.of("authorization", "user-agent", "expect", "connection",
            "transfer-encoding", "x-amzn-trace-id");

    private final String service;
    private final String region;
    /** The last key derived; replaced whole, so a thread sees one key or another, never half. */
    private volatile SigningKey signingKey;

    /**
     * @param service the signing name ({@code s3}, {@code secretsmanager})
     * @param region the region the request is for ({@code eu-west-1})
     */
    public SigV4(String service, String region) {
        this.service = Objects.requireNonNull(service, "service");
        this.region = Objects.requireNonNull(region, "region");
    }

    /**
     * The request with the headers that authenticate it.
     *
     * @param body the payload to send, or null for none
     */
    public SdkHttpRequest sign(SdkHttpRequest request, byte[] body, Credentials credentials, Instant now) {
        String amzDate = amzDate(now);
        String payloadHash = HexFormat.of().formatHex(sha256(body == null ? new byte[0] : body));
        SdkHttpRequest.Builder signed = request.toBuilder()
                .putHeader("X-Amz-Date", amzDate)
                .putHeader("X-Amz-Content-Sha256", payloadHash);
        if (credentials.sessionToken() != null) {
            signed.putHeader("X-Amz-Security-Token", credentials.sessionToken());
        }
        TreeMap<String, String> headers = canonicalHeaders(signed.build());
        String signedHeaders = String.join(";", headers.keySet());
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        String canonical = canonicalRequest(request.method().name(), request.encodedPath(),
                canonicalQuery(request.rawQueryParameters()), headers, signedHeaders, payloadHash);
        String signature = signature(credentials, amzDate, scope, canonical);
        return signed.putHeader("Authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature).build();
    }

    /**
     * The request as a URL that carries its own signature, valid for {@code ttl} from {@code now};
     * only its {@code host} header is signed, and its payload is not (a GET or HEAD has none).
     *
     * @param ttl at most seven days (SigV4's bound)
     * @throws IllegalArgumentException if {@code ttl} is not between one second and seven days
     */
    public URI presign(SdkHttpRequest request, Credentials credentials, Instant now, Duration ttl) {
        if (ttl.getSeconds() < 1 || ttl.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("a presigned URL lives 1 second to 7 days, not " + ttl);
        }
        String amzDate = amzDate(now);
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        Map<String, List<String>> query = new TreeMap<>(request.rawQueryParameters());
        query.put("X-Amz-Algorithm", List.of(ALGORITHM));
        query.put("X-Amz-Credential", List.of(credentials.accessKeyId() + "/" + scope));
        query.put("X-Amz-Date", List.of(amzDate));
        query.put("X-Amz-Expires", List.of(String.valueOf(ttl.getSeconds())));
        query.put("X-Amz-SignedHeaders", List.of("host"));
        if (credentials.sessionToken() != null) {
            query.put("X-Amz-Security-Token", List.of(credentials.sessionToken()));
        }
        String canonicalQuery = canonicalQuery(query);
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("host", host(request));
        String canonical = canonicalRequest(request.method().name(), request.encodedPath(), canonicalQuery, headers, "host",
                UNSIGNED_PAYLOAD);
        String signature = signature(credentials, amzDate, scope, canonical);
        return URI.create(request.protocol() + "://" + host(request) + path(request.encodedPath()) + "?" + canonicalQuery
                + "&X-Amz-Signature=" + signature);
    }

    /** SigV4's canonical request: the text both sides hash, each part on its own line. */
    static String canonicalRequest(String method, String encodedPath, String canonicalQuery,
                                   TreeMap<String, String> headers, String signedHeaders, String payloadHash) {
        StringBuilder canonical = new StringBuilder(256).append(method).append('\n').append(path(encodedPath)).append('\n')
                .append(canonicalQuery).append('\n');
        for (Map.Entry<String, String> header : headers.entrySet()) {
            canonical.append(header.getKey()).append(':').append(header.getValue()).append('\n');
        }
        return canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash).toString();
    }

    /** Every parameter, name and value each percent-encoded (RFC 3986), sorted by name then value. */
    static String canonicalQuery(Map<String, List<String>> parameters) {
        TreeMap<String, List<String>> encoded = new TreeMap<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = PercentEncoding.encode(parameter.getKey());
            List<String> values = encoded.get(name);
            if (values == null) {
                values = new ArrayList<>();
                encoded.put(name, values);
            }
            for (String value : parameter.getValue()) {
                values.add(value == null ? "" : PercentEncoding.encode(value));
            }
        }
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> parameter : encoded.entrySet()) {
            List<String> values = parameter.getValue();
            values.sort(null);
            for (String value : values) {
                query.append(query.length() == 0 ? "" : "&").append(parameter.getKey()).append('=').append(value);
            }
        }
        return query.toString();
    }

    /** Header names in lower case, values trimmed with inner runs of spaces made one; {@code host} added. */
    private static TreeMap<String, String> canonicalHeaders(SdkHttpRequest request) {
        TreeMap<String, String> headers = new TreeMap<>();
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (UNSIGNED_HEADERS.contains(name)) {
                continue;
            }
            StringBuilder value = new StringBuilder();
            for (String each : header.getValue()) {
                value.append(value.length() == 0 ? "" : ",").append(trimAll(each));
            }
            headers.put(name, value.toString());
        }
        headers.put("host", host(request));
        return headers;
    }

    private static String trimAll(String value) {
        StringBuilder trimmed = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                space = trimmed.length() > 0;
            } else {
                if (space) {
                    trimmed.append(' ');
                    space = false;
                }
                trimmed.append(c);
            }
        }
        return trimmed.toString();
    }

    /** The host as the request's {@code Host} header names it: with the port only where it is not the scheme's. */
    static String host(SdkHttpRequest request) {
        int port = request.port();
        boolean standard = port == -1 || ("https".equals(request.protocol()) && port == 443)
                || ("http".equals(request.protocol()) && port == 80);
        return standard ? request.host() : request.host() + ":" + port;
    }

    private static String path(String encodedPath) {
        return encodedPath == null || encodedPath.isEmpty() ? "/" : encodedPath;
    }

    private String signature(Credentials credentials, String amzDate, String scope, String canonicalRequest) {
        String toSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + HexFormat.of().formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(hmac(signingKey(credentials.secretAccessKey(), amzDate.substring(0, 8)), toSign));
    }

    /**
     * The key of the day: four HMACs from the secret, the same for every request of that day with
     * that secret, so derived once and kept (a page's S3 requests and its presigned URL share it).
     */
    private byte[] signingKey(String secret, String day) {
        SigningKey known = signingKey;
        if (known != null && known.day().equals(day) && known.secret().equals(secret)) {
            return known.key();
        }
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        signingKey = new SigningKey(secret, day, key);
        return key;
    }

    /** A derived key and what it was derived from. */
    private record SigningKey(String secret, String day, byte[] key) {
        /** The day only: the secret and the key never reach a log. */
        @Override
        public String toString() {
            return "SigningKey[" + day + "]";
        }
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'} in UTC, written out by hand: no formatter to load at cold start. */
    static String amzDate(Instant now) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(now.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder date = new StringBuilder(16);
        pad(date, t.getYear(), 4);
        pad(date, t.getMonthValue(), 2);
        pad(date, t.getDayOfMonth(), 2);
        date.append('T');
        pad(date, t.getHour(), 2);
        pad(date, t.getMinute(), 2);
        pad(date, t.getSecond(), 2);
        return date.append('Z').toString();
    }

    private static void pad(StringBuilder out, int value, int digits) {
        String text = String.valueOf(value);
        for (int i = text.length(); i < digits; i++) {
            out.append('0');
        }
        out.append(text);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
