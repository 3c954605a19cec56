package dev.slipway.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {
    @Test
    void query_repeatedAndEncodedNames_areDecodedAndJoinedWithCommas() {
        // As API Gateway's payload 2.0 carries them: decoded, a repeated name's values joined by commas.
        Map<String, String> query = HttpApiEvents.query("t=abc-_&a=1&a=2&name=My%20App%2B&flag");

        assertThat(query).containsExactly(Map.entry("t", "abc-_"), Map.entry("a", "1,2"), Map.entry("name", "My App+"),
                Map.entry("flag", ""));
    }

    @Test
    void query_none_isNull() {
        assertThat(HttpApiEvents.query(null)).isNull();
        assertThat(HttpApiEvents.query("")).isNull();
    }

    @Test
    void query_malformedEscape_isPassedOnAsItCame() {
        assertThat(HttpApiEvents.query("t=%zz")).containsExactly(Map.entry("t", "%zz"));
    }
}
