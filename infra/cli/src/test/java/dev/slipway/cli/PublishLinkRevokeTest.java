package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.access.AppScope;
import dev.slipway.access.BuildScope;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.BuildRecord;
import dev.slipway.catalog.Receipt;
import dev.slipway.fixtures.Corpus;
import dev.slipway.fixtures.Fixtures;
import dev.slipway.fixtures.TestIpa;
import dev.slipway.local.DemoIpa;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish}, {@code link} and {@code revoke} against a local stack started in this JVM on
 * free ports of 127.0.0.1, with pages fetched over HTTPS as a tester's iPhone would.
 */
class PublishLinkRevokeTest {
    private static final Pattern BUILD_LINK = Pattern.compile("https://127\\.0\\.0\\.1:[0-9]+/b/([a-z2-7]{20})\\?t=[A-Za-z0-9_-]+");

    @TempDir
    static Path temp;

    private static final ConcurrentLinkedQueue<String> console = new ConcurrentLinkedQueue<>();

    @RegisterExtension
    static final LocalStackExtension LOCAL = new LocalStackExtension(options -> options, console::add);

    /** Publishes with the local stack; the file's own name is its key. */
    private static Cli.Run publish(Path file, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "publish";
        args[1] = file.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return LOCAL.cli(args);
    }

    private static Matcher link(Cli.Run run) {
        Matcher m = BUILD_LINK.matcher(run.lines()[1]);
        assertThat(m.matches()).as("second line is the link: " + run.out()).isTrue();
        return m;
    }

    @Corpus
    @Test
    void publish_everyFixture_pageLoadsAndItsManifestLeadsToTheSameBytes() throws Exception {
        List<Path> fixtures = Fixtures.all("ipa");
        assertThat(fixtures).hasSizeGreaterThanOrEqualTo(10);
        LinkSigner signer = new LinkSigner(LOCAL.stack().secrets().linkKeys(), Clock.systemUTC());
        for (Path fixture : fixtures) {
            // when
            Cli.Run run = publish(fixture, "--channel", "fixtures", "--no-qr");

            // then: built, but none installs today (exit 5), with the link on the second line all the same
            assertThat(run.code()).as(fixture + ": " + run.err()).isEqualTo(5);
            assertThat(run.err()).contains("slipway: WARNING: iOS will not install this build:\n");
            Matcher link = link(run);
            String id = link.group(1);
            BuildRecord build = LOCAL.stack().catalog().build(id).orElseThrow();
            assertThat(run.lines()[0]).isEqualTo(build.name() + " " + build.version() + " (" + build.build()
                    + ") · channel fixtures · build " + id);
            HttpResponse<String> page = LOCAL.http().page(URI.create(link.group()));
            assertThat(page.statusCode()).as(fixture.toString()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>" + html(build.name()) + "</h1>");
            // Every fixture's profile has expired or is for the App Store, so its page offers no
            // Install button; the manifest a page would link is minted here, and followed the same way.
            assertThat(StackHttp.installLinks(page.body())).as(fixture.toString()).isEmpty();
            URI manifest = LOCAL.stack().info().pages().resolve("/m/" + id + ".plist?t="
                    + signer.sign(new BuildScope(id), Purpose.MANIFEST, Duration.ofMinutes(5)));
            assertThat(LOCAL.http().download(manifest)).as(fixture.toString()).isEqualTo(Files.readAllBytes(fixture));
        }
    }

    @Test
    void publish_installableBuild_installLinkLeadsToTheIpaBytes() throws Exception {
        // given an IPA whose profile is valid today
        Path ipa = temp.resolve("Installable & Co.ipa");
        TestIpa.app().bundleId("dev.slipway.test.installable").name("Installable").version("2.0").build("7")
                .iconSize(0).write(ipa);

        // when
        Cli.Run run = publish(ipa, "--channel", "qa", "--no-qr");

        // then the page, opened in Safari on an iPhone, has one Install link down to the same bytes
        assertThat(run.code()).as(run.err()).isZero();
        HttpResponse<String> page = LOCAL.http().page(URI.create(link(run).group()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        List<String> installs = StackHttp.installLinks(page.body());
        assertThat(installs).hasSize(1);
        URI manifest = StackHttp.manifestUrl(installs.get(0));
        assertThat(manifest.getAuthority()).isEqualTo(LOCAL.stack().info().pages().getAuthority());
        assertThat(LOCAL.http().download(manifest)).isEqualTo(Files.readAllBytes(ipa));
    }

    @Corpus
    @Test
    void publish_buildWithIcon_iconIsServedUnderStatic() throws Exception {
        // given
        Path fixture = Fixtures.get("ipa/profileInspector-spotmyride.ipa");

        // when
        Cli.Run run = publish(fixture, "--no-qr");

        // then the page's icon comes from the bucket's static/ prefix, as CloudFront serves it
        String html = LOCAL.http().page(URI.create(link(run).group())).body();
        Matcher img = Pattern.compile("src=\"(https://[^\"]*/static/icons/[a-z2-7]{20}\\.png)\"").matcher(html);
        assertThat(img.find()).as(html).isTrue();
        HttpResponse<byte[]> icon = LOCAL.http().bytes(URI.create(img.group(1)), "GET");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(icon.body()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Corpus
    @Test
    void publish_invalidFixtures_exitThreeWithTheIngestsReason() throws Exception {
        for (Path fixture : Fixtures.all("invalid")) {
            // when
            Cli.Run run = publish(fixture);

            // then
            assertThat(run.code()).as(fixture + ": " + run.err()).isEqualTo(3);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("slipway: the ingest rejected " + fixture.getFileName() + ": ");
        }
        Cli.Run notAnApp = publish(Fixtures.get("invalid/isign-NotAnApp.ipa"));
        String[] err = notAnApp.err().split("\n");
        assertThat(err[1]).isEqualTo("slipway: the ingest rejected isign-NotAnApp.ipa: no Payload/<App>.app/Info.plist "
                + "found: this ZIP holds no iOS app");
        // and the failure page, linked on the next line, says the same to whoever opens it
        assertThat(err[2]).startsWith("Failure page: https://127.0.0.1:");
        HttpResponse<String> failure = LOCAL.http().page(URI.create(err[2].substring("Failure page: ".length())));
        assertThat(failure.statusCode()).isEqualTo(200);
        assertThat(failure.body()).contains("isign-NotAnApp.ipa");
    }

    @Corpus
    @Test
    void publish_sameFileTwice_eachUploadGetsItsOwnBuild() {
        // given
        Path fixture = Fixtures.get("ipa/pliney-test.ipa");

        // when
        Cli.Run first = publish(fixture, "--channel", "twice", "--no-qr");
        Cli.Run second = publish(fixture, "--channel", "twice", "--no-qr");

        // then the second waited for its own receipt, not the first one's (both built; the profile has expired)
        assertThat(first.code()).isEqualTo(5);
        assertThat(second.code()).as(second.err()).isEqualTo(5);
        assertThat(link(second).group(1)).isNotEqualTo(link(first).group(1));
    }

    @Test
    void publish_largeFile_goesUpInPartsAndDownloadsWhole() throws Exception {
        // given a 20 MB IPA: above the 16 MB multipart threshold, three 8 MB parts
        Path big = temp.resolve("Big.ipa");
        Files.write(big, DemoIpa.bytes(20 * 1024 * 1024));

        // when
        Cli.Run run = publish(big, "--no-qr");

        // then built (unsigned, so not installable: exit 5)
        assertThat(run.code()).as(run.err()).isEqualTo(5);
        String id = link(run).group(1);
        Receipt receipt = LOCAL.stack().catalog().receipt("uploads/Big.ipa").orElseThrow();
        assertThat(receipt.id()).isEqualTo(id);
        assertThat(receipt.eTag()).endsWith("-3");
        URI manifest = LOCAL.stack().info().pages().resolve("/m/" + id + ".plist?t=" + new LinkSigner(
                LOCAL.stack().secrets().linkKeys(), Clock.systemUTC()).sign(new BuildScope(id), Purpose.MANIFEST));
        assertThat(LOCAL.http().download(manifest)).isEqualTo(Files.readAllBytes(big));
    }

    @Corpus
    @Test
    void publish_notesAndChannel_showOnThePage() throws Exception {
        // when
        Cli.Run run = publish(Fixtures.get("ipa/app_info-iphone.ipa"), "--channel", "beta", "--no-qr", "--notes",
                "Fixes — ünïcödé & <b>\nSecond line");

        // then the notes travel as base64 metadata and come out as text
        assertThat(run.code()).as(run.err()).isEqualTo(5);
        String html = LOCAL.http().page(URI.create(link(run).group())).body();
        assertThat(html).contains("Fixes — ünïcödé &amp; &lt;b&gt;").contains("Second line").contains(">beta<");
    }

    @Corpus
    @Test
    void publish_printsAQrCodeOfTheLink() throws Exception {
        // when
        Cli.Run run = publish(Fixtures.get("ipa/app_info-ipad.ipa"));

        // then what a phone's camera reads off the terminal is the link printed above it
        assertThat(run.code()).as(run.err()).isEqualTo(5);
        String[] lines = run.lines();
        String qr = String.join("\n", List.of(lines).subList(2, lines.length - 1)) + "\n";
        assertThat(TerminalQrTest.decode(qr)).isEqualTo(lines[1]);
        assertThat(lines[lines.length - 1]).startsWith("The link works for 30 days, until ");
    }

    @Test
    void publish_missingFile_exitsTwo() {
        Path missing = temp.resolve("nope.ipa");

        Cli.Run run = publish(missing);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("slipway: no such file: " + missing + "\n");
    }

    @Corpus
    @Test
    void publish_badChannel_exitsTwo() {
        Cli.Run run = publish(Fixtures.get("ipa/pliney-test.ipa"), "--channel", "Beta/1");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("slipway: --channel \"Beta/1\" is not a channel name (lower-case letters, "
                + "digits, '.', '_', '-'; at most 40)\n");
    }

    @Corpus
    @Test
    void publish_noStackOnTheDataFolder_exitsTwo() {
        // given a data folder no stack runs on
        Path elsewhere = temp.resolve("no-stack");

        // when
        Cli.Run run = Cli.run("publish", Fixtures.get("ipa/pliney-test.ipa").toString(), "--local", "--data",
                elsewhere.toString());

        // then
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("slipway: no local stack is running on " + elsewhere
                + ": start one with ./slipway local --data " + elsewhere + "\n");
    }

    @Corpus
    @Test
    void link_build_opensTheBuildsPage() throws Exception {
        // given
        String id = link(publish(Fixtures.get("ipa/ipa-server-test.ipa"), "--no-qr")).group(1);

        // when
        Cli.Run run = LOCAL.cli("link", id, "--ttl", "7d");

        // then
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.lines()[0]).matches("https://127\\.0\\.0\\.1:[0-9]+/b/" + id + "\\?t=[A-Za-z0-9_-]+");
        assertThat(run.lines()[1]).matches("The link works for 7 days, until [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC\\.");
        assertThat(run.lines()).hasSize(2);
        assertThat(LOCAL.http().page(URI.create(run.lines()[0])).statusCode()).isEqualTo(200);
    }

    @Corpus
    @Test
    void link_appChannel_opensTheAppPageListingItsBuilds() throws Exception {
        // given
        publish(Fixtures.get("ipa/fastlane-Example1.ipa"), "--channel", "nightly", "--no-qr");

        // when
        Cli.Run run = LOCAL.cli("link", "at.felixkrause.iTanky:nightly");

        // then
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("https://127.0.0.1:").contains("/a/at.felixkrause.iTanky/nightly?t=");
        HttpResponse<String> page = LOCAL.http().page(URI.create(run.lines()[0]));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("iTanky").contains("nightly");
    }

    @Test
    void link_unknownBuild_exitsTwo() {
        Cli.Run run = LOCAL.cli("link", "aaaaaaaaaaaaaaaaaaaa");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("slipway: no build aaaaaaaaaaaaaaaaaaaa in the local stack\n");
    }

    @Corpus
    @Test
    void revoke_build_earlierLinksAre404AndNewOnesWork() throws Exception {
        // given a build and a link to it that works
        Cli.Run published = publish(Fixtures.get("ipa/ipa_analyzer-ios-simple-objc.ipa"), "--no-qr");
        URI before = URI.create(link(published).group());
        String id = link(published).group(1);
        assertThat(LOCAL.http().page(before).statusCode()).isEqualTo(200);

        // when
        Cli.Run run = LOCAL.cli("revoke", id);

        // then at once (every write to the local stack's S3 empties the install function's cache of what it touches)
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).matches("Revoked the links to build " + id + " issued until "
                + "[0-9-]{10}T[0-9:]{8}Z in the local stack\\.\n");
        HttpResponse<String> revoked = LOCAL.http().page(before);
        assertThat(revoked.statusCode()).isEqualTo(404);
        // and a link minted after that second opens the page again
        Instant revokedAt = Instant.parse(run.out().replaceAll(".* issued until (\\S+) in .*\\s*", "$1"));
        while (!Instant.now().isAfter(revokedAt.plusSeconds(1))) {
            Thread.sleep(50);
        }
        Cli.Run fresh = LOCAL.cli("link", id);
        assertThat(LOCAL.http().page(URI.create(fresh.lines()[0])).statusCode()).isEqualTo(200);
    }

    @Test
    void link_keysAndSiteGiven_signsWithThoseKeysWithoutABucket() throws Exception {
        // given the deployed secret's value in a file, as `aws secretsmanager get-secret-value` prints it
        Path keys = temp.resolve("keys.json");
        Files.writeString(keys, LOCAL.stack().secrets().linkKeys().toSecretJson() + "\n");

        // when
        Cli.Run run = Cli.run("link", "com.example.app:beta", "--keys-file", keys.toString(), "--base-url",
                "https://d111111abcdef8.cloudfront.net");

        // then
        assertThat(run.code()).as(run.err()).isZero();
        URI link = URI.create(run.lines()[0]);
        assertThat(link.getHost()).isEqualTo("d111111abcdef8.cloudfront.net");
        assertThat(link.getPath()).isEqualTo("/a/com.example.app/beta");
        String token = link.getQuery().substring(2);
        assertThat(new LinkSigner(LOCAL.stack().secrets().linkKeys(), Clock.systemUTC()).verify(token, Purpose.PAGE).scope())
                .isEqualTo(new AppScope("com.example.app", "beta"));
    }

    @Test
    void link_noKeysConfigured_exitsTwoSayingWhatToAdd() {
        Cli.Run run = Cli.run("link", "com.example.app", "--base-url", "https://d111111abcdef8.cloudfront.net");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("slipway: no link keys: add --secret-arn ARN (the stack's link-signing secret), "
                + "--keys-file FILE, or set SLIPWAY_LINK_KEYS\n");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;")
                .replace("'", "&#39;");
    }
}
