package dev.slipway.cli;

import dev.slipway.catalog.Layout;
import dev.slipway.local.DataFolder;
import dev.slipway.local.DemoIpa;
import dev.slipway.local.LocalStack;
import dev.slipway.local.LocalStackException;
import dev.slipway.local.LocalSecrets;
import dev.slipway.local.StackInfo;
import dev.slipway.notify.webhook.WebhookTarget;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.sync.RequestBody;

/** {@code slipway local}: the whole product on this machine, until Ctrl-C. */
@Command(name = "local", sortOptions = false,
        description = {"Run Slipway on this machine, with no AWS account and no Docker: an S3 endpoint (S3Proxy, data "
                + "on disk), the real ingest function on every new object under uploads/, and the real install "
                + "and enrol (\"Check this device\") functions behind an HTTPS server, as API Gateway and CloudFront "
                + "run them in AWS.", "",
                "Upload with ./slipway publish App.ipa --local, or with any S3 tool (aws s3 cp, fastlane's aws_s3) "
                + "against the printed endpoint and keys. Each ingest is printed with its install link.", "",
                "Without --tls-cert/--tls-key the stack makes its own certificate authority (kept in the data "
                + "folder): browsers warn, and iOS refuses to install until the device trusts it. With a certificate "
                + "a device already trusts, testers on the network install for real.", "",
                "Builds, links, keys and certificate survive restarts. Ctrl-C stops the stack."},
        exitCodeList = {"130:stopped with Ctrl-C, after a clean shutdown (143 for SIGTERM)",
                "1:an unexpected failure",
                "2:cannot start (a port in use, an unusable data folder or TLS files, bad options)"})
final class LocalCommand extends SlipwayCommand {
    static final String DEMO_KEY = Layout.UPLOADS + "demo/Slipway Demo.ipa";

    @Option(names = "--data", paramLabel = "DIR", description = "Where builds, keys and certificate live (default: ~/.slipway/local).")
    Path data;

    @Option(names = "--host", paramLabel = "NAME",
            description = "The name or IPv4 address testers' devices reach this machine at; used in every link "
                    + "(default: this machine's LAN address, or localhost).")
    String host;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, every interface; 127.0.0.1: this machine only).")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8443",
            description = "HTTPS port of the install pages (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--s3-port", paramLabel = "PORT", defaultValue = "9443",
            description = "HTTPS port of the S3 endpoint (default: ${DEFAULT-VALUE}; 0: any free port).")
    int s3Port;

    @Option(names = "--s3-http-port", paramLabel = "PORT", defaultValue = "9080",
            description = "Plain-HTTP port of the S3 endpoint, on 127.0.0.1 only (default: ${DEFAULT-VALUE}; 0: any free port).")
    int s3HttpPort;

    @Option(names = "--tls-cert", paramLabel = "CERT.pem", description = "Serve this certificate chain (PEM, leaf first).")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "KEY.pem", description = "The certificate's private key (PEM: PKCS#8 or PKCS#1).")
    Path tlsKey;

    @Option(names = "--webhook", paramLabel = "URL",
            description = "POST every build ready or rejected to this URL, signed (X-Slipway-Signature-256), as the "
                    + "deployed stack's webhooks do; slack:URL posts a chat message instead. Repeatable.")
    List<String> webhooks = new ArrayList<>();

    @Option(names = "--webhook-secret", paramLabel = "SECRET",
            description = "The secret webhook bodies are signed with (HMAC-SHA256); default: a random one, printed at start.")
    String webhookSecret;

    @Option(names = "--demo", description = "Publish a generated sample app at start, to see an install page at once.")
    boolean demo;

    @Option(names = "--device-ca", paramLabel = "CA.pem",
            description = "Also accept \"Check this device\" answers signed under this TEST certificate authority, "
                    + "besides Apple's device CA (never instead), to play the phone without one (infra/devices/play-phone.sh).")
    Path deviceCa;

    @Override
    public Integer call() throws LocalStackException, InvalidInputException {
        PrintWriter out = out();
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new InvalidInputException("--tls-cert and --tls-key go together");
        }
        String name = host != null ? host : LocalStack.Options.defaultHost();
        if (!name.matches("[A-Za-z0-9.-]{1,253}")) {
            throw new InvalidInputException("--host " + name + " is not a host name or IPv4 address");
        }
        List<WebhookTarget> targets = new ArrayList<>();
        for (String webhook : webhooks) {
            try {
                targets.add(WebhookTarget.parse(webhook, true));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--webhook: " + e.getMessage());
            }
        }
        if (webhookSecret != null && webhookSecret.isEmpty()) {
            throw new InvalidInputException("--webhook-secret is empty");
        }
        String secret = targets.isEmpty() ? null : webhookSecret != null ? webhookSecret : randomSecret();
        LocalStack.Options options = new LocalStack.Options(DataFolder.orDefault(data), bind, name,
                port, s3Port, s3HttpPort, tlsCert, tlsKey, targets, secret, deviceCa);
        LocalStack stack = LocalStack.start(options, line -> {
            out.println(line);
            out.flush();
        });
        Thread shutdown = new Thread(() -> {
            stack.close();
            out.println("Stopped. Builds and links are kept in " + stack.dataFolder() + ".");
            out.flush();
        }, "slipway-local-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        out.print(banner(stack));
        if (!targets.isEmpty()) {
            out.print(webhookBanner(targets, secret, webhookSecret == null));
        }
        out.flush();
        if (demo) {
            publishDemo(stack, out);
        }
        try {
            // Until Ctrl-C (the shutdown hook stops the stack) or, when embedded, an interrupt.
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            shutdown.run();
        }
        return 0;
    }

    private static void publishDemo(LocalStack stack, PrintWriter out) {
        String notes = Base64.getEncoder().encodeToString(DemoIpa.RELEASE_NOTES.getBytes(StandardCharsets.UTF_8));
        stack.s3().putObject(b -> b.bucket(LocalStack.BUCKET).key(DEMO_KEY).contentType("application/octet-stream")
                .metadata(java.util.Map.of("release-notes-b64", notes)), RequestBody.fromBytes(DemoIpa.bytes()));
        out.println("--demo: uploaded a sample app to " + DEMO_KEY + "; its install page link follows in a moment.");
        out.println("(A sample: it has no app binary and no provisioning profile, so no device can install it.)");
        out.println();
        out.flush();
    }

    static String banner(LocalStack stack) {
        StackInfo info = stack.info();
        LocalSecrets secrets = stack.secrets();
        String keys = "AWS_ACCESS_KEY_ID=" + secrets.accessKeyId() + " AWS_SECRET_ACCESS_KEY=" + secrets.secretAccessKey();
        StringBuilder text = new StringBuilder();
        text.append("Slipway is running on this machine: the ingest and install functions of the AWS stack, with\n")
            .append("S3Proxy for S3. No AWS account is used.\n\n");
        text.append("  Install pages  ").append(info.pages()).append('\n');
        text.append("  S3 endpoint    ").append(info.s3()).append("   bucket ").append(info.bucket()).append(", region ")
            .append(info.region()).append('\n');
        text.append("                 ").append(info.s3Local()).append("   the same, plain HTTP, this machine only\n");
        text.append("  S3 keys        ").append(keys).append('\n');
        text.append("  Data           ").append(stack.dataFolder()).append("   builds, links and certificate survive restarts\n\n");
        text.append("Publish a build (prints its install link and a QR code):\n");
        text.append("  ./slipway publish MyApp.ipa --local --channel beta --notes \"What changed\"").append(dataOption(stack))
            .append('\n');
        text.append("or upload it with any S3 tool, e.g.:\n");
        text.append("  ").append(keys).append(" \\\n")
            .append("    aws s3 cp MyApp.ipa s3://").append(info.bucket()).append("/uploads/beta/ --endpoint-url ")
            .append(info.s3Local()).append(" --region ").append(info.region()).append('\n');
        text.append("Install links appear below as builds are ingested; ./slipway link BUILD --local")
            .append(dataOption(stack)).append(" mints more.\n\n");
        if (stack.tls().generated()) {
            text.append("HTTPS uses a certificate authority made for this machine (").append(info.caFile()).append(").\n")
                .append("Browsers will warn, and iOS refuses to install apps from this stack until the device trusts it:\n")
                .append("open ").append(info.pages().resolve("/slipway-local-ca.pem"))
                .append(" in Safari on the device, install the profile\n")
                .append("(Settings › General › VPN & Device Management), then turn on full trust for it in\n")
                .append("Settings › General › About › Certificate Trust Settings. Or run with --tls-cert/--tls-key.\n\n");
        } else {
            text.append("HTTPS uses the certificate for ").append(stack.tls().certificate().getSubjectX500Principal().getName())
                .append(": devices that trust it install directly.\n\n");
        }
        text.append("Ctrl-C stops the stack.\n\n");
        return text.toString();
    }

    static String webhookBanner(List<WebhookTarget> targets, String secret, boolean generated) {
        StringBuilder text = new StringBuilder("Build notices are POSTed to:\n");
        targets.forEach(target -> text.append("  ").append(target.url()).append(target.format() == WebhookTarget.Format.SLACK
                ? "   (chat message)\n" : "   (notice JSON)\n"));
        text.append("signed with X-Slipway-Signature-256: sha256=HMAC-SHA256(secret, body)");
        // A secret the user chose is theirs to know; only a generated one is shown.
        text.append(generated ? ", secret " + secret + "\n\n" : ".\n\n");
        return text.toString();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String dataOption(LocalStack stack) {
        return stack.dataFolder().equals(DataFolder.defaultPath().toAbsolutePath().normalize()) ? ""
                : " --data " + stack.dataFolder();
    }
}
