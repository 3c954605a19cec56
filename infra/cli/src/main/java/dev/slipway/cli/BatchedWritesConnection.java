package dev.slipway.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ProtocolException;
import java.net.URI;
import java.security.Permission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * A JDK {@code HttpURLConnection} whose request body reaches the socket in large writes.
 *
 * <p>Why: the SDK's URL-connection client copies a body in 4 KB pieces, and the JDK's streaming
 * output flushes after every write (its error check flushes the {@code PrintStream} under it), so a
 * 1 GB upload took 263,000 {@code write} calls of 4 KB; on loopback each also runs the receiver's
 * side of TCP, in the sender's time. Collected into {@link #WRITE_SIZE} pieces it takes about 4,000.
 * Everything else is the JDK connection's own behaviour: this class only forwards.
 *
 * <p>The body is pushed out as soon as its declared length is reached, so a failed write surfaces
 * while the SDK is still writing, as it did unbuffered; any remainder (a body of unknown length) is
 * pushed before the response is read.
 */
final class BatchedWritesConnection extends HttpURLConnection {
    /** About what the AWS CLI hands the socket at once (it sends 128 KB on average). */
    static final int WRITE_SIZE = 256 * 1024;
    /** The SDK's own defaults, which its connection factory would set. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final HttpURLConnection delegate;
    private long declaredLength = -1;
    private Body body;

    /** The given connection's, its body batched. */
    BatchedWritesConnection(HttpURLConnection delegate) {
        super(delegate.getURL());
        this.delegate = delegate;
    }

    /** An SDK HTTP client whose connections are these. */
    static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.create(BatchedWritesConnection::open);
    }

    static HttpURLConnection open(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
            return new BatchedWritesConnection(connection);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        if (body == null) {
            body = new Body(delegate.getOutputStream(), declaredLength);
        }
        return body;
    }

    /** Sends what is still buffered, before anything that reads the response. */
    private void push() throws IOException {
        if (body != null) {
            body.flush();
        }
    }

    @Override
    public void setFixedLengthStreamingMode(long contentLength) {
        delegate.setFixedLengthStreamingMode(contentLength);
        declaredLength = contentLength;
    }

    @Override
    public void setFixedLengthStreamingMode(int contentLength) {
        setFixedLengthStreamingMode((long) contentLength);
    }

    @Override
    public void setChunkedStreamingMode(int chunkLength) {
        delegate.setChunkedStreamingMode(chunkLength);
    }

    @Override
    public InputStream getInputStream() throws IOException {
        push();
        return delegate.getInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        try {
            push();
        } catch (IOException e) {
            // As the JDK's own: no error stream when the exchange failed.
            return null;
        }
        return delegate.getErrorStream();
    }

    @Override
    public int getResponseCode() throws IOException {
        push();
        return delegate.getResponseCode();
    }

    @Override
    public String getResponseMessage() throws IOException {
        push();
        return delegate.getResponseMessage();
    }

    @Override
    public String getHeaderField(String name) {
        pushQuietly();
        return delegate.getHeaderField(name);
    }

    @Override
    public String getHeaderField(int n) {
        pushQuietly();
        return delegate.getHeaderField(n);
    }

    @Override
    public String getHeaderFieldKey(int n) {
        pushQuietly();
        return delegate.getHeaderFieldKey(n);
    }

    @Override
    public Map<String, List<String>> getHeaderFields() {
        pushQuietly();
        return delegate.getHeaderFields();
    }

    /** For the header getters, which cannot throw: the failure shows in the response code instead. */
    private void pushQuietly() {
        try {
            push();
        } catch (IOException e) {
            // getResponseCode reports it.
        }
    }

    @Override
    public void connect() throws IOException {
        delegate.connect();
    }

    @Override
    public void disconnect() {
        delegate.disconnect();
    }

    @Override
    public boolean usingProxy() {
        return delegate.usingProxy();
    }

    @Override
    public void setRequestMethod(String method) throws ProtocolException {
        delegate.setRequestMethod(method);
    }

    @Override
    public String getRequestMethod() {
        return delegate.getRequestMethod();
    }

    @Override
    public void setRequestProperty(String key, String value) {
        delegate.setRequestProperty(key, value);
    }

    @Override
    public void addRequestProperty(String key, String value) {
        delegate.addRequestProperty(key, value);
    }

    @Override
    public String getRequestProperty(String key) {
        return delegate.getRequestProperty(key);
    }

    @Override
    public Map<String, List<String>> getRequestProperties() {
        return delegate.getRequestProperties();
    }

    @Override
    public void setDoOutput(boolean doOutput) {
        delegate.setDoOutput(doOutput);
    }

    @Override
    public boolean getDoOutput() {
        return delegate.getDoOutput();
    }

    @Override
    public void setDoInput(boolean doInput) {
        delegate.setDoInput(doInput);
    }

    @Override
    public boolean getDoInput() {
        return delegate.getDoInput();
    }

    @Override
    public void setInstanceFollowRedirects(boolean followRedirects) {
        delegate.setInstanceFollowRedirects(followRedirects);
    }

    @Override
    public boolean getInstanceFollowRedirects() {
        return delegate.getInstanceFollowRedirects();
    }

    @Override
    public void setUseCaches(boolean useCaches) {
        delegate.setUseCaches(useCaches);
    }

    @Override
    public boolean getUseCaches() {
        return delegate.getUseCaches();
    }

    @Override
    public void setConnectTimeout(int timeout) {
        delegate.setConnectTimeout(timeout);
    }

    @Override
    public int getConnectTimeout() {
        return delegate.getConnectTimeout();
    }

    @Override
    public void setReadTimeout(int timeout) {
        delegate.setReadTimeout(timeout);
    }

    @Override
    public int getReadTimeout() {
        return delegate.getReadTimeout();
    }

    @Override
    public Permission getPermission() throws IOException {
        return delegate.getPermission();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    /**
     * The body, collected into {@link #WRITE_SIZE} pieces; a piece as large as that is passed on
     * directly. Pushes out at once when the declared length is reached.
     */
    private static final class Body extends BufferedOutputStream {
        private final long declaredLength;
        private long written;

        Body(OutputStream out, long declaredLength) {
            super(out, WRITE_SIZE);
            this.declaredLength = declaredLength;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            super.write(b);
            count(1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            count(len);
        }

        private void count(long n) throws IOException {
            written += n;
            if (written == declaredLength) {
                flush();
            }
        }
    }
}
