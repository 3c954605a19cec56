package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.catalog.Receipt;
import dev.slipway.fixtures.TestIpa;
import dev.slipway.fixtures.TestProfile;
import dev.slipway.local.LocalStack;
import dev.slipway.local.LocalTls;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code slipway local}: start, stop, restart, and the ways it refuses to start. */
class LocalCommandTest {
    private static final Pattern PAGE_LINK = Pattern.compile("install page: (https://\\S+)");

    @TempDir
    Path temp;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Cli.Run local(String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "local";
        System.arraycopy(options, 0, args, 1, options.length);
        return Cli.run(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port", "--s3-http-port"})
    void local_portInUse_exitsTwoNamingItsOption(String option) throws Exception {
        // given
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String port = String.valueOf(busy.getLocalPort());

            // when
            Cli.Run run = local("--data", temp.resolve("data").toString(), "--bind", "127.0.0.1", "--host", "127.0.0.1",
                    "--port", option.equals("--port") ? port : "0", "--s3-port", "0",
                    "--s3-http-port", option.equals("--s3-http-port") ? port : "0");

            // then
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("slipway: port " + port + " is in use: choose another with " + option + "\n");
        }
    }

    @Test
    void local_dataFolderIsAFile_exitsTwo() throws Exception {
        // given
        Path file = Files.writeString(temp.resolve("data"), "not a folder");

        // when
        Cli.Run run = local("--data", file.toString(), "--bind", "127.0.0.1", "--port", "0", "--s3-port", "0",
                "--s3-http-port", "0");

        // then
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("slipway: data folder " + file + " is not usable: it is a file, not a folder\n");
    }

    @Test
    void local_dataFolderUnderAFile_exitsTwo() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "not a folder");
        Path data = file.resolve("data");

        Cli.Run run = local("--data", data.toString(), "--bind", "127.0.0.1", "--port", "0", "--s3-port", "0",
                "--s3-http-port", "0");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("slipway: data folder " + data + " is not usable: cannot create it: " + file
                + " is a file\n");
    }

    @Test
    void local_dataFolderInUse_exitsTwo() throws Exception {
        // given a stack running on the folder
        Path data = temp.resolve("data");
        try (LocalStack running = LoopbackStack.start(data)) {
            // when
            Cli.Run run = local("--data", data.toString(), "--bind", "127.0.0.1", "--port", "0", "--s3-port", "0",
                    "--s3-http-port", "0");

            // then
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("slipway: data folder " + data + " is in use by another slipway local (pid "
                    + ProcessHandle.current().pid() + "): stop it, or choose another folder with --data\n");
        }
    }

    @Test
    void local_tlsCertWithoutKey_exitsTwo() {
        Cli.Run run = local("--tls-cert", temp.resolve("cert.pem").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("slipway: --tls-cert and --tls-key go together\n");
    }

    @Test
    void local_demo_printsAPageLinkThatLoadsThenStopsCleanly() throws Exception {
        // given the command running as `./slipway local --demo` would, on free ports
        Path data = temp.resolve("data");
        StringWriter out = new StringWriter();
        CommandLine cli = Slipway.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        AtomicInteger code = new AtomicInteger(-1);
        Thread running = new Thread(() -> code.set(cli.execute("local", "--demo", "--data", data.toString(), "--bind",
                "127.0.0.1", "--host", "127.0.0.1", "--port", "0", "--s3-port", "0", "--s3-http-port", "0")));
        running.start();
        try {
            // when the demo's ingest is reported
            Matcher link = PAGE_LINK.matcher("");
            for (int i = 0; i < 300 && !link.reset(out.toString()).find(); i++) {
                Thread.sleep(100);
            }
            assertThat(link.find(0)).as(out.toString()).isTrue();

            // then the banner says where everything is, and the page loads over HTTPS
            assertThat(out.toString()).contains("  Install pages  https://127.0.0.1:")
                    .contains("  S3 endpoint    https://127.0.0.1:")
                    .contains("./slipway publish MyApp.ipa --local --channel beta --notes \"What changed\" --data " + data)
                    .contains("iOS refuses to install apps from this stack until the device trusts it")
                    .contains("ingested uploads/demo/Slipway Demo.ipa → Slipway Demo 1.0 (1), channel demo");
            X509Certificate ca = LocalTls.readCertificate(data.resolve("tls").resolve(LocalTls.CA_FILE));
            HttpResponse<String> page = new StackHttp(ca).page(URI.create(link.group(1)));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>Slipway Demo</h1>").contains("Not signed for devices")
                    .contains("A sample build generated by");
            assertThat(data.resolve("stack.json")).exists();
            // and a forged Host moves no link: they all use --host (issue 10, defect 6)
            String forged = StackHttp.getWithHost(ca, URI.create(link.group(1)), "evil.example");
            assertThat(forged).startsWith("HTTP/1.1 200").doesNotContain("evil.example")
                    .contains("src=\"https://127.0.0.1:");
        } finally {
            running.interrupt();
            running.join(20_000);
        }
        // and an interrupt (Ctrl-C runs the same shutdown) stops it, leaving no stack.json behind
        assertThat(code.get()).isZero();
        assertThat(out.toString()).endsWith("Stopped. Builds and links are kept in " + data + ".\n");
        assertThat(data.resolve("stack.json")).doesNotExist();
    }

    @Test
    void restart_sameDataFolder_keepsBuildsLinksKeysAndCertificate() throws Exception {
        // given a stack on fixed ports, with a build and a rejected upload
        Path data = temp.resolve("data");
        LocalStack.Options options = new LocalStack.Options(data, "127.0.0.1", "127.0.0.1", freePort(), freePort(),
                freePort(), null, null);
        Path fixture = TestIpa.app().name("Demo").profile(TestProfile.enterprise()).write(temp.resolve("Demo.ipa"));
        Path notAnIpa = Files.writeString(temp.resolve("fastlane-not-an-ipa.ipa"), "A text file named .ipa\n");
        Cli.Run published;
        Receipt rejected;
        X509Certificate ca;
        X509Certificate server;
        String accessKey;
        try (LocalStack first = LocalStack.start(options, line -> { })) {
            published = Cli.run("publish", fixture.toString(), "--local", "--data", data.toString(), "--no-qr");
            assertThat(published.code()).as(published.err()).isZero();
            assertThat(Cli.run("publish", notAnIpa.toString(), "--local",
                    "--data", data.toString()).code()).isEqualTo(3);
            rejected = first.catalog().receipt("uploads/fastlane-not-an-ipa.ipa").orElseThrow();
            ca = first.tls().trustAnchor();
            server = first.tls().certificate();
            accessKey = first.secrets().accessKeyId();
        }
        assertThat(data.resolve("stack.json")).doesNotExist();
        URI link = URI.create(published.lines()[1]);

        // when it starts again on the same folder
        try (LocalStack second = LocalStack.start(options, line -> { })) {
            // then the same certificate, keys and credentials are in use
            assertThat(second.tls().trustAnchor()).isEqualTo(ca);
            assertThat(second.tls().certificate()).isEqualTo(server);
            assertThat(second.secrets().accessKeyId()).isEqualTo(accessKey);
            // and the earlier link still opens the build, down to its bytes
            StackHttp http = new StackHttp(second.tls().trustAnchor());
            HttpResponse<String> page = http.page(link);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>Demo</h1>");
            // and new uploads are ingested (so the watcher has scanned uploads/ since the start)
            Cli.Run again = Cli.run("publish", TestIpa.app().bundleId("dev.slipway.test.again").write(temp.resolve("Again.ipa")).toString(), "--local", "--data",
                    data.toString(), "--no-qr");
            assertThat(again.code()).as(again.err()).isZero();
            // while the rejected upload, still under uploads/, was not ingested a second time
            assertThat(second.catalog().receipt("uploads/fastlane-not-an-ipa.ipa")).hasValue(rejected);
        }
    }

    @Test
    void start_userCertificate_isServedOnPagesAndS3() throws Exception {
        // given a certificate for 127.0.0.1 with an RSA key in PKCS#1 PEM, as openssl writes them
        Path cert = temp.resolve("cert.pem");
        Path key = temp.resolve("key.pem");
        X509Certificate certificate = TestCertificates.writeSelfSigned(cert, key, "127.0.0.1");

        // when
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(temp.resolve("data"), "127.0.0.1", "127.0.0.1", 0,
                0, 0, cert, key), line -> { })) {
            // then both HTTPS endpoints present it, and nothing was generated
            StackHttp http = new StackHttp(certificate);
            HttpResponse<String> root = http.page(stack.info().pages().resolve("/"));
            assertThat(root.statusCode()).isEqualTo(404);
            assertThat(root.sslSession().orElseThrow().getPeerCertificates()[0]).isEqualTo(certificate);
            HttpResponse<byte[]> s3 = http.bytes(stack.info().s3().resolve("/slipway/"), "GET");
            assertThat(s3.statusCode()).isEqualTo(403);
            assertThat(s3.sslSession().orElseThrow().getPeerCertificates()[0]).isEqualTo(certificate);
            assertThat(stack.tls().generated()).isFalse();
            assertThat(stack.info().caFile()).isNull();
            assertThat(temp.resolve("data").resolve("tls")).doesNotExist();
            assertThat(LocalCommand.banner(stack)).contains("HTTPS uses the certificate for CN=127.0.0.1: devices "
                    + "that trust it install directly.");
        }
    }
}
