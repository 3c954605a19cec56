package dev.slipway.install;

import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import dev.slipway.access.KeyRing;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.Purpose;
import dev.slipway.http.HttpRequest;
import dev.slipway.log.Log;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import dev.slipway.aws.Credentials;
import dev.slipway.aws.CredentialsSource;
import dev.slipway.storage.HttpObjectStore;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * Takes the first request's one-time work off the request path: class loading, static
 * initialisers, the store's request path (sign, send, read a listing and a record) and the SigV4
 * signer, the templates and the first compilations. A twin of the site (same routes, pages and
 * store) answers every kind of request over a build held in memory: once at initialisation, and
 * again before a SnapStart snapshot so the snapshot holds the compiled code too. The twin signs with
 * throwaway keys and credentials and its store's HTTP client answers from memory: priming touches
 * no network, no secret and no real data.
 */
public final class Priming implements Resource {
    /** The in-memory build (resources {@code priming/build.json}, {@code index-entry.json}). */
    static final String BUILD = "primingbuildzzzzzzzz";
    private static final String BUNDLE = "dev.slipway.priming";
    private static final String BUCKET = "priming";
    private static final String ORIGIN_SECRET = "priming";
    /** Enough rounds before a snapshot for C1 to compile the request path (measured: ~40 ms first request after). */
    private static final int SNAPSHOT_ROUNDS = 30;
    private static final Log LOG = Log.of(Priming.class);
    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/26.1 Mobile/15E148 Safari/604.1";
    private static final String DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    private final Region region;

    private Priming(Region region) {
        this.region = region;
    }

    /**
     * Primes once now and registers to prime again before a snapshot (a no-op outside a CRaC or
     * SnapStart runtime). A failure is logged, never thrown: priming only saves time.
     *
     * @param region the function's region (the twin's store addresses its bucket like the real one)
     * @return the registered resource, to be held: the CRaC context may hold it weakly
     */
    public static Priming register(Region region) {
        Priming priming = new Priming(region);
        priming.primeQuietly(1);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        primeQuietly(SNAPSHOT_ROUNDS);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing: the twin held no connection, credentials or keys the restored function uses.
    }

    private void primeQuietly(int rounds) {
        try (Log.RequestScope muted = Log.muted()) {
            for (int i = 0; i < rounds; i++) {
                prime(region);
            }
        } catch (RuntimeException e) {
            LOG.warn("priming.failed", "error", e.toString());
        }
    }

    /**
     * One round: build page (iPhone, and a desktop's QR code), app page, manifest, download (GET
     * and HEAD) and an unknown build, each through the twin site.
     *
     * @return the statuses, in that order
     */
    static List<Integer> prime(Region region) {
        Credentials throwaway = new Credentials("priming", "priming", null);
        CredentialsSource credentials = () -> throwaway;
        KeyRing keys = KeyRing.generate();
        Clock clock = Clock.systemUTC();
        try (InMemoryS3 http = new InMemoryS3()) {
            HttpObjectStore store = HttpObjectStore.inAws(region.id(), BUCKET, credentials, http);
            Router router = InstallSite.router(store, store, new InstallSite.Settings(BUCKET, keys, Duration.ofMinutes(10),
                    Origins.behindCloudFront(ORIGIN_SECRET, "")));
            LinkSigner signer = new LinkSigner(keys, clock);
            Duration ttl = Duration.ofMinutes(10);
            String page = signer.sign(new BuildScope(BUILD), Purpose.PAGE, ttl);
            String pack = signer.sign(new BuildScope(BUILD), Purpose.PACKAGE, ttl);
            List<HttpRequest> requests = List.of(
                    request("GET", "/b/" + BUILD, page, IPHONE),
                    request("GET", "/b/" + BUILD, page, DESKTOP),
                    request("GET", "/a/" + BUNDLE + "/beta", signer.sign(new AppScope(BUNDLE, "beta"), Purpose.PAGE, ttl), IPHONE),
                    request("GET", "/m/" + BUILD + ".plist", signer.sign(new BuildScope(BUILD), Purpose.MANIFEST, ttl), IPHONE),
                    request("GET", "/d/" + BUILD + ".ipa", pack, IPHONE),
                    request("HEAD", "/d/" + BUILD + ".ipa", pack, IPHONE),
                    request("GET", "/b/aaaaaaaaaaaaaaaaaaaa", page, IPHONE));
            List<Integer> statuses = new ArrayList<>();
            for (HttpRequest request : requests) {
                statuses.add(router.handle(request, "priming").status());
            }
            return statuses;
        }
    }

    private static HttpRequest request(String method, String path, String token, String userAgent) {
        return new HttpRequest(method, path, Map.of("t", token), Map.of("host", "priming.execute-api.invalid",
                Origins.FORWARDED_HOST_HEADER, "d111111abcdef8.cloudfront.net", Origins.ORIGIN_SECRET_HEADER, ORIGIN_SECRET,
                "user-agent", userAgent));
    }

    /**
     * S3 as the site reads it, from memory: the build's record, its channel's listing (an entry
     * written before entries carried their summary in the key, so the GET path is primed too); 404 otherwise.
     */
    private static final class InMemoryS3 implements SdkHttpClient {
        private static final String LISTING = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + BUCKET + "</Name>"
                + "<Prefix>apps/" + BUNDLE + "/channels/beta/</Prefix><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys>"
                + "<IsTruncated>false</IsTruncated><Contents><Key>apps/" + BUNDLE + "/channels/beta/0000000000000000001-"
                + BUILD + ".json</Key><LastModified>2026-11-20T09:15:03.000Z</LastModified>"
                + "<ETag>&quot;d79d1220c2016df6ba67c598d9c96258&quot;</ETag><Size>200</Size>"
                + "<StorageClass>STANDARD</StorageClass></Contents></ListBucketResult>";
        private static final String NO_SUCH_KEY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>";
        private static final byte[] RECORD = resource("build.json");
        private static final byte[] INDEX_ENTRY = resource("index-entry.json");

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            String path = request.httpRequest().encodedPath();
            boolean listing = request.httpRequest().firstMatchingRawQueryParameter("list-type").isPresent();
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    if (listing) {
                        return answer(200, "application/xml", LISTING.getBytes(StandardCharsets.UTF_8));
                    } else if (path.endsWith("/builds/" + BUILD + "/build.json")) {
                        return answer(200, "application/json", RECORD);
                    } else if (path.endsWith("-" + BUILD + ".json")) {
                        return answer(200, "application/json", INDEX_ENTRY);
                    }
                    return answer(404, "application/xml", NO_SUCH_KEY.getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public void abort() {
                }
            };
        }

        private static HttpExecuteResponse answer(int status, String type, byte[] body) {
            return HttpExecuteResponse.builder()
                    .response(SdkHttpResponse.builder().statusCode(status).putHeader("Content-Type", type)
                            .putHeader("Content-Length", String.valueOf(body.length))
                            .putHeader("ETag", "\"d79d1220c2016df6ba67c598d9c96258\"").build())
                    .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                    .build();
        }

        private static byte[] resource(String name) {
            try (InputStream in = Priming.class.getResourceAsStream("priming/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("priming/" + name + " is missing from the package");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
        }
    }
}
