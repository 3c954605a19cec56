package dev.slipway.install.bench;

import dev.slipway.access.KeyRing;
import dev.slipway.aws.LambdaCredentials;
import dev.slipway.http.HttpRequest;
import dev.slipway.install.HttpResponse;
import dev.slipway.install.InstallSite;
import dev.slipway.install.Origins;
import dev.slipway.install.Priming;
import dev.slipway.install.Router;
import dev.slipway.install.page.BuildPage;
import dev.slipway.install.page.Visitor;
import dev.slipway.ipa.Installability;
import dev.slipway.ipa.profile.DistributionType;
import dev.slipway.storage.HttpObjectStore;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * A fresh JVM's first build page, as a cold Lambda serves it: build the store from the environment
 * as the handler does (credentials as {@link LambdaCredentials} finds them, here in the environment, as in
 * Lambda), keys and templates (and with {@code prime}, prime them as the handler does), answer one
 * request, print {@code FIRST-PAGE <ms since JVM start> <ms initialising> <ms of the first request>}.
 * Started by {@link InstallBenchmark}, which sets the environment; arguments: S3 endpoint (also in
 * the environment), bucket, build id, page token, and {@code cold}, {@code prime} (init as the
 * handler does it) or {@code snapstart} (and the hook SnapStart runs before its snapshot).
 */
public final class FirstPage {
    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/26.1 Mobile/15E148 Safari/604.1";

    public static void main(String[] args) {
        long start = System.nanoTime();
        // As InstallHandler: one credentials source, resolved at init (there by the link secret's read,
        // which has no stand-in here), shared with the store.
        LambdaCredentials credentials = LambdaCredentials.fromEnvironment();
        credentials.resolve();
        HttpObjectStore store = HttpObjectStore.fromEnvironment(System.getenv(), System.getenv("AWS_REGION"), args[1], credentials);
        Router router = router(store, KeyRing.parse(System.getenv("SLIPWAY_LINK_KEYS")));
        // What InstallHandler's constructor does after building the site, for Lambda's initialisation type.
        String mode = args.length > 4 ? args[4] : "on-demand";
        if (!mode.equals("on-demand")) {
            Priming priming = Priming.register(Region.US_EAST_1);
            if (mode.equals("snap-start")) {
                // What SnapStart runs before it takes the snapshot (no CRaC runtime here to restore from).
                priming.beforeCheckpoint(null);
            }
        }
        long initialised = System.nanoTime();
        HttpResponse response = router.handle(request(args[2], args[3]), null);
        long answered = System.nanoTime();
        if (response.status() != 200) {
            throw new IllegalStateException("first page answered " + response.status());
        }
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("FIRST-PAGE " + sinceStart + " " + (initialised - start) / 1_000_000 + " "
                + (answered - initialised) / 1_000_000);
    }

    /** The site as the handler builds it, with links to install.example.com. */
    static Router router(HttpObjectStore store, KeyRing keys) {
        return InstallSite.router(store, store, new InstallSite.Settings(store.bucket(), keys, Duration.ofMinutes(10),
                Origins.fixed(URI.create("https://install.example.com"))));
    }

    /** A build page's request from an iPhone. */
    static HttpRequest request(String id, String token) {
        return new HttpRequest("GET", "/b/" + id, Map.of("t", token),
                Map.of("host", "install.example.com", "user-agent", IPHONE));
    }

    /** A page model like a real one, for timing the template alone. */
    static BuildPage samplePage() {
        return BuildPage.builder().app("iTanky", "at.felixkrause.iTanky", "https://install.example.com/static/icons/x.png")
                .version("1.0", "1.0").upload(2_056_240, Instant.parse("2026-11-20T09:15:02Z"), "beta")
                .releaseNotes("Faster tanks.\nSee https://example.com/notes").requirements("5.0", List.of("iPhone"))
                .signing(DistributionType.AD_HOC, Instant.parse("2027-07-23T08:45:45Z"), "Krause", List.of(new Installability.Finding(
                        Installability.Severity.NOTE, "devices", "installs only on the 24 devices registered in the profile")))
                .links("itms-services://?action=download-manifest&url=https%3A%2F%2Finstall.example.com%2Fm%2Fx.plist%3Ft%3Dabc",
                        "https://install.example.com/b/x?t=abc")
                .visitor(Visitor.fromUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 "
                        + "(KHTML, like Gecko) Version/26.1 Mobile/15E148 Safari/604.1"))
                .build();
    }
}
