package dev.slipway.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The JDK's {@code HttpURLConnection} behind the SDK's HTTP client interface, as the SDK's
 * {@code UrlConnectionHttpClient} with its defaults (2 s to connect, 30 s per read, no redirects),
 * less what it does at construction that a function's cold start pays for and never uses: its own
 * TLS context (built eagerly, whether or not a request is ever HTTPS; the JDK's default one is built
 * on the first HTTPS request instead), proxy settings read from the environment, and its logging.
 */
public final class JdkHttp implements SdkHttpClient {
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpRequest http = request.httpRequest();
        ContentStreamProvider body = request.contentStreamProvider().orElse(null);
        return new ExecutableHttpRequest() {
            private volatile HttpURLConnection connection;

            @Override
            public HttpExecuteResponse call() throws IOException {
                connection = (HttpURLConnection) url(http).openConnection();
                return exchange(connection, http, body);
            }

            @Override
            public void abort() {
                HttpURLConnection open = connection;
                if (open != null) {
                    open.disconnect();
                }
            }
        };
    }

    /**
     * The request's URL: its path as encoded, its query parameters percent-encoded as SigV4 encodes
     * them. Not {@code SdkHttpRequest.getUri()}, whose URI parsing brings the SDK's logging (and
     * whatever logging framework is on the class path) into the cold start.
     */
    static URL url(SdkHttpRequest http) throws MalformedURLException {
        StringBuilder url = new StringBuilder(128).append(http.protocol()).append("://").append(SigV4.host(http));
        url.append(http.encodedPath() == null || http.encodedPath().isEmpty() ? "/" : http.encodedPath());
        String query = SigV4.canonicalQuery(http.rawQueryParameters());
        if (!query.isEmpty()) {
            url.append('?').append(query);
        }
        return new URL(url.toString());
    }

    private static HttpExecuteResponse exchange(HttpURLConnection connection, SdkHttpRequest http, ContentStreamProvider body)
            throws IOException {
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(READ_TIMEOUT_MS);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestMethod(http.method().name());
        long length = -1;
        for (Map.Entry<String, List<String>> header : http.headers().entrySet()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(header.getValue().get(0).trim());
            } else if (!name.equalsIgnoreCase("Host")) {
                // Host is the connection's own: the same host[:port] the request was signed with.
                for (String value : header.getValue()) {
                    connection.addRequestProperty(name, value);
                }
            }
        }
        if (body != null && http.method() != SdkHttpMethod.GET && http.method() != SdkHttpMethod.HEAD) {
            connection.setDoOutput(true);
            if (length >= 0) {
                connection.setFixedLengthStreamingMode(length);
            }
            try (InputStream in = body.newStream(); OutputStream out = connection.getOutputStream()) {
                in.transferTo(out);
            }
        }
        int status = connection.getResponseCode();
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(status);
        for (Map.Entry<String, List<String>> header : connection.getHeaderFields().entrySet()) {
            if (header.getKey() != null) {
                response.putHeader(header.getKey(), header.getValue());
            }
        }
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        return HttpExecuteResponse.builder().response(response.build())
                .responseBody(AbortableInputStream.create(in == null ? InputStream.nullInputStream() : in, connection::disconnect))
                .build();
    }

    @Override
    public void close() {
        // Nothing held: the JDK keeps its own pool of idle connections.
    }
}
