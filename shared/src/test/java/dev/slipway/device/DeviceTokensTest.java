package dev.slipway.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.KeyRing;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeviceTokensTest {
    private static final KeyRing KEYS = KeyRing.generate();
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String ID = Device.idOf("00008130-001A2B3C4D5E6F70");

    @Test
    void verify_issuedToken_returnsDeviceIdAndNoUdid() throws Exception {
        String token = new DeviceTokens(KEYS, Clock.fixed(NOW, ZoneOffset.UTC)).issue(ID);

        assertThat(new DeviceTokens(KEYS, Clock.fixed(NOW, ZoneOffset.UTC)).verify(token)).isEqualTo(ID);
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(token), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("00008130").doesNotContain("001A2B3C4D5E6F70");
    }

    @Test
    void verify_after180Days_isExpired() {
        String token = new DeviceTokens(KEYS, Clock.fixed(NOW, ZoneOffset.UTC)).issue(ID);

        assertThatThrownBy(() -> new DeviceTokens(KEYS, Clock.fixed(NOW.plus(DeviceTokens.TTL), ZoneOffset.UTC)).verify(token))
                .isInstanceOf(InvalidTokenException.class).hasMessage("device token expired at 2027-05-19T10:00:00Z");
    }

    @Test
    void verify_challengeUsedAsDeviceToken_isRefused() {
        String challenge = new Challenges(KEYS, Clock.fixed(NOW, ZoneOffset.UTC), Challenges.DEFAULT_TTL)
                .issue("example.com", new EnrolmentLink("/b/dqj2q5cxgv3adsyufere", "t"));

        assertThatThrownBy(() -> new DeviceTokens(KEYS, Clock.fixed(NOW, ZoneOffset.UTC)).verify(challenge))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void idOf_caseOfUdid_doesNotMatter() {
        assertThat(Device.idOf("abcdef0123456789abcdef0123456789abcdef01"))
                .isEqualTo(Device.idOf("ABCDEF0123456789ABCDEF0123456789ABCDEF01")).hasSize(32);
    }
}
