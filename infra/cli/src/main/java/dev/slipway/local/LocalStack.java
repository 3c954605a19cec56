package dev.slipway.local;

import dev.slipway.access.BuildScope;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.PageLinks;
import dev.slipway.access.Purpose;
import dev.slipway.aws.SdkCredentials;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.CatalogException;
import dev.slipway.catalog.Receipt;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.ingest.IngestHandler;
import dev.slipway.ingest.IngestService;
import dev.slipway.ingest.IpaCopier;
import dev.slipway.install.InstallHandler;
import dev.slipway.enrol.EnrolHandler;
import dev.slipway.install.InstallSite;
import dev.slipway.install.Origins;
import dev.slipway.local.nio2blob.VersionedFolderStore;
import dev.slipway.notify.NoticeLinks;
import dev.slipway.notify.Notifier;
import dev.slipway.notify.webhook.WebhookNotifier;
import dev.slipway.notify.webhook.WebhookSender;
import dev.slipway.notify.webhook.WebhookTarget;
import dev.slipway.storage.HttpObjectStore;
import dev.slipway.storage.S3Clients;
import dev.slipway.storage.SdkObjectStore;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Slipway on one machine, with the handler code that runs in AWS:
 *
 * <ul>
 *   <li>S3: S3Proxy over a folder ({@code filesystem-nio2}, versioned as the deployed bucket is), checking SigV4 with the stack's own
 *       credentials; HTTPS on {@code --s3-port} (the presigned downloads devices follow must be
 *       https) and plain HTTP on {@code --s3-http-port}, loopback only, for tools on this machine;
 *   <li>S3 notifications: {@link NotifyingBlobStore} reports each object S3Proxy creates, and
 *       {@link UploadNotifications} hands those under {@code uploads/} to the real
 *       {@link IngestHandler} as ObjectCreated events; it reports every write and delete too, which
 *       empties the install function's {@link ReadCache} of what they touch;
 *   <li>CloudFront and the HTTP API: {@link HttpApiServer} serves {@code /static/*} from the bucket
 *       and hands every other request to the real {@link InstallHandler} as a payload 2.0 event;
 *   <li>CloudWatch Logs: the functions' event lines are appended to {@link DataFolder#events()};
 *   <li>SNS and the notify function: with {@code --webhook}, notices go straight to the webhook sender.
 * </ul>
 *
 * <p>Everything lives in the {@link DataFolder}, so a restart keeps builds, links and certificate.
 */
public final class LocalStack implements AutoCloseable {
    public static final String BUCKET = "slipway";
    public static final Region REGION = Region.US_EAST_1;
    /** How long the manifest and IPA URLs a page hands out live (the deployed default's order). */
    static final Duration DOWNLOAD_TTL = Duration.ofMinutes(15);
    /** The lifetime of the links the console prints. */
    private static final Duration LINK_TTL = Purpose.PAGE.defaultTtl();

    /**
     * How to run.
     *
     * @param data the data folder
     * @param bind the address the HTTPS endpoints listen on ({@code 0.0.0.0}: every interface)
     * @param host the name or IPv4 address devices reach this machine at; in every link
     * @param port the install pages' HTTPS port (0: any free port)
     * @param s3Port S3's HTTPS port (0: any free port)
     * @param s3HttpPort S3's plain HTTP port on 127.0.0.1 (0: any free port)
     * @param tlsCert the user's certificate chain (PEM), or null to use the generated one
     * @param tlsKey the user's private key (PEM), or null
     * @param webhooks where build notices are POSTed ({@code URL} or {@code slack:URL}); none if empty
     * @param webhookSecret the secret that signs webhook bodies; null with no webhooks
     * @param deviceCa a test certificate authority (PEM) whose device certificates enrolment also
     *     accepts, besides Apple's; null (the default) for Apple's alone
     */
    public record Options(Path data, String bind, String host, int port, int s3Port, int s3HttpPort, Path tlsCert,
                          Path tlsKey, List<WebhookTarget> webhooks, String webhookSecret, Path deviceCa) {
        public Options {
            webhooks = List.copyOf(webhooks);
            if (!webhooks.isEmpty() && (webhookSecret == null || webhookSecret.isEmpty())) {
                throw new IllegalArgumentException("webhooks need a secret to sign with");
            }
        }

        /** Without webhooks, and enrolment trusting Apple's device CA only. */
        public Options(Path data, String bind, String host, int port, int s3Port, int s3HttpPort, Path tlsCert,
                       Path tlsKey) {
            this(data, bind, host, port, s3Port, s3HttpPort, tlsCert, tlsKey, List.of(), null, null);
        }

        /** The same, POSTing build notices to these webhooks, signed with this secret. */
        public Options withWebhooks(List<WebhookTarget> targets, String secret) {
            return new Options(data, bind, host, port, s3Port, s3HttpPort, tlsCert, tlsKey, targets, secret, deviceCa);
        }

        /** The same, enrolment also accepting device certificates from this test CA (PEM). */
        public Options withDeviceCa(Path ca) {
            return new Options(data, bind, host, port, s3Port, s3HttpPort, tlsCert, tlsKey, webhooks, webhookSecret, ca);
        }

        /** The machine's LAN address, or {@code localhost} if it has none. */
        public static String defaultHost() {
            return LanAddress.guess();
        }
    }

    private final List<AutoCloseable> resources;
    private final DataFolder folder;
    private final StackInfo info;
    private final LocalSecrets secrets;
    private final LocalTls tls;
    private final S3Client s3;
    private final S3Catalog catalog;

    private LocalStack(List<AutoCloseable> resources, DataFolder folder, StackInfo info, LocalSecrets secrets, LocalTls tls,
                       S3Client s3, S3Catalog catalog) {
        this.resources = resources;
        this.folder = folder;
        this.info = info;
        this.secrets = secrets;
        this.tls = tls;
        this.s3 = s3;
        this.catalog = catalog;
    }

    /**
     * Starts everything, or nothing: a failure midway stops what had started.
     *
     * @param console where ingests are reported, one line at a time, with their links
     * @throws LocalStackException for a port in use, an unusable data folder or unusable TLS files
     */
    public static LocalStack start(Options options, Consumer<String> console) throws LocalStackException {
        DataFolder folder = DataFolder.claim(options.data());
        List<AutoCloseable> started = new ArrayList<>();
        started.add(folder);
        try {
            return start(options, folder, started, console);
        } catch (LocalStackException | RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static LocalStack start(Options options, DataFolder folder, List<AutoCloseable> started, Consumer<String> console)
            throws LocalStackException {
        InetAddress bind = address(options.bind());
        InetAddress loopback = InetAddress.getLoopbackAddress();
        checkFree(bind, options.port(), "--port");
        checkFree(bind, options.s3Port(), "--s3-port");
        checkFree(loopback, options.s3HttpPort(), "--s3-http-port");
        LocalSecrets secrets = LocalSecrets.loadOrCreate(folder.secrets());
        // Just before the data folder: the last lines of a shutdown are kept too.
        started.add(started.size() - 1, EventLogFile.open(folder.events()));
        Clock clock = Clock.systemUTC();
        LocalTls tls = options.tlsCert() != null ? LocalTls.fromPem(options.tlsCert(), options.tlsKey())
                : LocalTls.generated(folder.tls(), names(options.host()), clock);
        SSLContext context = tls.serverContext();

        UploadNotifications notifications = new UploadNotifications(BUCKET, REGION.id());
        ReadCache installReads = new ReadCache(BUCKET);
        S3Proxy proxy = startS3(options, folder, secrets, context, bind, loopback, notifications, installReads);
        started.add(0, proxy::stop);
        // Closed before S3 stops, so an ingest under way can finish.
        started.add(0, notifications);
        int s3Port = proxy.getSecurePort();
        URI s3Local = URI.create("http://" + loopback.getHostAddress() + ":" + proxy.getPort());
        URI s3Public = URI.create("https://" + options.host() + ":" + s3Port);
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(secrets.accessKeyId(), secrets.secretAccessKey()));
        S3Client s3 = S3Clients.create(REGION, s3Local, credentials);
        started.add(0, s3);
        createBucket(s3);
        // The install function reads the bucket and signs download links as it does in AWS: SigV4-signed
        // HTTP requests, no S3 client (reads over the loopback endpoint, links to the public one). Its
        // reads are kept until S3Proxy reports a change to them (ReadCache), so pages cost no S3 round trip.
        SdkHttpClient installHttp = UrlConnectionHttpClient.create();
        started.add(0, installHttp::close);

        S3Catalog catalog = new S3Catalog(new SdkObjectStore(s3, BUCKET));
        LinkSigner signer = new LinkSigner(secrets.linkKeys(), clock);
        // The handler needs the page origin, which has its port only once the server is bound.
        AtomicReference<InstallHandler> install = new AtomicReference<>();
        AtomicReference<EnrolHandler> enrol = new AtomicReference<>();
        HttpApiServer api;
        try {
            api = new HttpApiServer(new InetSocketAddress(bind, options.port()), context,
                    (event, invocation) -> install.get().handleRequest(event, invocation),
                    (event, invocation) -> enrol.get().handleRequest(event, invocation), s3, BUCKET,
                    tls.generated() ? LocalTls.pem(tls.trustAnchor()) : null);
        } catch (IOException e) {
            throw portError(options.port(), "--port", e);
        }
        started.add(0, api);
        URI pages = URI.create("https://" + options.host() + ":" + api.port());
        // Links use --host, whatever Host a request names; revocations show at once (read each time,
        // from the cache that every write empties of what it touches).
        install.set(new InstallHandler(InstallSite.router(
                installReads.over(HttpObjectStore.atEndpoint(s3Local, REGION.id(), BUCKET, SdkCredentials.of(credentials), installHttp)),
                HttpObjectStore.atEndpoint(s3Public, REGION.id(), BUCKET, SdkCredentials.of(credentials), installHttp),
                new InstallSite.Settings(BUCKET, secrets.linkKeys(), DOWNLOAD_TTL, Origins.fixed(pages), clock, Duration.ZERO))));
        enrol.set(new EnrolHandler(LocalEnrolment.service(secrets.linkKeys(), s3, BUCKET, options.deviceCa(), pages, clock,
                console)));
        api.start();

        StackInfo info = new StackInfo(ProcessHandle.current().pid(), pages, s3Public, s3Local, BUCKET, REGION.id(),
                tls.caFile());
        IngestHandler ingest = new IngestHandler(new IngestService(s3, BUCKET, new IpaCopier(s3, BUCKET), clock,
                notifier(options, started), new NoticeLinks(signer, pages, LINK_TTL)), BUCKET);
        try {
            info.write(folder.stackInfo());
        } catch (IOException e) {
            throw new LocalStackException("data folder " + folder.root() + " is not usable: cannot write "
                    + folder.stackInfo().getFileName() + " (" + e.getMessage() + ")", e);
        }
        started.add(0, () -> Files.deleteIfExists(folder.stackInfo()));
        notifications.start(s3, ingest, new ConsoleReport(catalog, signer, pages, console));
        return new LocalStack(started, folder, info, secrets, tls, s3, catalog);
    }

    /**
     * The webhook sender {@code --webhook} asks for: the notify function's code, without its queue.
     * Closed after the ingest stops, so a notice sent at the last moment still goes out.
     */
    private static Notifier notifier(Options options, List<AutoCloseable> started) {
        if (options.webhooks().isEmpty()) {
            return Notifier.NONE;
        }
        WebhookNotifier notifier = new WebhookNotifier(options.webhooks(), new WebhookSender(
                options.webhookSecret().getBytes(StandardCharsets.UTF_8), WebhookSender.Attempts.DEFAULT));
        // Just before the data folder: after everything that may still ingest.
        started.add(started.size() - 1, notifier);
        return notifier;
    }

    /** Where the stack listens. */
    public StackInfo info() {
        return info;
    }

    public Path dataFolder() {
        return folder.root();
    }

    public LocalSecrets secrets() {
        return secrets;
    }

    public LocalTls tls() {
        return tls;
    }

    /** A client of the stack's S3, over the loopback endpoint. */
    public S3Client s3() {
        return s3;
    }

    public S3Catalog catalog() {
        return catalog;
    }

    /** Stops everything, newest first, and frees the data folder. Safe to call twice. */
    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        // Newest first: notifications stop before S3 goes, S3 before the folder is released.
        List<AutoCloseable> copy;
        synchronized (resources) {
            copy = new ArrayList<>(resources);
            resources.clear();
        }
        for (AutoCloseable resource : copy) {
            try {
                resource.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                System.err.println("slipway local: stopping: " + e.getMessage());
            }
        }
    }

    private static S3Proxy startS3(Options options, DataFolder folder, LocalSecrets secrets, SSLContext context,
                                   InetAddress bind, InetAddress loopback, UploadNotifications notifications,
                                   NotifyingBlobStore.Changes changes)
            throws LocalStackException {
        try {
            Files.createDirectories(folder.s3());
        } catch (IOException e) {
            throw new LocalStackException("data folder " + folder.root() + " is not usable: cannot create "
                    + folder.s3().getFileName() + " in it (" + e.getMessage() + ")", e);
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new NotifyingBlobStore(new VersionedFolderStore(folder.s3()), notifications, changes))
                .endpoint(URI.create("http://" + uriHost(loopback) + ":" + options.s3HttpPort()))
                .secureEndpoint(URI.create("https://" + uriHost(bind) + ":" + options.s3Port()))
                .sslContext(context)
                .awsAuthentication(AuthenticationType.AWS_V4, secrets.accessKeyId(), secrets.secretAccessKey())
                // Ctrl-C should stop at once, not wait for idle keep-alive connections to drain.
                .stopTimeout(0)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            stopQuietly(proxy);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // The ports were free a moment ago: another process took one in between.
            throw new LocalStackException("S3 endpoint did not start on ports " + options.s3Port() + " and "
                    + options.s3HttpPort() + " (" + rootMessage(e) + "): choose others with --s3-port, --s3-http-port", e);
        }
        return proxy;
    }

    /** The bucket, versioned as template.yaml makes it (also a data folder from before versioning). */
    private static void createBucket(S3Client s3) {
        try {
            s3.headBucket(b -> b.bucket(BUCKET));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(BUCKET));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(BUCKET));
        }
        s3.putBucketVersioning(b -> b.bucket(BUCKET).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    /** The names the generated certificate covers: the host devices use, and this machine's own. */
    private static Set<String> names(String host) {
        Set<String> names = new LinkedHashSet<>();
        names.add(host);
        names.add("localhost");
        names.add("127.0.0.1");
        return names;
    }

    private static InetAddress address(String bind) throws LocalStackException {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new LocalStackException("cannot listen on " + bind + ": unknown address (check --bind)", e);
        }
    }

    /** Fails with the option to change when a fixed port is taken (0 asks for any free port). */
    private static void checkFree(InetAddress address, int port, String option) throws LocalStackException {
        if (port == 0) {
            return;
        }
        if (port < 0 || port > 65535) {
            throw new LocalStackException("port " + port + " is not a port number: choose 1 to 65535 with " + option);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw portError(port, option, e);
        }
    }

    private static LocalStackException portError(int port, String option, IOException e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof BindException && message.contains("in use")) {
            return new LocalStackException("port " + port + " is in use: choose another with " + option, e);
        }
        if (message.contains("assign requested address")) {
            return new LocalStackException("cannot listen on this address: it is not one of this machine's (check --bind)",
                    e);
        }
        return new LocalStackException("cannot listen on port " + port + " (" + message + "): choose another with " + option,
                e);
    }

    private static String uriHost(InetAddress address) {
        String text = address.getHostAddress();
        return text.contains(":") ? "[" + text + "]" : text;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Each ingest, as one console line with the link to open. */
    private record ConsoleReport(S3Catalog catalog, LinkSigner signer, URI pages, Consumer<String> console)
            implements UploadNotifications.Listener {
        @Override
        public void ingested(String key, Receipt receipt) {
            String token = signer.sign(new BuildScope(receipt.id()), Purpose.PAGE, LINK_TTL);
            if (receipt.built()) {
                String what = receipt.id();
                try {
                    Optional<BuildRecord> build = catalog.build(receipt.id());
                    if (build.isPresent()) {
                        BuildRecord b = build.get();
                        what = b.name() + " " + orDash(b.version()) + " (" + orDash(b.build()) + "), channel " + b.channel();
                    }
                } catch (CatalogException e) {
                    // The link is what matters; the summary is a courtesy.
                }
                console.accept("ingested " + key + " → " + what + "\n  install page: "
                        + PageLinks.of(pages, token, new BuildScope(receipt.id())));
            } else {
                console.accept("rejected " + key + ": " + receipt.reason() + "\n  failure page: "
                        + PageLinks.failure(pages, token, receipt.id()));
            }
        }

        @Override
        public void failed(String key, String error) {
            console.accept("ingest of " + key + " failed: " + error);
        }

        private static String orDash(String value) {
            return value == null || value.isBlank() ? "–" : value;
        }
    }
}
