package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.access.KeyRing;
import dev.slipway.access.SecretKeySource;
import dev.slipway.access.SecretsManagerSecret;
import dev.slipway.aws.Credentials;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.Receipt;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.fixtures.TestIpa;
import dev.slipway.storage.S3Clients;
import dev.slipway.storage.SdkObjectStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The ingest function's sam build package deployed into LocalStack's Lambda, as the template
 * configures it (handler, runtime, memory, timeout, environment), triggered by a real bucket
 * notification with the template's filter: an uploaded IPA becomes a build and its build-ready
 * notice reaches a queue subscribed to an SNS topic (SNS's real protocol: no SNS endpoint runs on
 * the development machines), and a function whose every S3 call fails ends in the dead-letter
 * queue. And the install function's key source against Secrets Manager itself: a rotated secret
 * is read again. Skipped where Docker is absent; CI runs it.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIngestTest {
    /**
     * A December 2025 release: LocalStack images published from March 2026 on refuse to start
     * without an auth token. S3, Lambda, SQS and IAM are in the free tier it has.
     */
    private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.12.0");
    private static final String REGION = "us-east-1";
    /** LocalStack's account. */
    private static final String ACCOUNT = "000000000000";
    /** Generous: the first invocation pulls the java21 runtime image and starts a JVM. */
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final String ZIP_IN_CONTAINER = "/tmp/ingest.zip";
    private static final String TRUST_LAMBDA = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    // LocalStackContainer binds the Docker socket into the container, so its Lambda can start
    // function containers next to it.
    @Container
    private static final LocalStackContainer LOCALSTACK = new LocalStackContainer(IMAGE)
            .withServices("s3", "lambda", "sqs", "sns", "iam", "logs", "secretsmanager")
            .withEnv("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "120");

    private static final Template TEMPLATE = Template.load();
    private static final String SITE = "https://install.example.com";
    private static S3Client s3;
    private static String roleArn;
    private static Path ipa;
    private static String topicArn;
    private static String noticeQueueUrl;
    private static String linkSecretArn;

    private final Map<String, String> functionsCreated = new LinkedHashMap<>();

    /** The functions' own logs: the only view into them when an assertion fails. */
    @RegisterExtension
    final TestWatcher functionLogsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            functionsCreated.keySet().forEach(name -> System.out.println("--- " + context.getDisplayName()
                    + ": logs of " + name + "\n" + functionLogs(name)));
        }
    };

    @BeforeAll
    static void uploadThePackage() throws Exception {
        s3 = S3Clients.create(Region.of(REGION), LOCALSTACK.getEndpoint(), StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())));
        Path zip = zip(FunctionArtifacts.of("IngestFunction"), Path.of("target", "sam", "IngestFunction.zip"));
        LOCALSTACK.copyFileToContainer(MountableFile.forHostPath(zip), ZIP_IN_CONTAINER);
        roleArn = awslocal("iam", "create-role", "--role-name", "slipway-ingest",
                "--assume-role-policy-document", TRUST_LAMBDA, "--query", "Role.Arn", "--output", "text");
        ipa = TestIpa.app().bundleId("dev.slipway.test.localstack").write(Files.createTempFile("localstack", ".ipa"));
        // The template's LinkSecret, which the ingest reads to sign the notices' page links.
        linkSecretArn = awslocal("secretsmanager", "create-secret", "--name", "slipway-links",
                "--secret-string", KeyRing.generate().toSecretJson(), "--query", "ARN", "--output", "text");
        // The template's notice topic, with a queue subscribed as NoticeQueueSubscription does it.
        topicArn = awslocal("sns", "create-topic", "--name", "slipway-notices", "--query", "TopicArn", "--output", "text");
        noticeQueueUrl = awslocal("sqs", "create-queue", "--queue-name", "slipway-notices",
                "--query", "QueueUrl", "--output", "text");
        awslocal("sns", "subscribe", "--topic-arn", topicArn, "--protocol", "sqs",
                "--notification-endpoint", "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":slipway-notices",
                "--attributes", "RawMessageDelivery=true");
    }

    @Test
    void upload_becomesABuild_whenTheBucketNotificationInvokesTheDeployedFunction() throws Exception {
        // given
        String bucket = "slipway-it-build";
        createVersionedBucket(bucket);
        String function = createFunction("slipway-ingest-build", bucket, Map.of("AWS_ENDPOINT_URL_S3", localStackForFunctions()));
        notifyOnUploads(bucket, function);
        String key = "uploads/beta/Sample.ipa";
        // when
        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(ipa));
        // then
        S3Catalog catalog = new S3Catalog(new SdkObjectStore(s3, bucket));
        Receipt receipt = await("a receipt for " + key, () -> catalog.receipt(key));
        assertThat(receipt.outcome()).as("receipt %s", receipt).isEqualTo(Receipt.BUILT);
        BuildRecord build = catalog.build(receipt.id()).orElseThrow();
        assertThat(build.bundleId()).isEqualTo("dev.slipway.test.localstack");
        assertThat(build.channel()).isEqualTo("beta");
        // On the versioned bucket the uploaded version itself is the build's IPA.
        assertThat(build.ipaKey()).isEqualTo(key);
        assertThat(build.ipaVersionId()).isEqualTo(put.versionId());
        // and the function published its notice on the topic, which delivered it to the queue
        Map<String, Object> notice = await("a notice on the topic's queue", () -> receive(noticeQueueUrl));
        assertThat(notice).containsEntry("type", "build.ready").containsEntry("id", "build.ready:" + receipt.id())
                .containsEntry("channel", "beta");
        assertThat((String) Nodes.at(notice, "links", "page")).startsWith(SITE + "/b/" + receipt.id() + "?t=");
    }

    @Test
    void ingestFailure_sendsTheEventToTheDeadLetterQueue() throws Exception {
        // given: nothing listens on the discard port, so every S3 call the function makes fails
        String bucket = "slipway-it-failure";
        createVersionedBucket(bucket);
        String queueUrl = awslocal("sqs", "create-queue", "--queue-name", "slipway-ingest-dlq",
                "--query", "QueueUrl", "--output", "text");
        String queueArn = "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":slipway-ingest-dlq";
        String function = createFunction("slipway-ingest-failing", bucket, Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9"));
        awslocal("lambda", "put-function-event-invoke-config", "--function-name", function,
                "--maximum-retry-attempts", "0",
                "--destination-config", "{\"OnFailure\":{\"Destination\":\"" + queueArn + "\"}}");
        notifyOnUploads(bucket, function);
        String key = "uploads/Broken.ipa";
        // when
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(ipa));
        // then
        Map<String, Object> failed = await("a message in the dead-letter queue", () -> receive(queueUrl));
        assertThat(Nodes.at(failed, "requestContext", "condition")).isEqualTo("RetriesExhausted");
        assertThat(Nodes.at(failed, "responseContext", "functionError")).isEqualTo("Unhandled");
        Object record = Nodes.list(Nodes.at(failed, "requestPayload", "Records"), "Records").get(0);
        assertThat(Nodes.at(record, "s3", "bucket", "name")).isEqualTo(bucket);
        assertThat(Nodes.at(record, "s3", "object", "key")).isEqualTo(key);
    }

    @Test
    void linkKeys_secretRotatedInSecretsManager_areReadAgain() throws Exception {
        // given a secret holding a key ring, read as the install function reads it
        KeyRing first = KeyRing.generate();
        String arn = awslocal("secretsmanager", "create-secret", "--name", "slipway-link-keys",
                "--secret-string", first.toSecretJson(), "--query", "ARN", "--output", "text");
        SecretsManagerSecret secret = SecretsManagerSecret.atEndpoint(LOCALSTACK.getEndpoint(), REGION,
                () -> new Credentials(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey(), null),
                UrlConnectionHttpClient.create(), arn);
        SecretKeySource keys = new SecretKeySource(secret, Clock.systemUTC());
        assertThat(keys.keys().keyIds()).isEqualTo(first.keyIds());
        // when the secret is rotated and the cache expires (as after a SnapStart restore)
        KeyRing rotated = KeyRing.of("k2", Map.of("k1", new byte[32], "k2", new byte[32]));
        awslocal("secretsmanager", "put-secret-value", "--secret-id", arn, "--secret-string", rotated.toSecretJson());
        keys.expire();
        // then
        assertThat(keys.keys().currentKeyId()).isEqualTo("k2");
    }

    /**
     * A function made from the package with the template's handler, memory, timeout and
     * environment, pointed at the given bucket. Architecture is left at LocalStack's default, the
     * runner's own (the template's arm64 would need emulation on x86 runners).
     *
     * @return the function's ARN
     */
    private String createFunction(String name, String bucket, Map<String, String> extraEnvironment) throws Exception {
        Map<String, Object> properties = new Stack(TEMPLATE).function("IngestFunction");
        Map<String, Object> variables = new LinkedHashMap<>(Nodes.map(Nodes.at(properties, "Environment", "Variables"), "Variables"));
        variables.put("SLIPWAY_BUCKET", bucket);
        // What CloudFormation resolves at deploy time: the topic, the site, the generated keys.
        variables.put("SLIPWAY_NOTICE_TOPIC_ARN", topicArn);
        variables.put("SLIPWAY_SITE_URL", SITE);
        variables.put("SLIPWAY_LINK_SECRET_ARN", linkSecretArn);
        variables.put("AWS_ENDPOINT_URL_SNS", localStackForFunctions());
        variables.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", localStackForFunctions());
        variables.putAll(extraEnvironment);
        String arn = awslocal("lambda", "create-function", "--function-name", name,
                "--runtime", (String) properties.get("Runtime"),
                "--handler", (String) properties.get("Handler"),
                "--memory-size", String.valueOf(properties.get("MemorySize")),
                "--timeout", String.valueOf(properties.get("Timeout")),
                "--role", roleArn,
                "--zip-file", "fileb://" + ZIP_IN_CONTAINER,
                "--environment", JSON.std.asString(Map.of("Variables", variables)),
                "--query", "FunctionArn", "--output", "text");
        functionsCreated.put(name, arn);
        String state = await("function " + name + " to leave Pending", () -> {
            String now = awslocal("lambda", "get-function", "--function-name", name,
                    "--query", "Configuration.State", "--output", "text");
            return now.equals("Pending") ? Optional.empty() : Optional.of(now);
        });
        assertThat(state).as("state of %s: %s", name, awslocal("lambda", "get-function", "--function-name", name))
                .isEqualTo("Active");
        return arn;
    }

    /** The notification SAM adds for the template's S3 event: its events and filter, and S3's permission. */
    private static void notifyOnUploads(String bucket, String functionArn) throws Exception {
        Map<String, Object> event = Nodes.map(Nodes.at(new Stack(TEMPLATE).function("IngestFunction"),
                "Events", "Upload", "Properties"), "Upload");
        List<FilterRule> rules = Nodes.list(Nodes.at(event, "Filter", "S3Key", "Rules"), "Rules").stream()
                .map(rule -> Nodes.map(rule, "rule"))
                .map(rule -> FilterRule.builder().name((String) rule.get("Name")).value((String) rule.get("Value")).build())
                .toList();
        awslocal("lambda", "add-permission", "--function-name", functionArn, "--statement-id", "s3-" + bucket,
                "--action", "lambda:InvokeFunction", "--principal", "s3.amazonaws.com",
                "--source-account", ACCOUNT, "--source-arn", "arn:aws:s3:::" + bucket);
        LambdaFunctionConfiguration notification = LambdaFunctionConfiguration.builder()
                .lambdaFunctionArn(functionArn)
                .eventsWithStrings(Nodes.oneOrMany(event.get("Events")).stream().map(String.class::cast).toList())
                .filter(f -> f.key(k -> k.filterRules(rules)))
                .build();
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket)
                .notificationConfiguration(n -> n.lambdaFunctionConfigurations(notification)));
    }

    private static void createVersionedBucket(String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
    }

    /** Where function containers, started by LocalStack on its own Docker network, reach it: by IP, so S3 paths are path-style. */
    private static String localStackForFunctions() {
        String ip = LOCALSTACK.getContainerInfo().getNetworkSettings().getNetworks().values().iterator().next().getIpAddress();
        return "http://" + ip + ":4566";
    }

    private static Optional<Map<String, Object>> receive(String queueUrl) throws Exception {
        String output = awslocal("sqs", "receive-message", "--queue-url", queueUrl, "--wait-time-seconds", "5",
                "--max-number-of-messages", "1");
        if (output.isBlank()) {
            return Optional.empty();
        }
        List<Object> messages = Nodes.oneOrMany(JSON.std.mapFrom(output).get("Messages"));
        return messages.isEmpty() ? Optional.empty()
                : Optional.of(JSON.std.mapFrom(Nodes.map(messages.get(0), "message").get("Body")));
    }

    private String functionLogs(String name) {
        try {
            return awslocal("logs", "filter-log-events", "--log-group-name", "/aws/lambda/" + name,
                    "--query", "events[].message", "--output", "text");
        } catch (Exception | AssertionError e) {
            return "(no logs: " + e.getMessage() + ")";
        }
    }

    /** Runs the AWS CLI inside the container against LocalStack; its trimmed output. */
    private static String awslocal(String... arguments) throws IOException, InterruptedException {
        String[] command = Stream.concat(Stream.of("awslocal"), Stream.concat(Stream.of(arguments),
                Stream.of("--region", REGION))).toArray(String[]::new);
        ExecResult result = LOCALSTACK.execInContainer(command);
        if (result.getExitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + result.getExitCode() + ":\n"
                    + result.getStderr() + result.getStdout());
        }
        return result.getStdout().trim();
    }

    @FunctionalInterface
    private interface Probe<T> {
        Optional<T> poll() throws Exception;
    }

    private static <T> T await(String what, Probe<T> probe) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.poll();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("waited " + PATIENCE.toMinutes() + " minutes for " + what + "; LocalStack's log:\n"
                + LOCALSTACK.getLogs());
    }

    /** The package as Lambda takes it: the folder's content at the zip's root, lib/ included. */
    private static Path zip(Path folder, Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                entries.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, entries);
                entries.closeEntry();
            }
        }
        return zip;
    }
}
