package dev.slipway.http;

import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as the install and enrol functions see it, whatever carried it (API Gateway's
 * payload 2.0, or the local stack's server).
 *
 * @param method upper case, e.g. {@code GET}
 * @param path the raw path, e.g. {@code /b/abc}
 * @param query decoded query parameters
 * @param headers header names in lower case
 * @param body the request body, empty for none (the carrier bounds its size before decoding)
 */
public record HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                          byte[] body) {
    public HttpRequest {
        method = method.toUpperCase(Locale.ROOT);
        query = query == null ? Map.of() : Map.copyOf(query);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** A request without a body. */
    public HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers) {
        this(method, path, query, headers, null);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String param(String name) {
        return query.get(name);
    }
}
