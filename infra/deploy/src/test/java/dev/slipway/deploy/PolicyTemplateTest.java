package dev.slipway.deploy;

import static dev.slipway.deploy.BucketTemplateTest.BUCKET_ARN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Least privilege for the functions' roles: inline statements only, no wildcard action or
 * resource, S3 access by prefix, and exactly the access each function's code uses.
 */
class PolicyTemplateTest {
    /** The link-signing secret's ARN, as the stack evaluates {@code !Ref LinkSecret}. */
    private static final String LINK_SECRET = "{LinkSecret}";
    /** The bucket itself, or every key under one prefix of it. */
    private static final Pattern S3_RESOURCE = Pattern.compile(Pattern.quote(BUCKET_ARN) + "(/([a-z0-9-]+/)+\\*)?");
    private static final String QUEUE = "{DeadLetterQueue.Arn}";
    private static final String TOPIC = "{NoticeTopic}";
    private static final String WEBHOOK_SECRET = "{WebhookSecret}";
    private static final String NOTICE_QUEUE = "{NoticeQueue.Arn}";

    private static final Template TEMPLATE = Template.load();

    private final Stack stack = new Stack(TEMPLATE);

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.slipway.deploy.Template#functionIds")
    void policies_areInlineStatements_notManagedPoliciesOrTemplates(String function) {
        // when
        Map<String, Object> properties = stack.function(function);
        List<Object> policies = Nodes.oneOrMany(properties.get("Policies"));
        // then: a managed policy (AmazonS3FullAccess) or SAM template (S3CrudPolicy) grants more than it says
        assertThat(properties).doesNotContainKey("Role");
        assertThat(policies).isNotEmpty().allSatisfy(policy -> {
            assertThat(policy).isInstanceOf(Map.class);
            assertThat(Nodes.map(policy, "policy")).containsOnlyKeys("Version", "Statement");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.slipway.deploy.Template#functionIds")
    void statements_allowNoWildcardAction(String function) {
        // when
        List<Map<String, Object>> statements = statements(function);
        // then
        assertThat(statements).isNotEmpty().allSatisfy(statement -> {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            assertThat(statement).doesNotContainKeys("NotAction", "NotResource");
            assertThat(Nodes.oneOrMany(statement.get("Action"))).isNotEmpty()
                    .allSatisfy(action -> assertThat((String) action).doesNotContain("*"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.slipway.deploy.Template#functionIds")
    void statements_nameTheBucketOrAPrefixOfIt_neverEverything(String function) {
        // when
        List<Object> resources = statements(function).stream()
                .flatMap(statement -> Nodes.oneOrMany(statement.get("Resource")).stream()).toList();
        // then
        assertThat(resources).isNotEmpty().allSatisfy(resource -> {
            assertThat(resource).isNotEqualTo("*");
            assertThat((String) resource).satisfiesAnyOf(
                    r -> assertThat(r).matches(S3_RESOURCE),
                    r -> assertThat(r).isIn(QUEUE, TOPIC, WEBHOOK_SECRET, NOTICE_QUEUE, LINK_SECRET));
        });
    }

    @Test
    void ingest_writesNothingUnderUploads() {
        // given: a write there would trigger the function again
        List<Map<String, Object>> statements = statements("IngestFunction");
        // when
        List<Object> written = statements.stream()
                .filter(statement -> Nodes.oneOrMany(statement.get("Action")).stream()
                        .map(String.class::cast)
                        .anyMatch(action -> action.startsWith("s3:") && !action.startsWith("s3:Get")
                                && !action.startsWith("s3:List")))
                .flatMap(statement -> Nodes.oneOrMany(statement.get("Resource")).stream())
                .toList();
        // then
        assertThat(written).isNotEmpty().allSatisfy(resource ->
                assertThat((String) resource).startsWith(BUCKET_ARN + "/").doesNotStartWith(BUCKET_ARN + "/uploads/"));
    }

    @Test
    void ingest_getsExactlyTheAccessItsCodeUses() {
        // when
        Map<String, Set<String>> access = access("IngestFunction");
        // then: the link keys sign the page links of its build notices
        assertThat(access).isEqualTo(Map.ofEntries(
                Map.entry(LINK_SECRET, Set.of("secretsmanager:GetSecretValue")),
                Map.entry(BUCKET_ARN, Set.of("s3:ListBucket")),
                Map.entry(BUCKET_ARN + "/uploads/*", Set.of("s3:GetObject", "s3:GetObjectVersion")),
                Map.entry(BUCKET_ARN + "/builds/*", Set.of("s3:GetObject", "s3:PutObject")),
                Map.entry(BUCKET_ARN + "/static/icons/*", Set.of("s3:PutObject")),
                Map.entry(BUCKET_ARN + "/apps/*", Set.of("s3:GetObject", "s3:PutObject")),
                Map.entry(BUCKET_ARN + "/failed/*", Set.of("s3:PutObject")),
                Map.entry(BUCKET_ARN + "/receipts/*", Set.of("s3:PutObject")),
                Map.entry(QUEUE, Set.of("sqs:SendMessage")),
                Map.entry(TOPIC, Set.of("sns:Publish"))));
    }

    @Test
    void notify_readsTheWebhookSecretAndConsumesItsQueue_nothingElse() {
        // when
        Map<String, Set<String>> access = access("NotifyFunction");
        // then
        assertThat(access).isEqualTo(Map.of(
                WEBHOOK_SECRET, Set.of("secretsmanager:GetSecretValue"),
                NOTICE_QUEUE, Set.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
                        "sqs:GetQueueAttributes")));
    }

    @Test
    void webhookSecretAndTopic_areReachedOnlyByTheirOwnFunction() {
        // when
        Map<String, Set<String>> ingest = access("IngestFunction");
        Map<String, Set<String>> install = access("InstallFunction");
        Map<String, Set<String>> notify = access("NotifyFunction");
        // then: only the sender reads the webhook secret; only the ingest publishes, to that topic
        assertThat(ingest).doesNotContainKey(WEBHOOK_SECRET);
        assertThat(install).doesNotContainKeys(WEBHOOK_SECRET, TOPIC);
        assertThat(notify).doesNotContainKey(TOPIC);
        // and the function gets the secret's ARN, not its value (which its configuration would show)
        assertThat(Nodes.at(stack.function("NotifyFunction"), "Environment", "Variables", "SLIPWAY_WEBHOOK_SECRET_ARN"))
                .isEqualTo(WEBHOOK_SECRET);
        assertThat(Repository.root().resolve("template.yaml")).content()
                .doesNotContain("resolve:secretsmanager:${WebhookSecret}");
    }

    @Test
    void install_readsOnlyWhatItServes() {
        // when
        Map<String, Set<String>> access = access("InstallFunction");
        // then: the uploaded version is the build's IPA, which its presigned downloads fetch
        assertThat(access).isEqualTo(Map.of(
                BUCKET_ARN, Set.of("s3:ListBucket"),
                BUCKET_ARN + "/uploads/*", Set.of("s3:GetObjectVersion"),
                BUCKET_ARN + "/builds/*", Set.of("s3:GetObject"),
                BUCKET_ARN + "/apps/*", Set.of("s3:GetObject"),
                BUCKET_ARN + "/failed/*", Set.of("s3:GetObject"),
                BUCKET_ARN + "/revocations/*", Set.of("s3:GetObject"),
                LINK_SECRET, Set.of("secretsmanager:GetSecretValue"),
                BUCKET_ARN + "/devices/*", Set.of("s3:GetObject")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"IngestFunction", "InstallFunction"})
    void listBucket_hasNoCondition_soAMissingKeyIs404(String function) {
        // given: without s3:ListBucket, S3 answers a GET of a missing key with 403, which the catalog
        // takes for a fault; S3 decides that without a prefix, so a prefix condition also makes 403s
        List<Map<String, Object>> statements = statements(function);
        // when
        List<Map<String, Object>> listing = statements.stream()
                .filter(statement -> Nodes.oneOrMany(statement.get("Action")).contains("s3:ListBucket")).toList();
        // then
        assertThat(listing).singleElement().satisfies(statement -> {
            assertThat(statement.get("Resource")).isEqualTo(BUCKET_ARN);
            assertThat(statement).doesNotContainKey("Condition");
        });
    }

    private List<Map<String, Object>> statements(String function) {
        return stack.statements(function);
    }

    /** Resource → the actions allowed on it, across all statements. */
    private Map<String, Set<String>> access(String function) {
        Map<String, Set<String>> access = new TreeMap<>();
        for (Map<String, Object> statement : statements(function)) {
            for (Object resource : Nodes.oneOrMany(statement.get("Resource"))) {
                for (Object action : Nodes.oneOrMany(statement.get("Action"))) {
                    access.computeIfAbsent((String) resource, r -> new TreeSet<>()).add((String) action);
                }
            }
        }
        return access;
    }
}
