package dev.slipway.install;

import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as the install service sees it, whatever carried it (API Gateway's payload 2.0,
 * or the local stack's server).
 *
 * @param method upper case, e.g. {@code GET}
 * @param path the raw path, e.g. {@code /b/abc}
 * @param query decoded query parameters
 * @param headers header names in lower case
 */
public record HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers) {
    public HttpRequest {
        method = method.toUpperCase(Locale.ROOT);
        query = query == null ? Map.of() : Map.copyOf(query);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String param(String name) {
        return query.get(name);
    }
}
