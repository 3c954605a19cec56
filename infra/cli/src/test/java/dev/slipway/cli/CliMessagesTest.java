package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the CLI says and the exit codes it returns when a build cannot install, when an option is
 * wrong, and around {@code withdraw} and {@code restore}, against a local stack in this JVM.
 */
class CliMessagesTest {
    private static final Pattern BUILD_LINK = Pattern.compile("https://127\\.0\\.0\\.1:[0-9]+/b/([a-z2-7]{20})\\?t=[A-Za-z0-9_-]+");
    private static final Pattern APP_LINK = Pattern.compile("https://127\\.0\\.0\\.1:[0-9]+/a/\\S+");

    @TempDir
    static Path temp;

    @RegisterExtension
    static final LocalStackExtension LOCAL = new LocalStackExtension();

    private static String buildId(Cli.Run run) {
        Matcher m = BUILD_LINK.matcher(run.out());
        assertThat(m.find()).as(run.out() + run.err()).isTrue();
        return m.group(1);
    }

    private static String linkTo(String scope) {
        Matcher m = (scope.contains(".") ? APP_LINK : BUILD_LINK).matcher(LOCAL.cli("link", scope).out());
        assertThat(m.find()).isTrue();
        return m.group();
    }

    @Test
    void publish_expiredBuild_warnsOnStderrExitsFiveAndStillPrintsTheLink() {
        // when
        Cli.Run run = LOCAL.cli("publish", Fixtures.get("ipa/fastlane-Example1.ipa").toString(), "--no-qr");

        // then
        assertThat(run.code()).isEqualTo(5);
        assertThat(run.err()).endsWith("waiting for the ingest…\n"
                + "slipway: WARNING: iOS will not install this build:\n"
                + "slipway:   ✗ the provisioning profile expired on 23 Jul 2012\n"
                + "slipway:   ✗ the signing certificate expired on 23 Jul 2012\n");
        assertThat(run.lines()[0]).endsWith(" · channel main · build " + buildId(run));
        assertThat(run.lines()[1]).matches(BUILD_LINK.pattern());
        assertThat(run.lines()[2]).startsWith("The link works for 30 days, until ");
    }

    @Test
    void publish_appStoreBuild_saysSoAndExitsFive() {
        Cli.Run run = LOCAL.cli("publish", Fixtures.get("ipa/fastlane-very-capable-app.old.ipa").toString(), "--no-qr");

        assertThat(run.code()).isEqualTo(5);
        assertThat(run.err()).contains("slipway: WARNING: iOS will not install this build:\n"
                + "slipway:   ✗ signed for App Store distribution: iOS installs it only through the App Store or TestFlight\n");
    }

    @Test
    void publish_installableBuild_exitsZeroWithoutWarning() throws Exception {
        Path ipa = temp.resolve("Fine.ipa");
        InstallableIpa.write(ipa);

        Cli.Run run = LOCAL.cli("publish", ipa.toString(), "--no-qr");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("WARNING");
    }

    @Test
    void publish_notesFile_showsOnThePage() throws Exception {
        // given
        Path notes = temp.resolve("notes.md");
        Files.writeString(notes, "From a file\n\n- first\n- second\n");

        // when
        Cli.Run run = LOCAL.cli("publish", Fixtures.get("ipa/pliney-test.ipa").toString(), "--no-qr", "--notes-file",
                notes.toString());

        // then
        String html = LOCAL.http().page(URI.create(run.lines()[1])).body();
        assertThat(html).contains("From a file").contains("second");
    }

    @Test
    void publish_notesFromStandardInput_showOnThePage() throws Exception {
        InputStream stdin = System.in;
        Cli.Run run;
        try {
            System.setIn(new ByteArrayInputStream("Piped in from CI\n".getBytes(StandardCharsets.UTF_8)));
            run = LOCAL.cli("publish", Fixtures.get("ipa/pliney-test.ipa").toString(), "--no-qr", "--notes-file", "-");
        } finally {
            System.setIn(stdin);
        }

        assertThat(LOCAL.http().page(URI.create(run.lines()[1])).body()).contains("Piped in from CI");
    }

    @Test
    void publish_notesFileTooLong_exitsTwoWithOneLine() throws Exception {
        Path notes = temp.resolve("long.txt");
        Files.writeString(notes, "x".repeat(1501));

        Cli.Run run = LOCAL.cli("publish", Fixtures.get("ipa/pliney-test.ipa").toString(), "--notes-file", notes.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("slipway: --notes-file " + notes + " holds more than 1,500 bytes; at most that "
                + "fit in S3 metadata\n");
    }

    @Test
    void publish_notesFileNotUtf8_exitsTwoWithOneLine() throws Exception {
        Path notes = temp.resolve("latin1.txt");
        Files.write(notes, new byte[] {'c', 'a', 'f', (byte) 0xE9});

        Cli.Run run = LOCAL.cli("publish", Fixtures.get("ipa/pliney-test.ipa").toString(), "--notes-file", notes.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("slipway: --notes-file " + notes + " is not UTF-8 text\n");
    }

    @Test
    void publish_notesAndNotesFile_exitsTwo() {
        Cli.Run run = LOCAL.cli("publish", Fixtures.get("ipa/pliney-test.ipa").toString(), "--notes", "a", "--notes-file",
                "-");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("slipway: --notes and --notes-file go one at a time\n");
    }

    @Test
    void publish_missingNotesFile_exitsTwo() {
        Cli.Run run = LOCAL.cli("publish", Fixtures.get("ipa/pliney-test.ipa").toString(), "--notes-file",
                temp.resolve("none.md").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("slipway: no such file: " + temp.resolve("none.md") + "\n");
    }

    static Stream<Arguments> refusedCommands() {
        String noBuild = "slipway: no build aaaaaaaaaaaaaaaaaaaa in the local stack\n";
        return Stream.of(
                refused("link, a bad --ttl: one line, not the help", "slipway: Invalid value for option '--ttl': '5x' is "
                        + "not a duration (e.g. 90s, 15m, 12h, 7d) (see slipway link --help)\n",
                        "link", "com.example.app", "--ttl", "5x"),
                refused("link, a --ttl beyond a page link's life",
                        "slipway: --ttl 500 days is longer than a page link may work (400 days)\n",
                        "link", "com.example.app", "--ttl", "500d"),
                // one letter too many is no build id, and no bundle id either
                refused("link, a mistyped build id: no build, not no app",
                        "slipway: no build aaaaaaaaaaaaaaaaaaaaa in the local stack\n", "link", "aaaaaaaaaaaaaaaaaaaaa"),
                refused("link, an unknown app", "slipway: no builds of app com.example.nothing in the local stack\n",
                        "link", "com.example.nothing"),
                refused("link, neither build nor app", "slipway: \"not an app!\" is neither a build id (20 characters, "
                        + "a-z 2-7) nor APP[:CHANNEL] (a bundle id such as com.example.app, and a channel such as beta)\n",
                        "link", "not an app!"),
                refused("link --api, a build", "slipway: --api needs APP or APP:CHANNEL, not a build: apps ask for their "
                        + "newest build\n", "link", "aaaaaaaaaaaaaaaaaaaa", "--api"),
                refused("withdraw, an unknown build", noBuild, "withdraw", "aaaaaaaaaaaaaaaaaaaa"),
                refused("withdraw, an app instead of a build",
                        "slipway: \"com.example.app\" is not a build id (20 characters, a-z 2-7)\n",
                        "withdraw", "com.example.app"),
                refused("devices --missing, an unknown build", noBuild, "devices", "--missing", "aaaaaaaaaaaaaaaaaaaa"),
                refused("devices, a bad --format", "slipway: Invalid value for option '--format': expected one of "
                        + "[text, apple] (case-sensitive) but was 'csv' (see slipway devices --help)\n",
                        "devices", "--format", "csv"));
    }

    private static Arguments refused(String why, String err, String... args) {
        return Arguments.of(Named.of(why, args), err);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCommands")
    void command_refused_exitsTwoWithOneMessage(String[] args, String err) {
        Cli.Run run = LOCAL.cli(args);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(err);
    }

    @Test
    void link_unknownOption_printsOneLine() {
        Cli.Run run = LOCAL.cli("link", "com.example.app", "--tll", "5d");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().count()).isOne();
        assertThat(run.err()).startsWith("slipway: Unknown option");
    }

    @Test
    void withdraw_build_linksAre404AppPageHidesItAndRestoreBringsItBack() throws Exception {
        // given two builds of one app on a channel of their own, and links to them
        Path ipa = temp.resolve("Withdrawn.ipa");
        InstallableIpa.write(ipa);
        String older = buildId(LOCAL.cli("publish", ipa.toString(), "--channel", "withdraw", "--no-qr"));
        String newer = buildId(LOCAL.cli("publish", ipa.toString(), "--channel", "withdraw", "--no-qr"));
        URI page = URI.create(linkTo(newer));
        URI app = URI.create(linkTo(InstallableIpa.BUNDLE_ID + ":withdraw"));
        assertThat(LOCAL.http().page(app).body()).contains(newer).contains(older);

        // when
        Cli.Run withdraw = LOCAL.cli("withdraw", newer);

        // then its page is gone for old links and new ones, and the app page lists only the other build
        assertThat(withdraw.code()).as(withdraw.err()).isZero();
        assertThat(withdraw.out()).isEqualTo("Withdrew build " + newer + " (Installable 2.0 (7) · channel withdraw) in the "
                + "local stack: no link installs it and no app page lists it. To undo: slipway restore " + newer + "\n");
        assertThat(LOCAL.http().page(page).statusCode()).isEqualTo(404);
        assertThat(LOCAL.http().page(URI.create(linkTo(newer))).statusCode()).isEqualTo(404);
        String listed = LOCAL.http().page(app).body();
        assertThat(listed).contains(older).doesNotContain(newer);
        assertThat(LOCAL.stack().catalog().build(newer)).isPresent();

        // when restored
        Cli.Run restore = LOCAL.cli("restore", newer);

        // then the same link opens the page again
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).isEqualTo("Restored build " + newer + " (Installable 2.0 (7) · channel withdraw) in the "
                + "local stack: app pages list it and its links work again.\n");
        assertThat(LOCAL.http().page(page).statusCode()).isEqualTo(200);
        assertThat(LOCAL.http().page(app).body()).contains(newer);
    }

    @Test
    void restore_buildNotWithdrawn_saysNothingToDo() throws Exception {
        String id = buildId(LOCAL.cli("publish", Fixtures.get("ipa/pliney-test.ipa").toString(), "--no-qr"));

        Cli.Run run = LOCAL.cli("restore", id);

        assertThat(run.code()).isZero();
        assertThat(run.out()).endsWith(") is not withdrawn in the local stack; nothing to restore.\n");
    }

    @Test
    void help_withdrawAndRevoke_sayHowTheyDiffer() {
        // (help text wraps at 80 columns)
        assertThat(Cli.run("withdraw", "--help").out().replaceAll("\\s+", " "))
                .contains("Unlike revoke, which takes back the links handed out so far (new links work), withdraw is "
                        + "about the build itself");
        assertThat(Cli.run("revoke", "--help").out().replaceAll("\\s+", " "))
                .contains("To stop a build being installed at all, use withdraw (no link, old or new, installs it");
    }

    @Test
    void buildPage_expiredBuild_namesTheNewerInstallableOneAndTheAppPageBadgesBoth() throws Exception {
        // given an expired build, then an installable one, on one channel
        Path expired = temp.resolve("Old.ipa");
        InstallableIpa.write(expired, java.time.Instant.now().minus(java.time.Duration.ofDays(3)));
        Path fresh = temp.resolve("New.ipa");
        InstallableIpa.write(fresh);
        Cli.Run old = LOCAL.cli("publish", expired.toString(), "--channel", "newer", "--no-qr");
        String newId = buildId(LOCAL.cli("publish", fresh.toString(), "--channel", "newer", "--no-qr"));

        // when the expired build's page is opened with its own build link
        String html = LOCAL.http().page(URI.create(old.lines()[1])).body();

        // then it names the newer build, with a link (a token for that build) that opens it
        assertThat(html).contains("A newer build is available").contains("Can’t be installed on this iPhone");
        Matcher newer = Pattern.compile("href=\"(https://[^\"]*/b/" + newId + "\\?t=[^\"]+)\"").matcher(html);
        assertThat(newer.find()).as(html).isTrue();
        java.net.http.HttpResponse<String> next = LOCAL.http().page(URI.create(newer.group(1)));
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(StackHttp.installLinks(next.body())).hasSize(1);
        assertThat(next.body()).doesNotContain("A newer build is available");

        // and the app page of that channel badges each build and offers Install for the installable one only
        String app = LOCAL.http().page(URI.create(linkTo(InstallableIpa.BUNDLE_ID + ":newer"))).body();
        assertThat(app).contains(">Installable<").contains(">Expired<").contains("build unavailable");
        assertThat(StackHttp.installLinks(app)).hasSize(1);
        assertThat(StackHttp.installLinks(app).get(0)).contains("%2Fm%2F" + newId + ".plist");
        assertThat(app).doesNotContain("Latest on each channel");
    }

    @Test
    void notFoundPages_unknownRevokedAndWithdrawn_identicalWithoutJargon() throws Exception {
        // given a revoked build, a withdrawn build and a build that never was, each with a valid link
        String revoked = buildId(LOCAL.cli("publish", Fixtures.get("ipa/pliney-test.ipa").toString(), "--no-qr",
                "--channel", "gone"));
        URI revokedLink = URI.create(linkTo(revoked));
        LOCAL.cli("revoke", revoked);
        String withdrawn = buildId(LOCAL.cli("publish", Fixtures.get("ipa/pliney-test.ipa").toString(), "--no-qr",
                "--channel", "gone"));
        LOCAL.cli("withdraw", withdrawn);
        dev.slipway.access.LinkSigner signer = new dev.slipway.access.LinkSigner(LOCAL.stack().secrets().linkKeys(),
                java.time.Clock.systemUTC());
        URI unknown = LOCAL.stack().info().pages().resolve("/b/aaaaaaaaaaaaaaaaaaaa?t="
                + signer.sign(new dev.slipway.access.BuildScope("aaaaaaaaaaaaaaaaaaaa"), dev.slipway.access.Purpose.PAGE));

        // when
        java.net.http.HttpResponse<String> a = LOCAL.http().page(unknown);
        java.net.http.HttpResponse<String> b = LOCAL.http().page(revokedLink);
        java.net.http.HttpResponse<String> c = LOCAL.http().page(URI.create(linkTo(withdrawn)));

        // then
        assertThat(List.of(a.statusCode(), b.statusCode(), c.statusCode())).containsOnly(404);
        assertThat(b.body()).isEqualTo(a.body());
        assertThat(c.body()).isEqualTo(a.body());
        assertThat(a.body().replaceAll("<[^>]*>", "")).doesNotContain("404").doesNotContainIgnoringCase("error");
        assertThat(a.body()).doesNotContain("<footer");
    }
}
