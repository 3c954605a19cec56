package dev.slipway.deploy;

import static dev.slipway.deploy.BucketTemplateTest.BUCKET_ARN;
import static dev.slipway.deploy.CloudFrontTemplateTest.apiBehaviour;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Devices: the enrol function's routes, role and settings, and the one CloudFront path that takes
 * POST. Its own file, beside the general template tests, as its own block is in template.yaml.
 */
class EnrolTemplateTest {
    private static final Template TEMPLATE = Template.load();

    private final Stack stack = new Stack(TEMPLATE);

    @Test
    void enrol_answersGetUnderEnrolAndPostOnTheAnswerPathOnly() {
        // when
        Map<String, Object> events = Nodes.map(stack.function("EnrolFunction").get("Events"), "Events");
        // then: the HTTP API picks the most specific route, so GET /enrol/… comes here and not to install
        assertThat(events.values()).containsExactlyInAnyOrder(route("GET", "/enrol/{proxy+}"), route("POST", "/enrol/answer"));
        assertThat(stack.function("EnrolFunction").get("Handler")).isEqualTo("dev.slipway.enrol.EnrolHandler::handleRequest");
        assertThat(stack.function("EnrolFunction").get("Timeout")).isEqualTo(15);
    }

    @Test
    void enrol_mayWriteOnlyUnderDevices() {
        // when
        Map<String, Set<String>> access = new TreeMap<>();
        for (Map<String, Object> s : stack.statements("EnrolFunction")) {
            assertThat(s.get("Effect")).isEqualTo("Allow");
            for (Object resource : Nodes.oneOrMany(s.get("Resource"))) {
                for (Object action : Nodes.oneOrMany(s.get("Action"))) {
                    access.computeIfAbsent((String) resource, r -> new TreeSet<>()).add((String) action);
                }
            }
        }
        // then: it reads a device's earlier record and writes the new one; ListBucket makes a first
        // enrolment's missing record a 404
        assertThat(access).isEqualTo(Map.of(
                "{LinkSecret}", Set.of("secretsmanager:GetSecretValue"),
                BUCKET_ARN, Set.of("s3:ListBucket"),
                BUCKET_ARN + "/devices/*", Set.of("s3:GetObject", "s3:PutObject")));
    }

    @Test
    void enrol_getsSecretsByArnOnly_andReadsTheSigningSecretOnlyWhenNamed() {
        // given
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:slipway/profile-signing-AbCdEf";
        Stack signing = new Stack(TEMPLATE, Map.of("ProfileSigningSecret", arn));
        // when
        Object keys = Nodes.at(stack.function("EnrolFunction"), "Environment", "Variables", "SLIPWAY_LINK_SECRET_ARN");
        Object unsigned = Nodes.at(stack.function("EnrolFunction"), "Environment", "Variables",
                "SLIPWAY_PROFILE_SIGNING_SECRET_ARN");
        Object signed = Nodes.at(signing.function("EnrolFunction"), "Environment", "Variables",
                "SLIPWAY_PROFILE_SIGNING_SECRET_ARN");
        // then: the function reads the keys and the signing key itself; no environment holds them
        assertThat(keys).isEqualTo("{LinkSecret}");
        assertThat(unsigned).isEqualTo("");
        assertThat(signed).isEqualTo(arn);
        assertThat(String.valueOf(Nodes.at(signing.function("EnrolFunction"), "Environment", "Variables")))
                .doesNotContain("{LinkSecret}:SecretString").doesNotContain(arn + ":SecretString");
        assertThat(signing.statements("EnrolFunction")).anySatisfy(statement -> {
            assertThat(statement.get("Action")).isEqualTo("secretsmanager:GetSecretValue");
            assertThat(statement.get("Resource")).isEqualTo(arn);
        });
        assertThat(stack.statements("EnrolFunction")).noneSatisfy(statement ->
                assertThat(statement.get("Resource")).isEqualTo(arn));
    }

    @Test
    void cloudFront_allowsPostOnTheAnswerPathOnly_uncached_withTheViewerHost() {
        // when
        Map<String, Object> config = Nodes.map(stack.properties("Distribution").get("DistributionConfig"), "DistributionConfig");
        List<Object> behaviours = Nodes.list(config.get("CacheBehaviors"), "CacheBehaviors");
        // then: CloudFront has no POST-only set, so the answer path allows all seven methods and the
        // HTTP API routes only POST there; every other path stays GET and HEAD
        Map<String, Object> answerPath = new TreeMap<>(apiBehaviour(
                List.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"), false));
        answerPath.put("PathPattern", "/enrol/answer");
        assertThat(behaviours).filteredOn(b -> Nodes.map(b, "behaviour").get("AllowedMethods") instanceof List<?> methods
                && methods.contains("POST")).singleElement().isEqualTo(answerPath);
        assertThat(Nodes.map(config.get("DefaultCacheBehavior"), "default").get("AllowedMethods"))
                .isEqualTo(List.of("GET", "HEAD"));
    }

    private static Map<String, Object> route(String method, String path) {
        return Map.of("Type", "HttpApi", "Properties",
                Map.of("ApiId", "{HttpApi}", "Path", path, "Method", method, "PayloadFormatVersion", "2.0"));
    }
}
