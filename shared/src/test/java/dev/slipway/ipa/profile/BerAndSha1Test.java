package dev.slipway.ipa.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BerAndSha1Test {

    @Test
    void sha1_knownAnswersFromFips180() {
        assertThat(hex(Sha1.digest(new byte[0]))).isEqualTo("da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assertThat(hex(Sha1.digest("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(hex(Sha1.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
                .getBytes(StandardCharsets.US_ASCII)))).isEqualTo("84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    }

    @Test
    void sha1_agreesWithTheJdkAcrossBlockBoundaries() throws Exception {
        Random random = new Random(1);
        for (int length = 0; length < 300; length++) {
            byte[] message = new byte[length * 7];
            random.nextBytes(message);
            assertThat(Sha1.digest(message)).as("length %d", message.length)
                    .isEqualTo(MessageDigest.getInstance("SHA-1").digest(message));
        }
    }

    @Test
    void read_indefiniteLengthsNestedTooDeep_isDamagedNotAStackOverflow() {
        byte[] nested = new byte[200_000];
        for (int i = 0; i < nested.length; i += 2) {
            nested[i] = 0x30;
            nested[i + 1] = (byte) 0x80;
        }
        assertThatThrownBy(() -> Ber.read(nested, 0)).isInstanceOf(Ber.Damaged.class).hasMessageContaining("nested");
    }

    @Test
    void octets_constructedPiecesNestedTooDeep_isDamagedNotAStackOverflow() throws Exception {
        // 0x24 (constructed OCTET STRING) with definite lengths, each holding the next
        int depth = 60;
        byte[] data = new byte[depth * 2];
        for (int i = 0; i < depth; i++) {
            data[2 * i] = 0x24;
            data[2 * i + 1] = (byte) (data.length - 2 * i - 2);
        }
        Ber.Element outer = Ber.read(data, 0);
        assertThatThrownBy(outer::octets).isInstanceOf(Ber.Damaged.class).hasMessageContaining("nested");
    }

    @Test
    void read_lengthPastTheEnd_isDamaged() {
        assertThatThrownBy(() -> Ber.read(new byte[] {0x30, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0}, 0))
                .isInstanceOf(Ber.Damaged.class).hasMessageContaining("runs past the end");
    }

    @Test
    void octets_ofPiecesWithIndefiniteLength_areJoined() throws Exception {
        byte[] data = {0x24, (byte) 0x80, 0x04, 0x02, 'a', 'b', 0x04, 0x01, 'c', 0x00, 0x00};
        assertThat(Ber.read(data, 0).octets()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
