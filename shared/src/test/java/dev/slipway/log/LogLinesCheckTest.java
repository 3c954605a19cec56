package dev.slipway.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check every handler test's log lines go through must itself refuse what it should. */
class LogLinesCheckTest {
    private static final String VIEW = "{\"timestamp\":\"2026-12-02T10:00:00Z\",\"level\":\"INFO\",\"event\":\"page.view\","
            + "\"logger\":\"Router\",\"requestId\":\"r-1\",\"build\":\"ldmno3zzyq2nqa3rquv7\",\"app\":\"com.example.app\","
            + "\"channel\":\"beta\",\"status\":200,\"result\":\"ok\",\"ms\":3,\"device\":\"iPhone\",\"ios\":\"18.1\","
            + "\"client\":\"safari\"%s}";

    @Test
    void problem_schemaLine_isNone() {
        assertThat(LogLinesCheck.problem(VIEW.formatted(""))).isNull();
    }

    @Test
    void problem_pageViewWithoutDevice_saysSo() {
        assertThat(LogLinesCheck.problem(VIEW.formatted("").replace("\"device\":\"iPhone\",", "")))
                .isEqualTo("page.view without device");
    }

    @Test
    void problem_tokenInAField_isCaught() {
        assertThat(LogLinesCheck.problem(VIEW.formatted(",\"why\":\"AQEAAABnTx5-AAAAAAAnjQACazEBFGxkbW5vM3p6eXEybnFhM3Jx\"")))
                .isEqualTo("holds something token-like");
        assertThat(LogLinesCheck.problem(VIEW.formatted(",\"path\":\"/b/x?t=abc\""))).isEqualTo("holds a signed URL");
    }

    @Test
    void problem_udidIpOrNotes_areCaught() {
        assertThat(LogLinesCheck.problem(VIEW.formatted(",\"device2\":\"00008030-001A2B3C4D5E6F70\"")))
                .isEqualTo("holds a UDID");
        assertThat(LogLinesCheck.problem(VIEW.formatted(",\"from\":\"130.176.212.17\""))).isEqualTo("holds an IP address");
        assertThat(LogLinesCheck.problem(VIEW.formatted(",\"reason\":\"Fixes & features\"")))
                .isEqualTo("holds release notes");
        assertThat(LogLinesCheck.problem(VIEW.formatted(",\"releaseNotes\":null"))).isEqualTo("has a releaseNotes field");
    }

    @Test
    void problem_notJson_saysSo() {
        assertThat(LogLinesCheck.problem("2026-12-02 INFO built it")).isEqualTo("not a JSON object");
    }
}
