package dev.slipway.enrol;

import java.util.Locale;
import java.util.Map;

/**
 * A request as the enrol service sees it, whatever carried it (API Gateway's payload 2.0 or the
 * local stack's server).
 *
 * @param method upper case
 * @param path the raw path
 * @param query decoded query parameters
 * @param headers header names in lower case
 * @param body the body's bytes (empty for none); the carrier bounds its size before decoding
 */
public record EnrolRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                           byte[] body) {
    public EnrolRequest {
        method = method.toUpperCase(Locale.ROOT);
        query = query == null ? Map.of() : Map.copyOf(query);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
