package dev.slipway.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogTest {
    private static final Log LOG = Log.of(LogTest.class);

    private static Map<String, Object> parse(String line) throws IOException {
        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        return JSON.std.mapFrom(line);
    }

    @Test
    void line_eventWithFields_isOneJsonObjectWithTypedValues() throws IOException {
        // when
        Map<String, Object> line = parse(LOG.line("INFO", "build.ready", null, "build", "abc", "size", 42L,
                "icon", true, "version", null, "ms", 1.5));
        // then
        assertThat(line).containsEntry("level", "INFO").containsEntry("event", "build.ready")
                .containsEntry("logger", "LogTest").containsEntry("build", "abc").containsEntry("size", 42)
                .containsEntry("icon", true).containsEntry("version", null).containsEntry("ms", 1.5)
                .containsKey("timestamp").doesNotContainKey("requestId");
    }

    @Test
    void line_valueWithLineBreaksAndControlCharacters_staysOneLineAndRoundTrips() throws IOException {
        String hostile = "a\nb\r\"c\"\\\u0000\u2028";

        Map<String, Object> line = parse(LOG.line("WARN", "build.rejected", null, "reason", hostile));

        assertThat(line).containsEntry("reason", hostile);
    }

    @Test
    void line_withException_carriesTypeMessageAndStackTraceOnOneLine() throws IOException {
        Exception cause = new IllegalStateException("S3 said no", new java.io.IOException("reset"));

        Map<String, Object> line = parse(LOG.line("ERROR", "request.failed", cause));

        assertThat(line).containsEntry("errorType", "java.lang.IllegalStateException")
                .containsEntry("errorMessage", "S3 said no");
        assertThat((String) line.get("stackTrace")).startsWith("java.lang.IllegalStateException: S3 said no\n\tat ")
                .contains("Caused by: java.io.IOException: reset");
    }

    @Test
    void request_scope_marksLinesWithTheRequestIdUntilClosed() throws IOException {
        try (Log.RequestScope scope = Log.request("8f2c-request")) {
            assertThat(parse(LOG.line("INFO", "page.view", null))).containsEntry("requestId", "8f2c-request");
        }
        assertThat(parse(LOG.line("INFO", "page.view", null))).doesNotContainKey("requestId");
        assertThat(Log.requestId()).isNull();
    }

    @Test
    void info_nameWithoutValue_isRefusedAsAProgrammingError() {
        assertThatThrownBy(() -> LOG.info("page.view", "build"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("log event page.view has a field name without a value");
    }

    @Test
    void levels_infoToStandardOutput_warnAndErrorToStandardError() throws IOException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            LOG.info("a.info");
            LOG.warn("a.warn");
            LOG.error("a.error", new RuntimeException("x"));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(stdout.toString(StandardCharsets.UTF_8).lines().map(l -> (String) parseQuietly(l).get("event")))
                .containsExactly("a.info");
        assertThat(stderr.toString(StandardCharsets.UTF_8).lines().map(l -> (String) parseQuietly(l).get("event")))
                .containsExactly("a.warn", "a.error");
    }

    @Test
    void muted_scope_dropsThisThreadsLinesUntilClosed() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try (Log.RequestScope muted = Log.muted()) {
                LOG.info("a.muted");
                LOG.warn("a.muted");
            }
            LOG.info("a.after");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().map(l -> (String) parseQuietly(l).get("event")))
                .containsExactly("a.after");
    }

    private static Map<String, Object> parseQuietly(String line) {
        try {
            return parse(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
