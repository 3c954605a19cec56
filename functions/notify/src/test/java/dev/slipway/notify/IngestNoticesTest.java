package dev.slipway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.slipway.access.KeyRing;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.Purpose;
import dev.slipway.catalog.Upload;
import dev.slipway.fixtures.Fixtures;
import dev.slipway.fixtures.TestS3;
import dev.slipway.ingest.IngestService;
import dev.slipway.ingest.IpaCopier;
import dev.slipway.notify.webhook.WebhookNotifier;
import dev.slipway.notify.webhook.WebhookReceiver;
import dev.slipway.notify.webhook.WebhookSender;
import dev.slipway.notify.webhook.WebhookTarget;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The real ingest over S3Proxy, notifying through the webhook sender to a receiver that checks
 * signatures: the chain {@code slipway local --webhook} runs.
 */
class IngestNoticesTest {
    private static final byte[] SECRET = "ingest-notices-secret".getBytes(StandardCharsets.UTF_8);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private static final URI SITE = URI.create("https://install.example.com");
    private final LinkSigner signer = new LinkSigner(KeyRing.generate(), CLOCK);
    private TestS3 s3;
    private WebhookReceiver receiver;
    private WebhookNotifier notifier;
    private IngestService ingest;

    @BeforeEach
    void start() throws Exception {
        s3 = TestS3.start();
        receiver = WebhookReceiver.start(SECRET);
        notifier = new WebhookNotifier(List.of(WebhookTarget.parse(receiver.url("/hook").toString(), true)),
                new WebhookSender(SECRET, new WebhookSender.Attempts(3, Duration.ofMillis(10), Duration.ofSeconds(5))));
        ingest = new IngestService(s3.client(), s3.bucket(), new IpaCopier(s3.client(), s3.bucket()), CLOCK, notifier,
                new NoticeLinks(signer, SITE, Duration.ofDays(7)));
    }

    @AfterEach
    void stop() throws Exception {
        notifier.close();
        receiver.close();
        s3.close();
    }

    @Test
    void ingest_goodAndBrokenIpa_sendTwoSignedNotices() throws Exception {
        Upload good = upload("uploads/beta/Good.ipa", Fixtures.bytes("ipa/pliney-test.ipa"), "0001");
        Upload broken = upload("uploads/beta/Broken.ipa", "not a zip archive".getBytes(StandardCharsets.US_ASCII), "0002");

        ingest.ingest(good);
        ingest.ingest(broken);
        notifier.close();

        List<WebhookReceiver.Request> requests = receiver.requests();
        assertThat(requests).hasSize(2).allMatch(WebhookReceiver.Request::signatureValid);
        Map<String, Object> ready = JSON.std.mapFrom(requests.get(0).body());
        assertThat(ready).containsEntry("type", "build.ready").containsEntry("id", "build.ready:" + good.buildId())
                .containsEntry("channel", "beta").containsEntry("occurredAt", "2026-12-02T10:00:00Z");
        String page = (String) ((Map<?, ?>) ready.get("links")).get("page");
        assertThat(page).startsWith(SITE + "/b/" + good.buildId() + "?t=");
        // The link is a live page token for that build, valid for the configured week.
        String token = page.substring(page.indexOf("?t=") + 3);
        assertThat(signer.verify(token, Purpose.PAGE).expiresAt()).isEqualTo(CLOCK.instant().plus(Duration.ofDays(7)));
        Map<String, Object> rejected = JSON.std.mapFrom(requests.get(1).body());
        assertThat(rejected).containsEntry("type", "build.rejected")
                .containsEntry("id", "build.rejected:" + broken.failureId());
        assertThat((String) rejected.get("reason")).isNotBlank().doesNotContain("\n");
        assertThat((String) ((Map<?, ?>) rejected.get("links")).get("failure"))
                .startsWith(SITE + "/f/" + broken.failureId() + "?t=");
    }

    @Test
    void ingest_duplicatedS3Event_deliversOnce() throws Exception {
        Upload good = upload("uploads/Good.ipa", Fixtures.bytes("ipa/pliney-test.ipa"), "0003");
        Upload broken = upload("uploads/Broken.ipa", "not a zip archive".getBytes(StandardCharsets.US_ASCII), "0004");

        // S3 delivers at least once: each event twice.
        assertThat(ingest.ingest(good).outcome()).isEqualTo(IngestService.Outcome.BUILT);
        assertThat(ingest.ingest(good).outcome()).isEqualTo(IngestService.Outcome.DUPLICATE);
        ingest.ingest(broken);
        ingest.ingest(broken);
        notifier.close();

        assertThat(receiver.requests()).extracting(r -> r.header("X-Slipway-Delivery"))
                .containsExactly("build.ready:" + good.buildId(), "build.rejected:" + broken.failureId());
    }

    @Test
    void ingest_earlierAttemptStoppedBeforeItsReceipt_sendsTheSameNoticeAgain() throws Exception {
        Upload good = upload("uploads/Good.ipa", Fixtures.bytes("ipa/pliney-test.ipa"), "0005");
        ingest.ingest(good);
        // As if the first attempt died after the record but before its notice and receipt.
        s3.client().deleteObject(b -> b.bucket(s3.bucket()).key(dev.slipway.catalog.Layout.receipt(good.key(), good.versionId(), good.eTag())));

        ingest.ingest(good);
        notifier.close();

        assertThat(receiver.requests()).extracting(r -> r.header("X-Slipway-Delivery"))
                .containsExactly("build.ready:" + good.buildId(), "build.ready:" + good.buildId());
    }

    private Upload upload(String key, byte[] bytes, String sequencer) throws Exception {
        s3.client().putObject(b -> b.bucket(s3.bucket()).key(key), RequestBody.fromBytes(bytes));
        String eTag = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        return new Upload(key, bytes.length, eTag, sequencer, null, CLOCK.instant());
    }
}
