package dev.slipway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import dev.slipway.access.KeyRing;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.Receipt;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.fixtures.Fixtures;
import dev.slipway.fixtures.TestS3;
import dev.slipway.fixtures.ZipWriter;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Every jar in a function's package is one its handler loads: each package runs in a JVM of its
 * own over the sample events (events/), with the package alone on its class path (plus the
 * runtime's event serializer), the template's JVM options, an S3 endpoint (S3Proxy) and
 * credentials served the way SnapStart functions get theirs (the container credentials endpoint,
 * which the SDK reads as JSON); the JVM's class-loading log then names the jars it opened.
 */
class PackageClassLoadingTest {
    /** The sample events' build id and token, replaced by real ones. */
    private static final String SAMPLE_BUILD = "dqj2q5cxgv3adsyufere";
    private static final String SAMPLE_TOKEN = "AQJrMQFnwtqgACeNAAEaMDFKTjhaUTZWM0I0SzdNMlA5UjVUOFcxWFmSCgoX0eSUrX-7_Ih43vFo";
    /** The sample events' browser, and a desktop one (which gets a QR code to scan). */
    private static final String IPHONE = "iPhone; CPU iPhone OS 18_6 like Mac OS X";
    private static final String DESKTOP = "Windows NT 10.0; Win64; x64";
    private static final String SAMPLE_UPLOAD_KEY = "uploads/beta/fastlane+very+capable+app.ipa";
    private static final String SAMPLE_ETAG = "c7ecde7be197c5c82f5fccc49acbd9cb";
    private static final String UPLOAD_KEY = "uploads/beta/fastlane very capable app.ipa";
    private static final String INSTALLABLE_KEY = "uploads/beta/probe.ipa";
    private static final Pattern JAR_SOURCE = Pattern.compile("source: (?:jar:)?file:(\\S*/lib/[^/!\\s]+\\.jar)");
    private static final Pattern HANDLED = Pattern.compile("HANDLED (\\S+ \\S+)");
    private static final long RUN_MINUTES = 3;
    private static final String LINK_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:link-keys-AbCdEf";
    /** The CloudFront origin secret the sample HTTP events carry. */
    private static final String ORIGIN_SECRET = "sample-origin-secret-for-events";

    private static final Template TEMPLATE = Template.load();
    private static final KeyRing KEYS = KeyRing.generate();
    private static TestS3 s3server;
    private static HttpServer credentials;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        s3server = TestS3.start();
        credentials = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = ("{\"AccessKeyId\":\"" + TestS3.IDENTITY + "\",\"SecretAccessKey\":\"" + TestS3.CREDENTIAL
                // No session token: S3Proxy refuses x-amz-security-token.
                + "\",\"Expiration\":\"2099-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
        credentials.createContext("/credentials", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // Secrets Manager's GetSecretValue (JSON 1.1): the install function reads its link keys at init.
        byte[] secret = ("{\"ARN\":\"" + LINK_SECRET_ARN + "\",\"Name\":\"link-keys\",\"VersionId\":\"1\",\"SecretString\":"
                + quoted(KEYS.toSecretJson()) + "}").getBytes(StandardCharsets.UTF_8);
        credentials.createContext("/secrets", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, secret.length);
            exchange.getResponseBody().write(secret);
            exchange.close();
        });
        // SNS's Publish (query protocol): the ingest sends every build notice to the stack's topic.
        byte[] published = ("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                + "<MessageId>5d4e3f2a-0000-4000-8000-000000000001</MessageId></PublishResult><ResponseMetadata>"
                + "<RequestId>5d4e3f2a-0000-4000-8000-000000000002</RequestId></ResponseMetadata></PublishResponse>")
                .getBytes(StandardCharsets.UTF_8);
        // (at the root: the SDK posts SNS's query protocol to the endpoint's root, whatever its path)
        credentials.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, published.length);
            exchange.getResponseBody().write(published);
            exchange.close();
        });
        credentials.start();
    }

    @AfterAll
    static void stop() {
        credentials.stop(0);
        s3server.close();
    }

    @Test
    void packages_carryOnlyJarsTheirFunctionsLoad() throws Exception {
        // given two uploads: a real IPA (its profile CMS-signed, long expired) and one that still
        // installs (a bare-plist profile valid until 2099, whose page shows a desktop its QR code)
        Upload fixture = upload(UPLOAD_KEY, Fixtures.bytes("ipa/fastlane very capable app.ipa"));
        Upload installable = upload(INSTALLABLE_KEY, installableIpa());
        Path fixtureEvent = event("s3-put-upload.json", Map.of("\"size\": 20080", "\"size\": " + fixture.size(),
                SAMPLE_ETAG, fixture.eTag()));
        Path installableEvent = event("s3-put-upload.json", "s3-put-installable.json", Map.of(SAMPLE_UPLOAD_KEY,
                INSTALLABLE_KEY, "\"size\": 20080", "\"size\": " + installable.size(), SAMPLE_ETAG, installable.eTag()));

        // when the ingest package handles them
        Run ingest = run("IngestFunction", List.of(fixtureEvent, installableEvent));
        S3Catalog catalog = new S3Catalog(s3server.store());
        Receipt receipt = catalog.receipt(UPLOAD_KEY).orElseThrow();
        Receipt installableReceipt = catalog.receipt(INSTALLABLE_KEY).orElseThrow();

        // and the install package serves its pages, manifest and download, and refuses a bad token
        String id = receipt.id();
        String installableId = installableReceipt.id();
        LinkSigner signer = new LinkSigner(KEYS, Clock.systemUTC());
        Duration ttl = Duration.ofMinutes(30);
        List<Path> requests = List.of(
                event("http-get-build-page.json", Map.of(SAMPLE_BUILD, id, SAMPLE_TOKEN,
                        signer.sign(new BuildScope(id), Purpose.PAGE, ttl))),
                event("http-get-build-page.json", "desktop-build-page.json", Map.of(SAMPLE_BUILD, installableId,
                        SAMPLE_TOKEN, signer.sign(new BuildScope(installableId), Purpose.PAGE, ttl), IPHONE, DESKTOP)),
                event("http-get-app-page.json", Map.of(SAMPLE_TOKEN,
                        signer.sign(new AppScope("org.fastlane.very-capable-app", "beta"), Purpose.PAGE, ttl))),
                event("http-get-manifest.json", Map.of(SAMPLE_BUILD, id, SAMPLE_TOKEN,
                        signer.sign(new BuildScope(id), Purpose.MANIFEST, ttl))),
                event("http-head-download.json", Map.of(SAMPLE_BUILD, id, SAMPLE_TOKEN,
                        signer.sign(new BuildScope(id), Purpose.PACKAGE, ttl))),
                event("http-get-root.json", Map.of()),
                event("http-get-build-page.json", "bad-token.json", Map.of(SAMPLE_BUILD, id)));
        Run install = run("InstallFunction", requests);

        // then each answered, and each package's lib/ holds nothing its handler left unloaded
        assertThat(List.of(receipt.outcome(), installableReceipt.outcome())).as(receipt.reason() + installableReceipt.reason())
                .containsExactly(Receipt.BUILT, Receipt.BUILT);
        assertThat(ingest.handled()).as(ingest.printed()).containsExactly("s3-put-upload.json -", "s3-put-installable.json -");
        assertThat(install.handled()).as(install.printed()).containsExactly("http-get-build-page.json 200", "desktop-build-page.json 200",
                "http-get-app-page.json 200", "http-get-manifest.json 200", "http-head-download.json 302", "http-get-root.json 404", "bad-token.json 404");
        assertThat(Map.of("IngestFunction", ingest.unusedJars(), "InstallFunction", install.unusedJars()))
                .as("jars in each package that its handler never loads")
                .isEqualTo(Map.of("IngestFunction", Set.of(), "InstallFunction", Set.of()));
    }

    private record Upload(long size, String eTag) {
    }

    private static Upload upload(String key, byte[] ipa) {
        String eTag = s3server.client().putObject(b -> b.bucket(s3server.bucket()).key(key), RequestBody.fromBytes(ipa))
                .eTag().replace("\"", "");
        return new Upload(ipa.length, eTag);
    }

    /** An ad hoc build for one device, its profile a bare property list (no signature) valid until 2099. */
    private static byte[] installableIpa() throws IOException {
        String info = plist("<key>CFBundleIdentifier</key><string>dev.slipway.probe</string>"
                + "<key>CFBundleName</key><string>Probe</string><key>CFBundleShortVersionString</key><string>1.0</string>"
                + "<key>CFBundleVersion</key><string>1</string><key>MinimumOSVersion</key><string>15.0</string>"
                + "<key>CFBundleSupportedPlatforms</key><array><string>iPhoneOS</string></array>"
                + "<key>DTPlatformName</key><string>iphoneos</string>"
                + "<key>UIDeviceFamily</key><array><integer>1</integer></array>");
        String profile = plist("<key>Name</key><string>Probe Ad Hoc</string>"
                + "<key>UUID</key><string>0b0e7c4e-2f5d-4a59-9a50-2d6c1f0e9a11</string>"
                + "<key>CreationDate</key><date>2026-01-01T00:00:00Z</date>"
                + "<key>ExpirationDate</key><date>2099-01-01T00:00:00Z</date>"
                + "<key>TeamIdentifier</key><array><string>AB12CD34EF</string></array><key>TeamName</key><string>Slipway</string>"
                + "<key>Platform</key><array><string>iOS</string></array>"
                + "<key>ProvisionedDevices</key><array><string>00008110-000A1B2C3D4E5F6A</string></array>");
        Path file = dir.resolve("probe.ipa");
        try (ZipWriter zip = new ZipWriter(file)) {
            zip.deflated("Payload/Probe.app/Info.plist", info.getBytes(StandardCharsets.UTF_8));
            zip.deflated("Payload/Probe.app/embedded.mobileprovision", profile.getBytes(StandardCharsets.UTF_8));
        }
        return Files.readAllBytes(file);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String plist(String dictionary) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>" + dictionary + "</dict></plist>\n";
    }

    /** What one package's JVM handled, and the jars of its lib/ it never opened. */
    private record Run(List<String> handled, Set<String> unusedJars, String printed) {
    }

    private static Run run(String function, List<Path> events) throws IOException, InterruptedException, URISyntaxException {
        Path artifact = FunctionArtifacts.of(function);
        String handler = ((String) TEMPLATE.function(function).get("Handler")).split("::")[0];
        Path classLog = dir.resolve(function + "-classes.log");
        Path output = dir.resolve(function + "-output.log");
        List<String> classPath = new ArrayList<>();
        classPath.add(artifact.toString());
        FunctionArtifacts.libJars(artifact).forEach(jar -> classPath.add(artifact.resolve("lib").resolve(jar).toString()));
        // After the package, so the package's own copies of the event classes win, as in Lambda.
        classPath.add(Path.of(LambdaEventSerializers.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        classPath.add(Path.of(PackageRun.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(((String) Nodes.at(TEMPLATE.function(function), "Environment", "Variables", "JAVA_TOOL_OPTIONS"))
                .split(" ")));
        command.addAll(List.of("-Xlog:class+load=info:file=" + classLog, "-cp", String.join(File.pathSeparator, classPath),
                PackageRun.class.getName(), handler));
        events.forEach(event -> command.add(event.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        // Nothing from this machine's AWS set-up: region, bucket and keys as the template sets them.
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("HOME", dir.toString());
        env.put("AWS_REGION", TestS3.REGION.id());
        // What Lambda sets: the SDK takes the X-Ray trace id along when it sees a function name.
        env.put("AWS_LAMBDA_FUNCTION_NAME", function);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("_X_AMZN_TRACE_ID", "Root=1-6560a1b2-0a1b2c3d4e5f6a7b8c9d0e1f;Parent=53995c3f42cd8ad8;Sampled=1");
        env.put("AWS_ENDPOINT_URL_S3", s3server.endpoint().toString());
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + credentials.getAddress().getPort() + "/credentials");
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "local");
        env.put("SLIPWAY_BUCKET", s3server.bucket());
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:" + credentials.getAddress().getPort() + "/secrets");
        env.put("SLIPWAY_LINK_SECRET_ARN", LINK_SECRET_ARN);
        // Build notices, as the template always configures them: the stack's topic, the site's links.
        env.put("AWS_ENDPOINT_URL_SNS", "http://127.0.0.1:" + credentials.getAddress().getPort());
        env.put("SLIPWAY_NOTICE_TOPIC_ARN", "arn:aws:sns:" + TestS3.REGION.id() + ":123456789012:slipway-notices");
        env.put("SLIPWAY_SITE_URL", "https://install.example.com");
        env.put("SLIPWAY_NOTICE_LINK_TTL_DAYS", "14");
        env.put("SLIPWAY_ORIGIN_SECRET", ORIGIN_SECRET);
        env.put("SLIPWAY_DOWNLOAD_TTL_MINUTES", "10");
        Process process = builder.start();
        if (!process.waitFor(RUN_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(function + " took over " + RUN_MINUTES + " minutes; output: " + output);
        }
        String printed = Files.readString(output);
        assertThat(process.exitValue()).as(function + " printed:\n" + printed).isZero();
        // Outside Lambda the runtime's logger prints without line breaks: the marker may end a line.
        List<String> handled = HANDLED.matcher(printed).results().map(result -> result.group(1)).toList();
        Set<String> loaded = new TreeSet<>();
        Matcher jar = JAR_SOURCE.matcher(Files.readString(classLog));
        while (jar.find()) {
            loaded.add(Path.of(jar.group(1)).getFileName().toString());
        }
        Set<String> unused = new TreeSet<>(FunctionArtifacts.libJars(artifact));
        unused.removeAll(loaded);
        return new Run(handled, unused, printed);
    }

    /** A sample event with some text replaced, written to the test's folder. */
    private static Path event(String file, Map<String, String> replacements) throws IOException {
        return event(file, file, replacements);
    }

    private static Path event(String file, String name, Map<String, String> replacements) throws IOException {
        String json = Files.readString(Repository.root().resolve("events").resolve(file));
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            json = json.replace(replacement.getKey(), replacement.getValue());
        }
        return Files.writeString(dir.resolve(name), json);
    }
}
