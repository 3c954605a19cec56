package dev.slipway.install;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response of the install service.
 *
 * @param body text, or base64 when {@code base64} is true (binary assets)
 */
public record HttpResponse(int status, Map<String, String> headers, String body, boolean base64) {

    /** Every response carries these: tokens live in URLs, and pages must never run foreign code. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; img-src 'self' https: data:; style-src 'self'; "
                    + "script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Strict-Transport-Security", "max-age=63072000; includeSubDomains",
            "X-Frame-Options", "DENY");

    public static HttpResponse text(int status, String contentType, String body) {
        return new HttpResponse(status, headers(contentType, "no-store"), body, false);
    }

    public static HttpResponse binary(String contentType, byte[] bytes, String cacheControl) {
        return new HttpResponse(200, headers(contentType, cacheControl), Base64.getEncoder().encodeToString(bytes), true);
    }

    public static HttpResponse redirect(String location) {
        Map<String, String> headers = headers(null, "no-store");
        headers.put("Location", location);
        return new HttpResponse(302, headers, "", false);
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponse(status, copy, body, base64);
    }

    /** The same headers with no body, for HEAD. */
    public HttpResponse withoutBody() {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        if (!body.isEmpty() && !copy.containsKey("Content-Length")) {
            copy.put("Content-Length", String.valueOf(base64 ? Base64.getDecoder().decode(body).length
                    : body.getBytes(StandardCharsets.UTF_8).length));
        }
        return new HttpResponse(status, copy, "", false);
    }

    private static Map<String, String> headers(String contentType, String cacheControl) {
        Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.put("Cache-Control", cacheControl);
        return headers;
    }
}
