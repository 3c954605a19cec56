package dev.slipway.local;

import dev.slipway.log.Log;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The local stack's event log ({@link DataFolder#events()}): every structured log line the
 * functions write, appended as it is written, as CloudWatch Logs keeps them in AWS. It survives
 * restarts; {@code slipway stats --local} reads it.
 */
final class EventLogFile implements AutoCloseable {
    private final BufferedWriter out;
    private final Log.Copy copy;

    private EventLogFile(BufferedWriter out) {
        this.out = out;
        this.copy = Log.copyTo(this::append);
    }

    /**
     * @throws LocalStackException if the file cannot be opened for appending
     */
    static EventLogFile open(Path file) throws LocalStackException {
        try {
            return new EventLogFile(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new LocalStackException("data folder " + file.getParent() + " is not usable: cannot write "
                    + file.getFileName() + " (" + e.getMessage() + ")", e);
        }
    }

    private synchronized void append(String line) {
        try {
            out.write(line);
            out.write('\n');
            // Flushed per line: a reader (slipway stats) sees each event at once.
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the event log", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        copy.close();
        out.close();
    }
}
