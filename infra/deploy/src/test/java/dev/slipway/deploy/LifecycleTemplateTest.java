package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the bucket's lifecycle rules do to each kind of key, worked out for given parameter values.
 * On the versioned bucket an upload's version is its build's IPA, so whatever cleans up
 * {@code uploads/} must leave that version alone for as long as the build exists.
 */
class LifecycleTemplateTest {
    private static final String UPLOAD = "uploads/beta/MyApp.ipa";
    /** One key under every prefix the functions and the CLI write. */
    private static final List<String> WRITTEN = List.of("builds/aagle73ubqgpohqy3oiu/build.json",
            "static/icons/aagle73ubqgpohqy3oiu.png", "apps/com.example.app/channels/beta/0-aagle73ubqgpohqy3oiu.json",
            "failed/aagle73ubqgpohqy3oiu.json", "receipts/0f1e.json", "revocations/builds/aagle73ubqgpohqy3oiu");

    private final Template template = Template.load();

    @Test
    void uploadVersions_areNeverExpired_whenBuildsAreKeptForever() {
        // given
        Stack stack = new Stack(template, Map.of("BuildRetentionDays", "0"));
        // when
        List<Object> noncurrentDays = actions(stack, UPLOAD, "NoncurrentVersionExpiration");
        // then
        assertThat(noncurrentDays).isEmpty();
        assertThat(actions(stack, UPLOAD, "NoncurrentVersionExpirationInDays")).isEmpty();
    }

    @Test
    void uploadVersions_liveAsLongAsBuilds_whenBuildsExpire() {
        // given
        Stack stack = new Stack(template, Map.of("BuildRetentionDays", "30"));
        // when
        List<Object> noncurrent = actions(stack, UPLOAD, "NoncurrentVersionExpiration");
        // then: days counted from when the version stopped being current, so never before its build
        assertThat(noncurrent).containsExactly(Map.of("NoncurrentDays", 30));
        assertThat(actions(stack, UPLOAD, "NoncurrentVersionExpirationInDays")).isEmpty();
    }

    @Test
    void builds_expireAfterTheRetention_orNever() {
        // given
        Stack forever = new Stack(template, Map.of("BuildRetentionDays", "0"));
        Stack month = new Stack(template, Map.of("BuildRetentionDays", "30"));
        List<String> buildKeys = WRITTEN.subList(0, 3);
        // when / then
        for (String key : buildKeys) {
            assertThat(actions(forever, key, "ExpirationInDays")).as(key).isEmpty();
            assertThat(actions(month, key, "ExpirationInDays")).as(key).containsExactly(30);
        }
    }

    @Test
    void failureRecordsAndReceipts_expireAfterTheFailureRetention() {
        // given
        Stack stack = new Stack(template, Map.of("FailureRetentionDays", "45"));
        // when / then
        assertThat(actions(stack, "failed/aagle73ubqgpohqy3oiu.json", "ExpirationInDays")).containsExactly(45);
        assertThat(actions(stack, "receipts/0f1e.json", "ExpirationInDays")).containsExactly(45);
    }

    @Test
    void uploads_leaveTheInboxAfterTheStaleDays() {
        // given
        Stack stack = new Stack(template, Map.of("StaleUploadDays", "9"));
        // when
        List<Object> expiration = actions(stack, UPLOAD, "ExpirationInDays");
        // then
        assertThat(expiration).containsExactly(9);
    }

    @Test
    void revocations_neverExpire() {
        // given: an expired revocation would bring revoked links back to life
        Stack stack = new Stack(template, Map.of("BuildRetentionDays", "30"));
        // when
        List<Object> expiration = actions(stack, "revocations/builds/aagle73ubqgpohqy3oiu", "ExpirationInDays");
        // then
        assertThat(expiration).isEmpty();
    }

    @Test
    void noncurrentVersionsOutsideUploads_goAfterADay() {
        // given: expiring a current version only hides it behind a delete marker
        Stack stack = new Stack(template, Map.of("BuildRetentionDays", "30"));
        // when / then
        for (String key : WRITTEN) {
            assertThat(actions(stack, key, "NoncurrentVersionExpiration")).as(key)
                    .containsExactly(Map.of("NoncurrentDays", 1));
        }
    }

    @Test
    void abandonedMultipartUploadsAndOrphanDeleteMarkers_areCleanedEverywhere() {
        // given
        Stack stack = new Stack(template);
        // when / then
        for (String key : concat(UPLOAD, WRITTEN)) {
            assertThat(actions(stack, key, "AbortIncompleteMultipartUpload")).as(key)
                    .containsExactly(Map.of("DaysAfterInitiation", 7));
            assertThat(actions(stack, key, "ExpiredObjectDeleteMarker")).as(key).containsExactly(true);
        }
    }

    @Test
    void everyRule_isOneS3Accepts() {
        // given
        for (String retention : List.of("0", "30")) {
            Stack stack = new Stack(template, Map.of("BuildRetentionDays", retention));
            // when
            List<Map<String, Object>> rules = rules(stack);
            Set<Object> ids = new HashSet<>();
            // then
            assertThat(rules).hasSize(8).allSatisfy(rule -> {
                assertThat(rule.get("Status")).isEqualTo("Enabled");
                assertThat(ids.add(rule.get("Id"))).as("unique id %s", rule.get("Id")).isTrue();
                assertThat(rule.keySet()).as("an action in %s", rule.get("Id")).containsAnyOf("ExpirationInDays",
                        "NoncurrentVersionExpiration", "AbortIncompleteMultipartUpload", "ExpiredObjectDeleteMarker");
                // S3 refuses a rule that both expires after days and removes expired delete markers.
                assertThat(rule.containsKey("ExpirationInDays") && rule.containsKey("ExpiredObjectDeleteMarker"))
                        .as("rule %s", rule.get("Id")).isFalse();
            });
        }
    }

    private static List<Map<String, Object>> rules(Stack stack) {
        Object rules = Nodes.at(stack.properties("Bucket"), "LifecycleConfiguration", "Rules");
        return Nodes.list(rules, "Rules").stream().map(rule -> Nodes.map(rule, "rule")).toList();
    }

    /** The values of one action across the enabled rules whose prefix covers the key. */
    private static List<Object> actions(Stack stack, String key, String action) {
        return rules(stack).stream()
                .filter(rule -> "Enabled".equals(rule.get("Status")))
                .filter(rule -> key.startsWith((String) Objects.requireNonNullElse(rule.get("Prefix"), "")))
                .map(rule -> rule.get(action))
                .filter(Objects::nonNull)
                .toList();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
