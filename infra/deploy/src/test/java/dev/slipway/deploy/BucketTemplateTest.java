package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one bucket: private, encrypted, TLS only, versioned, and named the way the functions name it. */
class BucketTemplateTest {
    static final String BUCKET = "slipway-" + Stack.STACK_UUID;
    static final String BUCKET_ARN = "arn:aws:s3:::" + BUCKET;

    private final Template template = Template.load();
    private final Stack stack = new Stack(template);

    @Test
    void bucketName_isTheNameEveryFunctionIsGiven() {
        // given: functions name the bucket by a string built from the stack id, because a !Ref to it
        // would close the bucket -> notification -> function -> role -> bucket loop
        List<String> functions = List.of("IngestFunction", "InstallFunction", "EnrolFunction");
        // when
        Object name = stack.properties("Bucket").get("BucketName");
        // then
        assertThat(name).isEqualTo(BUCKET);
        assertThat(functions).hasSize(3).allSatisfy(function -> assertThat(
                Nodes.at(stack.function(function), "Environment", "Variables", "SLIPWAY_BUCKET")).isEqualTo(BUCKET));
    }

    @Test
    void notifyFunction_isNotGivenTheBucket() {
        // then: it touches only its queue and the webhook secret
        assertThat(Nodes.at(stack.function("NotifyFunction"), "Environment", "Variables", "SLIPWAY_BUCKET")).isNull();
    }

    @Test
    void bucket_isEncryptedAtRest() {
        // when
        Object encryption = Nodes.at(stack.properties("Bucket"), "BucketEncryption", "ServerSideEncryptionConfiguration");
        // then
        assertThat(encryption).isEqualTo(List.of(Map.of(
                "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256"), "BucketKeyEnabled", true)));
    }

    @Test
    void bucket_blocksAllFourKindsOfPublicAccess() {
        // when
        Object block = stack.properties("Bucket").get("PublicAccessBlockConfiguration");
        // then
        assertThat(block).isEqualTo(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
    }

    @Test
    void bucket_isOwnerEnforced_soNoObjectAclCanOpenIt() {
        // when
        Object ownership = stack.properties("Bucket").get("OwnershipControls");
        // then
        assertThat(ownership).isEqualTo(Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))));
    }

    @Test
    void bucket_isVersioned_becauseTheUploadedVersionIsTheBuild() {
        // when
        Object versioning = stack.properties("Bucket").get("VersioningConfiguration");
        // then
        assertThat(versioning).isEqualTo(Map.of("Status", "Enabled"));
    }

    @Test
    void bucket_outlivesTheStack() {
        // when
        Map<String, Object> bucket = template.resource("Bucket");
        // then: deleting or replacing the stack must not take testers' builds with it
        assertThat(bucket.get("DeletionPolicy")).isEqualTo("Retain");
        assertThat(bucket.get("UpdateReplacePolicy")).isEqualTo("Retain");
    }

    @Test
    void bucketPolicy_deniesEveryRequestWithoutTls() {
        // when
        List<Object> statements = bucketPolicyStatements();
        // then
        assertThat(statements).contains(Map.of(
                "Sid", "TlsOnly",
                "Effect", "Deny",
                "Principal", "*",
                "Action", "s3:*",
                "Resource", List.of(BUCKET_ARN, BUCKET_ARN + "/*"),
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
    }

    @Test
    void bucketPolicy_allowsOnlyThisDistributionToReadStatic() {
        // when
        List<Object> allows = bucketPolicyStatements().stream()
                .filter(s -> "Allow".equals(Nodes.map(s, "statement").get("Effect"))).toList();
        // then
        assertThat(stack.properties("BucketPolicy").get("Bucket")).isEqualTo(BUCKET);
        assertThat(allows).containsExactly(Map.of(
                "Sid", "CloudFrontReadsStaticOnly",
                "Effect", "Allow",
                "Principal", Map.of("Service", "cloudfront.amazonaws.com"),
                "Action", "s3:GetObject",
                "Resource", BUCKET_ARN + "/static/*",
                "Condition", Map.of("StringEquals", Map.of(
                        "AWS:SourceArn", "arn:aws:cloudfront::" + Stack.ACCOUNT + ":distribution/{Distribution}"))));
    }

    private List<Object> bucketPolicyStatements() {
        return Nodes.list(Nodes.at(stack.properties("BucketPolicy"), "PolicyDocument", "Statement"), "Statement");
    }
}
