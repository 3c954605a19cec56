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

    private static final Template TEMPLATE = Template.load();

    private final Stack stack = new Stack(TEMPLATE);

    static List<String> functions() {
        return TEMPLATE.functions();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
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
    @MethodSource("functions")
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
    @MethodSource("functions")
    void statements_nameTheBucketOrAPrefixOfIt_neverEverything(String function) {
        // when
        List<Object> resources = statements(function).stream()
                .flatMap(statement -> Nodes.oneOrMany(statement.get("Resource")).stream()).toList();
        // then
        assertThat(resources).isNotEmpty().allSatisfy(resource -> {
            assertThat(resource).isNotEqualTo("*");
            assertThat((String) resource).satisfiesAnyOf(
                    r -> assertThat(r).matches(S3_RESOURCE),
                    r -> assertThat(r).isEqualTo(QUEUE),
                    r -> assertThat(r).isEqualTo(LINK_SECRET));
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
        // then
        assertThat(access).isEqualTo(Map.of(
                BUCKET_ARN, Set.of("s3:ListBucket"),
                BUCKET_ARN + "/uploads/*", Set.of("s3:GetObject", "s3:GetObjectVersion"),
                BUCKET_ARN + "/builds/*", Set.of("s3:GetObject", "s3:PutObject"),
                BUCKET_ARN + "/static/icons/*", Set.of("s3:PutObject"),
                BUCKET_ARN + "/apps/*", Set.of("s3:PutObject"),
                BUCKET_ARN + "/failed/*", Set.of("s3:PutObject"),
                BUCKET_ARN + "/receipts/*", Set.of("s3:PutObject"),
                QUEUE, Set.of("sqs:SendMessage")));
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
                LINK_SECRET, Set.of("secretsmanager:GetSecretValue")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
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
        return Nodes.oneOrMany(stack.function(function).get("Policies")).stream()
                .flatMap(policy -> Nodes.oneOrMany(Nodes.map(policy, "policy").get("Statement")).stream())
                .map(statement -> Nodes.map(statement, "statement"))
                .toList();
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
