package dev.slipway.funnel;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local stack's event log ({@code events.log} in its data folder): one JSON line per request,
 * exactly as the functions write them to CloudWatch Logs. Lines that are not JSON objects, or not
 * one of the funnel's events, are skipped: the file also holds the stack's other events.
 */
public final class LocalEventLog {
    /** A line longer than this is not one the functions wrote; skipped unread. */
    private static final int MAX_LINE = 64 * 1024;

    private LocalEventLog() {
    }

    /**
     * The funnel's events since a time; none if the file does not exist yet.
     *
     * @throws IOException if the file exists but cannot be read
     */
    public static List<FunnelEvent> read(Path file, Instant since) throws IOException {
        List<FunnelEvent> events = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                FunnelEvent event = line.length() > MAX_LINE ? null : parse(line);
                if (event != null && !event.at().isBefore(since)) {
                    events.add(event);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return events;
    }

    /** One line as a funnel event, or null if it is none. */
    static FunnelEvent parse(String line) {
        if (!line.startsWith("{")) {
            return null;
        }
        Map<String, Object> json;
        try {
            json = JSON.std.mapFrom(line);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        String event = text(json, "event");
        if (!FunnelEvent.PAGE_VIEW.equals(event) && !FunnelEvent.MANIFEST_FETCH.equals(event)
                && !FunnelEvent.PACKAGE_DOWNLOAD.equals(event)) {
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(String.valueOf(json.get("timestamp")));
        } catch (DateTimeParseException e) {
            return null;
        }
        return new FunnelEvent(at, event, text(json, "build"), text(json, "app"), text(json, "channel"),
                text(json, "ios"), text(json, "client"), text(json, "method"), text(json, "result"), 1);
    }

    private static String text(Map<String, Object> json, String key) {
        return json.get(key) instanceof String s ? s : null;
    }
}
