package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.fixtures.TestIpa;
import dev.slipway.notify.webhook.WebhookReceiver;
import dev.slipway.notify.webhook.WebhookTarget;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team's loop on {@code slipway local --webhook}: a good and a broken IPA published, two
 * signed deliveries to a receiver on 127.0.0.1, each with a link the stack serves; the good one's
 * page opened, its manifest fetched by iOS's installer and the download followed, and
 * {@code slipway stats BUILD --local --json} reports 1 / 1 / 1.
 */
class LocalLoopTest {
    private static final String SECRET = "local-loop-secret";

    @TempDir
    static Path temp;

    private static WebhookReceiver receiver;

    /** Sends the stack's webhooks to a receiver started just before it. */
    @RegisterExtension
    static final LocalStackExtension LOCAL = new LocalStackExtension(options -> {
        receiver = WebhookReceiver.start(SECRET.getBytes(StandardCharsets.UTF_8));
        return options.withWebhooks(List.of(WebhookTarget.parse(receiver.url("/").toString(), true)), SECRET);
    });

    /** An IPA whose profile is valid today, so its page offers Install. */
    private static void installable(Path file) throws Exception {
        TestIpa.app().bundleId("dev.slipway.test.installable").name("Installable").version("2.0").build("7").iconSize(0)
                .write(file);
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void publish_goodAndBrokenIpa_twoSignedDeliveriesWithWorkingLinks() throws Exception {
        // given
        Path good = temp.resolve("Good.ipa");
        installable(good);
        Path broken = temp.resolve("Broken.ipa");
        Files.writeString(broken, "not a zip archive");

        int before = receiver.requests().size();

        // when
        Cli.Run built = LOCAL.cli("publish", good.toString(), "--channel", "qa",
                "--no-qr");
        Cli.Run rejected = LOCAL.cli("publish", broken.toString(), "--channel", "qa");

        // then
        assertThat(built.code()).as(built.err()).isZero();
        assertThat(rejected.code()).isEqualTo(3);
        List<WebhookReceiver.Request> all = receiver.await(before + 2, 30);
        assertThat(all).hasSize(before + 2);
        List<WebhookReceiver.Request> deliveries = all.subList(before, before + 2);
        assertThat(deliveries).allMatch(WebhookReceiver.Request::signatureValid);
        Map<String, Object> ready = JSON.std.mapFrom(deliveries.get(0).body());
        Map<String, Object> failed = JSON.std.mapFrom(deliveries.get(1).body());
        assertThat(ready).containsEntry("type", "build.ready").containsEntry("channel", "qa");
        assertThat(failed).containsEntry("type", "build.rejected").containsEntry("channel", "qa");
        URI page = URI.create((String) ((Map<?, ?>) ready.get("links")).get("page"));
        URI failure = URI.create((String) ((Map<?, ?>) failed.get("links")).get("failure"));
        assertThat(page.getAuthority()).isEqualTo(LOCAL.stack().info().pages().getAuthority());
        assertThat(LOCAL.http().page(failure).body()).contains("Broken.ipa");

        // and when a tester opens the ready link, taps Install (iOS's installer fetches the manifest)
        // and the download follows, the funnel counts each step once
        String buildId = page.getPath().substring("/b/".length());
        HttpResponse<String> opened = LOCAL.http().page(page);
        assertThat(opened.statusCode()).isEqualTo(200);
        List<String> installs = StackHttp.installLinks(opened.body());
        assertThat(installs).hasSize(1);
        assertThat(LOCAL.http().download(StackHttp.manifestUrl(installs.get(0)), StackHttp.IOS_INSTALLER))
                .isEqualTo(Files.readAllBytes(good));
        Cli.Run stats = LOCAL.cli("stats", buildId, "--json");
        assertThat(stats.code()).as(stats.err()).isZero();
        Map<String, Object> funnel = JSON.std.mapFrom(stats.out());
        assertThat(funnel.get("total")).isEqualTo(Map.of("pageViews", 1, "installTaps", 1, "downloads", 1));
        assertThat(funnel.get("iosVersions")).isEqualTo(List.of(
                Map.of("ios", "18.1", "pageViews", 0, "installTaps", 1, "downloads", 1),
                Map.of("ios", "18.6", "pageViews", 1, "installTaps", 0, "downloads", 0)));
    }

    @Test
    void linkApi_channel_printsAnUpdateCheckUrlThatAnswersUntilRevoked() throws Exception {
        // given a build on channel api
        Path ipa = temp.resolve("Api.ipa");
        installable(ipa);
        int before = receiver.requests().size();
        Cli.Run built = LOCAL.cli("publish", ipa.toString(), "--channel", "api",
                "--no-qr");
        assertThat(built.code()).as(built.err()).isZero();
        // its notice delivered before anything else happens (the other test counts deliveries)
        assertThat(receiver.await(before + 1, 30)).hasSize(before + 1);

        // when
        Cli.Run link = LOCAL.cli("link", "dev.slipway.test.installable:api", "--api");

        // then the URL answers with the newest build as JSON, and stops once the channel's links are revoked
        assertThat(link.code()).as(link.err()).isZero();
        // (the URL on its own line, then when it stops working, as every link prints)
        assertThat(link.out()).contains("\nThe link works for 400 days, until ");
        URI url = URI.create(link.out().lines().findFirst().orElseThrow().strip());
        assertThat(url.getPath()).isEqualTo("/api/v1/apps/dev.slipway.test.installable/latest");
        assertThat(url.getRawQuery()).startsWith("channel=api&t=");
        HttpResponse<byte[]> latest = LOCAL.http().bytes(url, "GET");
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(JSON.std.mapFrom(latest.body())).containsEntry("channel", "api")
                .containsEntry("bundleId", "dev.slipway.test.installable");
        assertThat(LOCAL.cli("revoke", "dev.slipway.test.installable:api").code())
                .isZero();
        HttpResponse<byte[]> revoked = LOCAL.http().bytes(url, "GET");
        assertThat(revoked.statusCode()).isEqualTo(404);
        assertThat(JSON.std.mapFrom(revoked.body())).isEqualTo(Map.of("error", "no such app or channel for this link"));
    }

    @Test
    void local_webhookNotHttp_exitsTwoNamingIt() {
        Cli.Run run = Cli.run("local", "--webhook", "ftp://hooks.example.com/x", "--data", temp.resolve("other").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("slipway: --webhook: webhook ftp://hooks.example.com/x is not an http(s):// URL\n");
    }

    @Test
    void webhookBanner_generatedSecret_isShownOnce() {
        String banner = LocalCommand.webhookBanner(List.of(WebhookTarget.parse("http://127.0.0.1:9/hook", true),
                WebhookTarget.parse("slack:https://hooks.example.com/T/B/x", true)), "abc123", true);

        assertThat(banner).isEqualTo("Build notices are POSTed to:\n"
                + "  http://127.0.0.1:9/hook   (notice JSON)\n"
                + "  https://hooks.example.com/T/B/x   (chat message)\n"
                + "signed with X-Slipway-Signature-256: sha256=HMAC-SHA256(secret, body), secret abc123\n\n");
    }
}
