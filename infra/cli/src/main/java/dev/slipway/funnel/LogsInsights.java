package dev.slipway.funnel;

import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/**
 * The funnel's events from the install function's log group, through one CloudWatch Logs
 * Insights query: the same lines the local stack keeps in its file, counted by AWS per event,
 * build, day, iOS version and client, so no row limit applies to the requests themselves.
 */
public final class LogsInsights {
    private static final DateTimeFormatter INSIGHTS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final CloudWatchLogsClient logs;
    private final String logGroup;
    private final Clock clock;

    public LogsInsights(CloudWatchLogsClient logs, String logGroup, Clock clock) {
        this.logs = logs;
        this.logGroup = logGroup;
        this.clock = clock;
    }

    /** The query for a target: its values are ids the CLI has checked (no quotes can occur). */
    static String query(FunnelTarget target) {
        String filter;
        if (target.scope() instanceof BuildScope build) {
            filter = "build = \"" + build.buildId() + "\"";
        } else {
            AppScope app = (AppScope) target.scope();
            filter = "app = \"" + app.bundleId() + "\"" + (app.channel() == null ? "" : " and channel = \"" + app.channel() + "\"");
        }
        return "fields event, build, app, channel, ios, client, method, result"
                + " | filter event in [\"page.view\", \"manifest.fetch\", \"package.download\"] and result = \"ok\""
                + " and method = \"GET\" and " + filter
                + " | stats count(*) as n by event, build, app, channel, ios, client, bin(1d) as day";
    }

    /**
     * Runs the query over {@code since} to now and waits for it.
     *
     * @throws IllegalStateException if the query fails, is cancelled or takes over two minutes
     * @throws InterruptedException if interrupted while waiting
     */
    public List<FunnelEvent> events(FunnelTarget target) throws InterruptedException {
        String queryId = logs.startQuery(b -> b.logGroupName(logGroup).queryString(query(target))
                .startTime(target.since().getEpochSecond()).endTime(clock.instant().getEpochSecond())).queryId();
        Instant deadline = clock.instant().plus(PATIENCE);
        while (true) {
            GetQueryResultsResponse response = logs.getQueryResults(b -> b.queryId(queryId));
            QueryStatus status = response.status();
            if (status == QueryStatus.COMPLETE) {
                return rows(response.results());
            }
            if (status == QueryStatus.FAILED || status == QueryStatus.CANCELLED || status == QueryStatus.TIMEOUT
                    || clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("the Logs Insights query on " + logGroup + " ended " + status);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Each result row (a count for one combination of fields) as one weighted event. */
    static List<FunnelEvent> rows(List<List<ResultField>> results) {
        List<FunnelEvent> events = new ArrayList<>();
        for (List<ResultField> row : results) {
            Map<String, String> fields = new HashMap<>();
            row.forEach(field -> fields.put(field.field(), field.value()));
            Instant day;
            try {
                day = LocalDateTime.parse(fields.get("day"), INSIGHTS_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException | NullPointerException e) {
                throw new IllegalStateException("the Logs Insights query gave a row without a day: " + fields.keySet());
            }
            events.add(new FunnelEvent(day, fields.get("event"), fields.get("build"), fields.get("app"),
                    fields.get("channel"), fields.get("ios"), fields.get("client"), "GET", "ok",
                    Long.parseLong(fields.getOrDefault("n", "0"))));
        }
        return events;
    }
}
