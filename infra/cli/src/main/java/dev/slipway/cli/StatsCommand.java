package dev.slipway.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.access.Scope;
import dev.slipway.funnel.Funnel;
import dev.slipway.funnel.FunnelEvent;
import dev.slipway.funnel.FunnelTarget;
import dev.slipway.funnel.LocalEventLog;
import dev.slipway.funnel.LogsInsights;
import dev.slipway.local.DataFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** {@code slipway stats BUILD|APP[:CHANNEL]}: the install funnel from the functions' event lines. */
@Command(name = "stats", sortOptions = false,
        description = {"Print the install funnel of a build (BUILD, a build id) or of an app (APP, a bundle id) on one "
                + "channel or all: page views → Install taps (manifest fetches by iOS's installer) → package downloads, "
                + "in all, per build, per day (UTC) and per iOS version.", "",
                "With --local, from the local stack's event log (events.log in its data folder; the stack need not run). "
                + "Otherwise one CloudWatch Logs Insights query over the install function's log group (--log-group), "
                + "with the default AWS credentials."},
        exitCodeList = {"0:the funnel is printed", "1:the log could not be read or queried",
                "2:invalid input (bad target or option, no log group)"})
final class StatsCommand extends SlipwayCommand {
    @Parameters(paramLabel = "BUILD|APP[:CHANNEL]", description = "What to count.")
    String target;

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "7d", converter = Durations.class,
            description = "How far back: 12h, 7d, 30d, … (default: ${DEFAULT-VALUE}).")
    Duration since;

    @Option(names = "--json", description = "Print JSON: total, builds, days and iosVersions, each with pageViews, "
            + "installTaps and downloads.")
    boolean json;

    @Option(names = "--local", description = "Count the local stack's events (./slipway local) on --data.")
    boolean local;

    @Option(names = "--data", paramLabel = "DIR", description = "The local stack's data folder (default: ~/.slipway/local).")
    Path data;

    @Option(names = "--log-group", paramLabel = "NAME", defaultValue = "${env:SLIPWAY_LOG_GROUP}",
            description = "The install function's log group: the stack's InstallLogGroupName output (env SLIPWAY_LOG_GROUP).")
    String logGroup;

    @Option(names = "--region", paramLabel = "REGION",
            description = "The stack's region (default: env AWS_REGION or AWS_DEFAULT_REGION).")
    String region;

    private final Clock clock;

    StatsCommand() {
        this(Clock.systemUTC());
    }

    StatsCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws InvalidInputException, IOException, InterruptedException {
        Scope scope = Scopes.parse(target);
        FunnelTarget funnelTarget = new FunnelTarget(scope, clock.instant().minus(since));
        List<FunnelEvent> events = local ? localEvents(funnelTarget) : deployedEvents(funnelTarget);
        Funnel funnel = Funnel.of(funnelTarget, events);
        PrintWriter out = out();
        if (json) {
            out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(funnel.toMap(target)));
        } else {
            out.print(text(funnel, Scopes.describe(scope), since));
        }
        out.flush();
        return 0;
    }

    private List<FunnelEvent> localEvents(FunnelTarget funnelTarget) throws InvalidInputException, IOException {
        if (spec.commandLine().getParseResult().hasMatchedOption("--log-group")) {
            throw new InvalidInputException("--local and --log-group exclude each other");
        }
        return LocalEventLog.read(DataFolder.events(DataFolder.orDefault(data)), funnelTarget.since());
    }

    private List<FunnelEvent> deployedEvents(FunnelTarget funnelTarget) throws InvalidInputException, InterruptedException {
        Deployment.requireLocalFor(data);
        if (logGroup == null || logGroup.isBlank()) {
            throw new InvalidInputException("no log group: add --local for the local stack, or --log-group NAME (the "
                    + "stack's InstallLogGroupName output, or env SLIPWAY_LOG_GROUP)");
        }
        String name = Deployment.region(region);
        if (name == null) {
            throw new InvalidInputException("no region for log group " + logGroup + ": add --region or set AWS_REGION");
        }
        try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder().region(Region.of(name))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            return new LogsInsights(logs, logGroup, clock).events(funnelTarget);
        }
    }

    /** The table people read: one line per row, counts in aligned columns. */
    static String text(Funnel funnel, String what, Duration since) {
        StringBuilder out = new StringBuilder();
        out.append("Install funnel of ").append(what).append(", last ").append(Durations.describe(since))
            .append(" (since ").append(funnel.target().since().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
            .append(")\n\n");
        out.append(String.format("  %-24s %10s %13s %10s%n", "", "page views", "install taps", "downloads"));
        row(out, "total", funnel.total());
        section(out, "per build", funnel.byBuild());
        section(out, "per day (UTC)", funnel.byDay());
        section(out, "per iOS version", funnel.byIos());
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Map<String, Funnel.Counts> rows) {
        out.append('\n').append(title).append('\n');
        if (rows.isEmpty()) {
            out.append("  (none)\n");
        }
        rows.forEach((name, counts) -> row(out, name, counts));
    }

    private static void row(StringBuilder out, String name, Funnel.Counts counts) {
        out.append(String.format("  %-24s %10d %13d %10d%n", name, counts.pageViews(), counts.installTaps(),
                counts.downloads()));
    }
}
