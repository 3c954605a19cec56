package dev.slipway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SealTest {
    private static final KeyRing KEYS = KeyRing.generate();

    @Test
    void open_sealedContent_returnsIt() throws Exception {
        Seal seal = new Seal(KEYS, 200);

        assertThat(seal.open("kind", seal.seal("kind", bytes("hello")))).isEqualTo(bytes("hello"));
    }

    @Test
    void open_otherContext_isBadSignature() {
        Seal seal = new Seal(KEYS, 200);
        String sealed = seal.seal("device-token", bytes("hello"));

        assertThatThrownBy(() -> seal.open("device-challenge", sealed)).isInstanceOf(InvalidTokenException.class)
                .hasMessage("device-challenge tag does not match (key \"k1\")");
    }

    @Test
    void open_linkToken_isMalformed() {
        String link = new LinkSigner(KEYS, new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))
                .sign(new BuildScope("b"), Purpose.PAGE, Duration.ofDays(1));

        assertThatThrownBy(() -> new Seal(KEYS, 200).open("kind", link)).isInstanceOf(InvalidTokenException.class)
                .hasMessage("kind has the wrong layout");
    }

    @Test
    void open_tooLong_isRefusedBeforeDecoding() {
        assertThatThrownBy(() -> new Seal(KEYS, 10).open("kind", "A".repeat(11))).isInstanceOf(InvalidTokenException.class)
                .hasMessage("kind is empty or longer than 10 characters");
    }

    @Test
    void open_rotatedKeyRingStillHoldingOldKey_opens() throws Exception {
        byte[] old = new byte[32];
        byte[] fresh = new byte[32];
        fresh[0] = 1;
        String sealed = new Seal(KeyRing.of("k1", Map.of("k1", old)), 200).seal("kind", bytes("x"));

        byte[] opened = new Seal(KeyRing.of("k2", Map.of("k1", old, "k2", fresh)), 200).open("kind", sealed);

        assertThat(opened).isEqualTo(bytes("x"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
