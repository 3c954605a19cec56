package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway stats --local} over a synthetic event log whose counts are known line by line. */
class StatsCommandTest {
    private static final String BUILD_A = "aaaaaaaaaaaaaaaaaaaa";
    private static final String BUILD_B = "bbbbbbbbbbbbbbbbbbbb";
    private static final String APP = "com.example.app";
    private static final Instant NOW = Instant.now();

    @TempDir
    static Path data;

    @BeforeAll
    static void writeLog() throws Exception {
        List<String> lines = new ArrayList<>();
        // Build A on channel beta, yesterday: 3 page views on iOS 18.6 (plus a HEAD, a 404 and a bad token: not views)
        for (int i = 0; i < 3; i++) {
            lines.add(line(NOW.minus(Duration.ofDays(1)), "page.view", BUILD_A, "beta", "GET", "ok", "safari", "18.6"));
        }
        lines.add(line(NOW.minus(Duration.ofDays(1)), "page.view", BUILD_A, "beta", "HEAD", "ok", "safari", "18.6"));
        lines.add(line(NOW.minus(Duration.ofDays(1)), "page.view", BUILD_A, "beta", "GET", "refused", "safari", "18.6"));
        // two Install taps (the installer fetching the manifest) on iOS 18.1, and one manifest opened in a browser
        lines.add(line(NOW.minus(Duration.ofDays(1)), "manifest.fetch", BUILD_A, "beta", "GET", "ok", "installer", "18.1"));
        lines.add(line(NOW.minus(Duration.ofDays(2)), "manifest.fetch", BUILD_A, "beta", "GET", "ok", "installer", "18.1"));
        lines.add(line(NOW.minus(Duration.ofDays(1)), "manifest.fetch", BUILD_A, "beta", "GET", "ok", "safari", "18.6"));
        // one download (and its HEAD, which iOS may send first)
        lines.add(line(NOW.minus(Duration.ofDays(2)), "package.download", BUILD_A, "beta", "GET", "ok", "installer", "18.1"));
        lines.add(line(NOW.minus(Duration.ofDays(2)), "package.download", BUILD_A, "beta", "HEAD", "ok", "installer", "18.1"));
        // too old for --since 7d
        lines.add(line(NOW.minus(Duration.ofDays(10)), "page.view", BUILD_A, "beta", "GET", "ok", "safari", "17.0"));
        // Build B, same app, channel qa: 1 view, 1 tap
        lines.add(line(NOW.minus(Duration.ofDays(1)), "page.view", BUILD_B, "qa", "GET", "ok", "safari", "17.5"));
        lines.add(line(NOW.minus(Duration.ofDays(1)), "manifest.fetch", BUILD_B, "qa", "GET", "ok", "installer", "17.5"));
        // lines that are not funnel events at all
        lines.add("{\"timestamp\":\"" + NOW + "\",\"level\":\"INFO\",\"event\":\"build.ready\",\"build\":\"" + BUILD_A + "\"}");
        lines.add("not json");
        Files.write(data.resolve("events.log"), lines);
    }

    private static String line(Instant at, String event, String build, String channel, String method, String result,
                               String client, String ios) {
        return "{\"timestamp\":\"" + at + "\",\"level\":\"INFO\",\"event\":\"" + event + "\",\"logger\":\"Router\","
                + "\"method\":\"" + method + "\",\"build\":\"" + build + "\",\"app\":\"" + APP + "\",\"channel\":\""
                + channel + "\",\"status\":200,\"result\":\"" + result + "\",\"ms\":2,\"device\":\"iPhone\",\"ios\":\""
                + ios + "\",\"client\":\"" + client + "\"}";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("stats"));
        all.addAll(List.of(args));
        all.addAll(List.of("--local", "--data", data.toString(), "--json"));
        Cli.Run run = Cli.run(all.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        return JSON.std.mapFrom(run.out());
    }

    private static Map<String, Object> counts(int views, int taps, int downloads) {
        return Map.of("pageViews", views, "installTaps", taps, "downloads", downloads);
    }

    @Test
    void stats_build_countsViewsTapsAndDownloadsOnly() throws Exception {
        Map<String, Object> funnel = json(BUILD_A);

        assertThat(funnel.get("total")).isEqualTo(counts(3, 2, 1));
        String yesterday = LocalDate.ofInstant(NOW.minus(Duration.ofDays(1)), ZoneOffset.UTC).toString();
        String dayBefore = LocalDate.ofInstant(NOW.minus(Duration.ofDays(2)), ZoneOffset.UTC).toString();
        assertThat(funnel.get("days")).isEqualTo(List.of(
                Map.of("day", dayBefore, "pageViews", 0, "installTaps", 1, "downloads", 1),
                Map.of("day", yesterday, "pageViews", 3, "installTaps", 1, "downloads", 0)));
        assertThat(funnel.get("iosVersions")).isEqualTo(List.of(
                Map.of("ios", "18.1", "pageViews", 0, "installTaps", 2, "downloads", 1),
                Map.of("ios", "18.6", "pageViews", 3, "installTaps", 0, "downloads", 0)));
        assertThat(funnel.get("builds")).isEqualTo(List.of(
                Map.of("build", BUILD_A, "pageViews", 3, "installTaps", 2, "downloads", 1)));
    }

    @Test
    void stats_app_addsUpItsBuilds() throws Exception {
        Map<String, Object> funnel = json(APP);

        assertThat(funnel.get("total")).isEqualTo(counts(4, 3, 1));
        assertThat((List<?>) funnel.get("builds")).hasSize(2);
        assertThat(funnel.get("iosVersions")).satisfies(rows -> assertThat(((List<Map<String, Object>>) rows).get(0))
                .containsEntry("ios", "17.5"));
    }

    @Test
    void stats_appChannel_countsThatChannelOnly() throws Exception {
        assertThat(json(APP + ":qa").get("total")).isEqualTo(counts(1, 1, 0));
    }

    @Test
    void stats_longerSince_includesOlderViews() throws Exception {
        assertThat(json(BUILD_A, "--since", "30d").get("total")).isEqualTo(counts(4, 2, 1));
    }

    @Test
    void stats_text_printsTheSameCountsAsATable() {
        Cli.Run run = Cli.run("stats", BUILD_A, "--local", "--data", data.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.lines()[0]).startsWith("Install funnel of build " + BUILD_A + ", last 7 days (since ");
        assertThat(run.out()).contains(String.format("  %-24s %10d %13d %10d%n", "total", 3, 2, 1))
                .contains(String.format("  %-24s %10d %13d %10d%n", "18.1", 0, 2, 1));
    }

    @Test
    void stats_noEventLogYet_printsZeros() throws Exception {
        Cli.Run run = Cli.run("stats", BUILD_A, "--local", "--data", data.resolve("empty").toString(), "--json");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(JSON.std.mapFrom(run.out()).get("total")).isEqualTo(counts(0, 0, 0));
    }

    @Test
    void stats_deployedWithoutLogGroup_exitsTwoNamingTheOption() {
        Cli.Run run = Cli.run("stats", BUILD_A, "--log-group", "");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("slipway: no log group: add --local for the local stack, or --log-group NAME "
                + "(the stack's InstallLogGroupName output, or env SLIPWAY_LOG_GROUP)\n");
    }

    @Test
    void stats_badTarget_exitsTwo() {
        Cli.Run run = Cli.run("stats", "not a target", "--local", "--data", data.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("slipway: \"not a target\" is neither a build id");
    }
}
