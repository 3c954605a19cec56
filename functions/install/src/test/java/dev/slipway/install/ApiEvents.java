package dev.slipway.install;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP API (payload 2.0) events for tests: a real event file from {@code events/}, pointed at
 * another path and query, read by the serializer Lambda's Java runtime uses.
 */
final class ApiEvents {
    /** What CloudFront adds to every request in the events/ files (see {@link Origins}). */
    static final String ORIGIN_SECRET = "sample-origin-secret-for-events";
    private static final PojoSerializer<APIGatewayV2HTTPEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, ApiEvents.class.getClassLoader());

    private ApiEvents() {
    }

    static APIGatewayV2HTTPEvent load(String file) throws Exception {
        try (InputStream in = ApiEvents.class.getResourceAsStream("/events/" + file)) {
            return SERIALIZER.fromJson(in);
        }
    }

    /** The event file with the request line of {@code url} (path and query), as API Gateway would decode it. */
    @SuppressWarnings("unchecked")
    static APIGatewayV2HTTPEvent at(String file, String url) throws Exception {
        Map<String, Object> event;
        try (InputStream in = ApiEvents.class.getResourceAsStream("/events/" + file)) {
            event = JSON.std.mapFrom(in);
        }
        URI uri = URI.create(url);
        event.put("rawPath", uri.getRawPath());
        event.put("rawQueryString", uri.getRawQuery() == null ? "" : uri.getRawQuery());
        Map<String, Object> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        event.put("queryStringParameters", query.isEmpty() ? null : query);
        ((Map<String, Object>) ((Map<String, Object>) event.get("requestContext")).get("http")).put("path", uri.getRawPath());
        return SERIALIZER.fromJson(JSON.std.asString(event));
    }
}
