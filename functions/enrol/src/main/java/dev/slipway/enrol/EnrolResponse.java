package dev.slipway.enrol;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response of the enrol service: never cached, never sniffed, never leaking its URL (which
 * carries a page token) as a referrer.
 *
 * @param status the HTTP status
 * @param headers the headers
 * @param body the body's bytes
 */
public record EnrolResponse(int status, Map<String, String> headers, byte[] body) {

    static EnrolResponse of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        return new EnrolResponse(status, headers, body);
    }

    /** A one-line plain-text answer: what the device's installer or a curious visitor sees. */
    static EnrolResponse text(int status, String message) {
        return of(status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Apple's flow: a 301 after the device's answer makes iOS open the location in Safari. */
    static EnrolResponse movedPermanently(String location) {
        EnrolResponse response = of(301, "text/plain; charset=utf-8", new byte[0]);
        response.headers().put("Location", location);
        return response;
    }
}
