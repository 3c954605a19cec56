package dev.slipway.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/** The deployed side of {@code slipway stats}: the query it sends and how it reads the rows AWS answers. */
class LogsInsightsTest {
    private static final Instant SINCE = Instant.parse("2026-11-25T00:00:00Z");

    @Test
    void query_build_filtersOnTheBuildAndCountsPerDay() {
        assertThat(LogsInsights.query(new FunnelTarget(new BuildScope("aaaaaaaaaaaaaaaaaaaa"), SINCE))).isEqualTo(
                "fields event, build, app, channel, ios, client, method, result"
                        + " | filter event in [\"page.view\", \"manifest.fetch\", \"package.download\"] and result = \"ok\""
                        + " and method = \"GET\" and build = \"aaaaaaaaaaaaaaaaaaaa\""
                        + " | stats count(*) as n by event, build, app, channel, ios, client, bin(1d) as day");
    }

    @Test
    void query_appChannel_filtersOnBoth() {
        assertThat(LogsInsights.query(new FunnelTarget(new AppScope("com.example.app", "beta"), SINCE)))
                .contains("and app = \"com.example.app\" and channel = \"beta\" |");
    }

    @Test
    void rows_countsPerDay_feedTheSameFunnel() {
        List<List<ResultField>> rows = List.of(
                row("page.view", "safari", "18.6", "5"),
                row("manifest.fetch", "installer", "18.1", "3"),
                row("manifest.fetch", "safari", "18.6", "1"),
                row("package.download", "installer", "18.1", "2"));

        Funnel funnel = Funnel.of(new FunnelTarget(new BuildScope("aaaaaaaaaaaaaaaaaaaa"), SINCE), LogsInsights.rows(rows));

        assertThat(funnel.total().pageViews()).isEqualTo(5);
        assertThat(funnel.total().installTaps()).isEqualTo(3);
        assertThat(funnel.total().downloads()).isEqualTo(2);
        assertThat(funnel.byDay()).containsOnlyKeys("2026-12-01");
    }

    private static List<ResultField> row(String event, String client, String ios, String n) {
        return List.of(field("event", event), field("build", "aaaaaaaaaaaaaaaaaaaa"), field("app", "com.example.app"),
                field("channel", "beta"), field("ios", ios), field("client", client),
                field("day", "2026-12-01 00:00:00.000"), field("n", n));
    }

    private static ResultField field(String name, String value) {
        return ResultField.builder().field(name).value(value).build();
    }
}
