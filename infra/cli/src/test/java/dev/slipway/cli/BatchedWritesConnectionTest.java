package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchedWritesConnectionTest {

    /** Stands in for the JDK's connection: records the body's writes as the socket would get them. */
    private static final class RecordingConnection extends HttpURLConnection {
        final List<Integer> writes = new ArrayList<>();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        long fixedLength = -1;
        int writesBeforeResponse = -1;

        RecordingConnection() throws IOException {
            super(URI.create("http://127.0.0.1:1/bucket/key").toURL());
        }

        @Override
        public void setFixedLengthStreamingMode(long contentLength) {
            fixedLength = contentLength;
        }

        @Override
        public OutputStream getOutputStream() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    writes.add(len);
                    received.write(b, off, len);
                }
            };
        }

        @Override
        public int getResponseCode() {
            writesBeforeResponse = writes.size();
            return 200;
        }

        @Override
        public void connect() {
        }

        @Override
        public void disconnect() {
        }

        @Override
        public boolean usingProxy() {
            return false;
        }
    }

    @Test
    void write_bodyIn4KbPieces_reachesTheConnectionInLargeWritesWhole() throws IOException {
        // given: a body of 1 MB and 1 byte, written as the SDK's copy loop writes it (4 KB at a time)
        byte[] body = new byte[1024 * 1024 + 1];
        new Random(7).nextBytes(body);
        RecordingConnection socket = new RecordingConnection();
        BatchedWritesConnection connection = new BatchedWritesConnection(socket);
        connection.setFixedLengthStreamingMode((long) body.length);

        // when
        OutputStream out = connection.getOutputStream();
        for (int offset = 0; offset < body.length; offset += 4096) {
            out.write(body, offset, Math.min(4096, body.length - offset));
        }

        // then: four full batches and the last byte, all of it sent before anything reads the response
        assertThat(socket.fixedLength).isEqualTo(body.length);
        assertThat(socket.writes).containsExactly(BatchedWritesConnection.WRITE_SIZE, BatchedWritesConnection.WRITE_SIZE,
                BatchedWritesConnection.WRITE_SIZE, BatchedWritesConnection.WRITE_SIZE, 1);
        assertThat(socket.received.toByteArray()).isEqualTo(body);
        assertThat(connection.getResponseCode()).isEqualTo(200);
        assertThat(socket.writesBeforeResponse).isEqualTo(5);
    }

    @Test
    void getResponseCode_bodyOfUnknownLength_sendsTheRestFirst() throws IOException {
        // given: no declared length (chunked), so nothing tells the body is complete but the response
        RecordingConnection socket = new RecordingConnection();
        BatchedWritesConnection connection = new BatchedWritesConnection(socket);
        connection.getOutputStream().write(new byte[10_000]);

        // when
        int code = connection.getResponseCode();

        // then
        assertThat(code).isEqualTo(200);
        assertThat(socket.writes).containsExactly(10_000);
        assertThat(socket.writesBeforeResponse).isEqualTo(1);
    }
}
