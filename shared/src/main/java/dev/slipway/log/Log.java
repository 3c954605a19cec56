package dev.slipway.log;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Structured logging: one JSON object per line, made of named fields, never of concatenated text.
 *
 * <pre>{@code
 * private static final Log LOG = Log.of(BuildPageRoute.class);
 *
 * LOG.info("page.view", "build", id, "channel", channel);          // an event: one line
 * LOG.warn("build.rejected", "key", upload.key(), "reason", reason);
 * LOG.error("request.failed", e, "route", "/b/…");                   // with errorType, errorMessage, stackTrace
 * }</pre>
 *
 * gives lines such as
 *
 * <pre>{@code
 * {"timestamp":"2026-12-02T15:40:00.123Z","level":"INFO","event":"page.view","logger":"BuildPageRoute","requestId":"8f…","build":"dqj2…","channel":"beta"}
 * }</pre>
 *
 * <p><b>Adding an event</b> is that one call: name it {@code noun.verb} ({@code build.ready},
 * {@code manifest.fetch}) and pass its fields as name/value pairs. Values are written as JSON
 * strings, numbers, booleans or null (enums by name, anything else by {@code toString()}); control
 * characters are escaped, so every event stays one line whatever a value holds.
 *
 * <p><b>Where lines go.</b> INFO to standard output, WARN and ERROR to standard error, in Lambda and
 * locally alike. In Lambda the runtime passes both streams to CloudWatch as they are; with the
 * function's log format set to JSON ({@code LoggingConfig: LogFormat: JSON}), Lambda takes each line
 * that is a JSON object with a {@code level} key as a structured record (its level used for
 * filtering), so Logs Insights sees every field. (The runtime's own {@code LambdaLogger} would
 * wrap the line in a {@code message} string instead, hiding the fields.)
 *
 * <p><b>Request id.</b> A handler opens {@link #request(String)} around each invocation; every line
 * written on that thread meanwhile carries {@code requestId}.
 *
 * <p><b>Never log</b> tokens, presigned URLs, IP addresses, UDIDs, release notes or request bodies:
 * ids, keys and outcomes only.
 */
public final class Log {
    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();
    private static final List<Consumer<String>> COPIES = new CopyOnWriteArrayList<>();
    private static final ThreadLocal<Boolean> MUTED = new ThreadLocal<>();

    private final String logger;

    private Log(String logger) {
        this.logger = logger;
    }

    /** One logger per class, named after it. */
    public static Log of(Class<?> type) {
        return new Log(type.getSimpleName());
    }

    /**
     * Marks the lines written on this thread, until closed, with the request id.
     *
     * @param requestId Lambda's request id, or null when none is known (nothing is marked)
     */
    public static RequestScope request(String requestId) {
        String previous = REQUEST_ID.get();
        if (requestId != null) {
            REQUEST_ID.set(requestId);
        }
        return () -> {
            if (previous == null) {
                REQUEST_ID.remove();
            } else {
                REQUEST_ID.set(previous);
            }
        };
    }

    /**
     * Drops the lines written on this thread, until closed (they are still built): for the install
     * function's priming requests, which must not read as tester traffic.
     */
    public static RequestScope muted() {
        MUTED.set(Boolean.TRUE);
        return MUTED::remove;
    }

    /** The request id lines on this thread carry, or null. */
    public static String requestId() {
        return REQUEST_ID.get();
    }

    /**
     * @param event what happened, {@code noun.verb}
     * @param fields name, value, name, value…
     * @throws IllegalArgumentException if a name is missing its value (a programming error)
     */
    public void info(String event, Object... fields) {
        emit(System.out, line("INFO", event, null, fields));
    }

    /** As {@link #info}, for something wrong that the code handled. */
    public void warn(String event, Object... fields) {
        emit(System.err, line("WARN", event, null, fields));
    }

    /** As {@link #info}, with the exception's type, message and stack trace (escaped onto the one line). */
    public void error(String event, Throwable error, Object... fields) {
        emit(System.err, line("ERROR", event, error, fields));
    }

    /**
     * Also hands every line, from every logger, to {@code sink} until the returned copy is closed:
     * how {@code slipway local} keeps its event log file, the local stand-in for CloudWatch Logs.
     */
    public static Copy copyTo(Consumer<String> sink) {
        COPIES.add(sink);
        return () -> COPIES.remove(sink);
    }

    private static void emit(PrintStream stream, String line) {
        if (MUTED.get() != null) {
            return;
        }
        stream.println(line);
        for (Consumer<String> copy : COPIES) {
            copy.accept(line);
        }
    }

    /** The JSON line, without its line break. */
    String line(String level, String event, Throwable error, Object... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("log event " + event + " has a field name without a value");
        }
        StringBuilder out = new StringBuilder(160);
        out.append('{');
        field(out, "timestamp", Instant.now().toString());
        field(out, "level", level);
        field(out, "event", event);
        field(out, "logger", logger);
        String requestId = REQUEST_ID.get();
        if (requestId != null) {
            field(out, "requestId", requestId);
        }
        for (int i = 0; i < fields.length; i += 2) {
            field(out, String.valueOf(fields[i]), fields[i + 1]);
        }
        if (error != null) {
            field(out, "errorType", error.getClass().getName());
            field(out, "errorMessage", error.getMessage());
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            field(out, "stackTrace", trace.toString());
        }
        out.setCharAt(out.length() - 1, '}');
        return out.toString();
    }

    private static void field(StringBuilder out, String name, Object value) {
        string(out, name);
        out.append(':');
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            out.append(number);
        } else if (value instanceof Enum<?> constant) {
            string(out, constant.name());
        } else {
            string(out, value.toString());
        }
        out.append(',');
    }

    /** A JSON string: quotes, backslashes and every control character escaped (U+2028/9 too, for JavaScript readers). */
    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Ends a {@link #copyTo} copy; never throws. */
    @FunctionalInterface
    public interface Copy extends AutoCloseable {
        @Override
        void close();
    }

    /** Ends the request's marking; never throws. */
    @FunctionalInterface
    public interface RequestScope extends AutoCloseable {
        @Override
        void close();
    }
}
