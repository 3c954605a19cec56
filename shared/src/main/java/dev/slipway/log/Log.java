package dev.slipway.log;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.PrintStream;
import java.time.Instant;

/**
 * One line per event. In Lambda it goes through the runtime's logger, which writes JSON records
 * (with the request id) when the function's log format is JSON; elsewhere (tests, {@code slipway
 * local}) it prints a timestamped line. Callers log ids and keys, never tokens, bodies or
 * presigned URLs.
 */
public final class Log {
    private static final boolean IN_LAMBDA = System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null;

    private final String source;

    private Log(String source) {
        this.source = source;
    }

    /** One logger per class. */
    public static Log of(Class<?> type) {
        return new Log(type.getSimpleName());
    }

    public void info(String message) {
        write(LogLevel.INFO, message);
    }

    public void warn(String message) {
        write(LogLevel.WARN, message);
    }

    public void error(String message) {
        write(LogLevel.ERROR, message);
    }

    private void write(LogLevel level, String message) {
        // One record per call: a line break inside a message would split it in plain-text logs.
        String line = source + ": " + message.replace('\n', ' ').replace('\r', ' ');
        if (IN_LAMBDA) {
            LambdaLogger logger = LambdaRuntime.getLogger();
            logger.log(line, level);
        } else {
            PrintStream out = level == LogLevel.INFO ? System.out : System.err;
            out.println(Instant.now() + " " + level + " " + line);
        }
    }
}
