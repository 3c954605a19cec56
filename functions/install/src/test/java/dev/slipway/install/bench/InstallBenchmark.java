package dev.slipway.install.bench;

import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import dev.slipway.access.KeyRing;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.IndexEntry;
import dev.slipway.catalog.Layout;
import dev.slipway.catalog.S3Catalog;
import dev.slipway.catalog.Upload;
import dev.slipway.fixtures.Fixtures;
import dev.slipway.fixtures.TestIndexEntries;
import dev.slipway.fixtures.TestS3;
import dev.slipway.http.HttpRequest;
import dev.slipway.ingest.IngestService;
import dev.slipway.ingest.IpaCopier;
import dev.slipway.install.HttpResponse;
import dev.slipway.install.InstallSite;
import dev.slipway.install.Origins;
import dev.slipway.install.Router;
import dev.slipway.install.page.PageRenderer;
import dev.slipway.storage.HttpObjectStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Prints the warm time to render a build page (the template alone, and the whole request with its
 * S3 read), as median and p99 of many runs, and the time from a fresh JVM to the first build page
 * served with the store created as the handler creates it (median of several JVMs, each started with the
 * options the Lambda uses, on the function package's class path, and on-demand also on the test class
 * path for comparison; one JVM of each case per round), against an in-process S3 (S3Proxy).
 *
 * <p>Run: {@code make bench-install}.
 */
public final class InstallBenchmark {
    private static final String USER_AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/26.1 Mobile/15E148 Safari/604.1";

    /** The app page's history length (BuildVerdicts.HISTORY, package-private there). */
    private static final int HISTORY = 50;

    /** template.yaml's JAVA_TOOL_OPTIONS for the functions. */
    private static final List<String> LAMBDA_OPTIONS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true");

    public static void main(String[] args) throws Exception {
        int warm = Integer.getInteger("bench.requests", 5000);
        int jvms = Integer.getInteger("bench.jvms", 7);
        try (TestS3 s3server = TestS3.start()) {
            S3Client s3 = s3server.client();
            String id = ingest(s3server, "uploads/bench/App.ipa", Fixtures.bytes("ipa/fastlane-Example1.ipa"));
            KeyRing keys = KeyRing.generate();
            Clock clock = Clock.systemUTC();
            LinkSigner signer = new LinkSigner(keys, clock);
            String token = signer.sign(new BuildScope(id), Purpose.PAGE, Duration.ofDays(1));
            HttpRequest request = FirstPage.request(id, token);
            Router service = FirstPage.router(s3server.store(), keys);

            long[] render = new long[warm];
            long[] whole = new long[warm];
            for (int i = 0; i < warm; i++) {
                service.handle(request, null);
            }
            for (int i = 0; i < warm; i++) {
                long start = System.nanoTime();
                HttpResponse response = service.handle(request, null);
                whole[i] = System.nanoTime() - start;
                if (response.status() != 200) {
                    throw new IllegalStateException("build page answered " + response.status());
                }
            }
            PageRenderer pages = new PageRenderer();
            dev.slipway.install.page.BuildPage page = FirstPage.samplePage();
            for (int i = 0; i < warm; i++) {
                pages.build(page);
            }
            for (int i = 0; i < warm; i++) {
                long start = System.nanoTime();
                pages.build(page);
                render[i] = System.nanoTime() - start;
            }
            System.out.printf("warm build page, template only:      median %6.3f ms   p99 %6.3f ms   (%d renders)%n",
                    ms(percentile(render, 50)), ms(percentile(render, 99)), warm);
            System.out.printf("warm build page, whole request + S3: median %6.3f ms   p99 %6.3f ms   (%d requests)%n",
                    ms(percentile(whole, 50)), ms(percentile(whole, 99)), warm);

            appPages(s3server, keys, Math.max(100, warm / 10));

            // Lambda's initialisation types, as InstallHandler takes them (FirstPage), on the package's class
            // path; then on-demand again on this benchmark's test class path, as measured before there was a choice.
            String packageClassPath = functionClassPath();
            List<String[]> cases = List.of(new String[] {"on-demand", packageClassPath},
                    new String[] {"provisioned-concurrency", packageClassPath}, new String[] {"snap-start", packageClassPath},
                    new String[] {"on-demand", System.getProperty("java.class.path")});
            // In rounds (one JVM of each case per round), so neither the JIT of this JVM settling after the
            // warm figures nor a burst of load on the machine favours one case.
            List<List<List<Long>>> results = new ArrayList<>();
            for (int c = 0; c < cases.size(); c++) {
                results.add(List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            }
            for (int i = 0; i < jvms; i++) {
                for (int c = 0; c < cases.size(); c++) {
                    long[] run = firstPageInFreshJvm(s3server, keys, id, token, cases.get(c)[0], cases.get(c)[1]);
                    for (int j = 0; j < run.length; j++) {
                        results.get(c).get(j).add(run[j]);
                    }
                }
            }
            for (int c = 0; c < cases.size(); c++) {
                String mode = cases.get(c)[0];
                String classPathName = cases.get(c)[1].equals(System.getProperty("java.class.path"))
                        ? "the benchmark's test class path" : "the function package's class path";
                List<List<Long>> runs = results.get(c);
                System.out.printf("fresh JVM to first build page, %s, on %s (store created as the handler does%s; %s):%n"
                        + "  wall clock from spawning java: median %d ms (runs %s)%n"
                        + "  from JVM start:                median %d ms (runs %s)%n"
                        + "  initialisation:                median %d ms (runs %s)%n"
                        + "  first request after it:        median %d ms (runs %s)%n",
                        mode, classPathName, mode.equals("on-demand") ? ", not primed" : mode.equals("provisioned-concurrency")
                        ? ", then primed" : ", primed, then the pre-snapshot hook", String.join(" ", LAMBDA_OPTIONS),
                        median(runs.get(0)), runs.get(0), median(runs.get(1)), runs.get(1), median(runs.get(2)), runs.get(2),
                        median(runs.get(3)), runs.get(3));
            }
        }
    }

    /**
     * The app page of an app with 1, 10 and 100 builds (two channels): S3 requests per view, with
     * revocations read every time (uncached, the worst case), and the warm median latency. The three
     * are warmed alike, then measured in interleaved rounds, so neither JIT warm-up nor a burst of
     * load on the machine favours one.
     */
    private static void appPages(TestS3 s3server, KeyRing keys, int views) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpObjectStore counting = s3server.countingStore(requests);
        Router router = InstallSite.router(counting, counting, new InstallSite.Settings(s3server.bucket(),
                keys, Duration.ofMinutes(10), Origins.fixed(URI.create("https://install.example.com")),
                Clock.systemUTC(), Duration.ZERO));
        S3Catalog catalog = new S3Catalog(s3server.store());
        List<Integer> sizes = List.of(1, 10, 100);
        List<HttpRequest> pages = new ArrayList<>();
        for (int builds : sizes) {
            String app = "dev.slipway.bench" + builds;
            for (int n = 1; n <= builds; n++) {
                catalog.putIndexEntry(TestIndexEntries.adHoc(TestS3.buildId(n), app, n % 2 == 0 ? "beta" : "prod",
                        "Bench", "1." + n, String.valueOf(n), 2_000_000, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(n)));
            }
            catalog.refreshAppIndex(app); // as the ingest does after each entry
            String token = new LinkSigner(keys, Clock.systemUTC()).sign(new AppScope(app, null), Purpose.PAGE,
                    Duration.ofMinutes(30));
            pages.add(new HttpRequest("GET", "/a/" + app, Map.of("t", token),
                    Map.of("host", "install.example.com", "user-agent", USER_AGENT)));
        }
        for (HttpRequest page : pages) {
            for (int i = 0; i < views; i++) {
                router.handle(page, null);
            }
        }
        int rounds = 10;
        int perRound = Math.max(1, views / rounds);
        long[][] times = new long[sizes.size()][rounds * perRound];
        int[] counted = new int[sizes.size()];
        for (int round = 0; round < rounds; round++) {
            for (int p = 0; p < pages.size(); p++) {
                requests.set(0);
                for (int i = 0; i < perRound; i++) {
                    long start = System.nanoTime();
                    HttpResponse response = router.handle(pages.get(p), null);
                    times[p][round * perRound + i] = System.nanoTime() - start;
                    if (response.status() != 200) {
                        throw new IllegalStateException("app page answered " + response.status());
                    }
                }
                counted[p] = requests.get();
            }
        }
        double first = ms(percentile(times[0], 50));
        for (int p = 0; p < sizes.size(); p++) {
            double median = ms(percentile(times[p], 50));
            System.out.printf("app page, %3d builds: %.1f S3 requests per view, median %6.3f ms, p99 %6.3f ms, "
                    + "%.2fx the 1-build page (%d views in %d interleaved rounds)%n", sizes.get(p),
                    counted[p] / (double) perRound, median, ms(percentile(times[p], 99)), median / first,
                    rounds * perRound, rounds);
        }
        for (int builds : sizes) {
            printListingShare(s3server, "dev.slipway.bench" + builds, builds, views);
        }
    }

    /**
     * Where an app page's time goes: the bare GET of the app's index document (S3Proxy's own work
     * and the store's), the listing of the app's keys it replaces, and the catalog's reading of what
     * the page lists (document + decoding), each a warm median.
     */
    private static void printListingShare(TestS3 s3server, String app, int builds, int views) throws Exception {
        HttpObjectStore store = s3server.store();
        S3Catalog catalog = new S3Catalog(store);
        long[] document = new long[views];
        long[] list = new long[views];
        long[] history = new long[views];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < views; i++) {
                long start = System.nanoTime();
                store.get(Layout.appIndex(app));
                document[i] = System.nanoTime() - start;
                start = System.nanoTime();
                store.list("apps/" + app + "/", null, 1000, null);
                list[i] = System.nanoTime() - start;
                start = System.nanoTime();
                catalog.appBuilds(app, null, HISTORY);
                history[i] = System.nanoTime() - start;
            }
        }
        System.out.printf("  %3d builds: GET of the app's index document median %6.3f ms (a listing of its keys would "
                + "take %6.3f ms); catalog (document + decoding) median %6.3f ms%n", builds, ms(percentile(document, 50)),
                ms(percentile(list, 50)), ms(percentile(history, 50)));
    }

    private static String ingest(TestS3 s3server, String key, byte[] ipa) throws Exception {
        S3Client s3 = s3server.client();
        String eTag = s3.putObject(b -> b.bucket(s3server.bucket()).key(key), RequestBody.fromBytes(ipa)).eTag();
        return new IngestService(s3, s3server.bucket(), new IpaCopier(s3, s3server.bucket()), Clock.systemUTC())
                .ingest(new Upload(key, ipa.length, eTag.replace("\"", ""), "01", null, Instant.now())).id();
    }

    /**
     * Spawns a JVM that serves one build page; returns {wall ms, ms since its JVM started, ms
     * initialising, ms of the first request}.
     */
    private static long[] firstPageInFreshJvm(TestS3 s3server, KeyRing keys, String id, String token, String mode,
                                              String classPath) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(LAMBDA_OPTIONS);
        command.addAll(List.of("-cp", classPath, FirstPage.class.getName(),
                s3server.endpoint().toString(), s3server.bucket(), id, token, mode));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SLIPWAY_LINK_KEYS", keys.toSecretJson());
        // As Lambda hands a function its credentials and region; the endpoint is S3Proxy's.
        builder.environment().put("AWS_ACCESS_KEY_ID", TestS3.IDENTITY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", TestS3.CREDENTIAL);
        builder.environment().remove("AWS_SESSION_TOKEN");
        builder.environment().put("AWS_REGION", TestS3.REGION.id());
        builder.environment().put(HttpObjectStore.ENDPOINT_S3, s3server.endpoint().toString());
        builder.redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = builder.start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("FIRST-PAGE ")) {
                    result = line;
                    break;
                }
            }
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        process.waitFor();
        if (result == null) {
            throw new IllegalStateException("the fresh JVM served no page (exit " + process.exitValue() + ")");
        }
        String[] fields = result.split(" ");
        return new long[] {wall, Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3])};
    }

    /**
     * What Lambda puts on the class path: the function's classes and the jars of its package
     * (the file {@code bench.functionClasspath} names, written by {@code make bench-install} with the
     * package's exclusions), then this module's test classes for {@link FirstPage}. Not the test
     * class path: its hundred-odd test jars (S3Proxy, Jetty, Selenium, Logback) make every class
     * path scan (service loaders, URL handlers) and every logging set-up cost what they never cost in
     * Lambda. Without the property, the test class path.
     */
    private static String functionClassPath() throws java.io.IOException {
        String file = System.getProperty("bench.functionClasspath");
        if (file == null) {
            return System.getProperty("java.class.path");
        }
        return String.join(java.io.File.pathSeparator, "target/classes",
                java.nio.file.Files.readString(Path.of(file)).trim(), "target/test-classes");
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

}
