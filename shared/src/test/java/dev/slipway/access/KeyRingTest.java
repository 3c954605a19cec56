package dev.slipway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyRingTest {
    // The shape CloudFormation's GenerateSecretString produces: 32 printable characters.
    static final String GENERATED = "Vx7#qL2m!Rt9_Zp4&Kd8^Wn3@Hs6*Jb1";
    static final String K1 = Base64.getEncoder().encodeToString(LinkSignerTest.sequence(32, 0));
    static final String K2 = Base64.getEncoder().encodeToString(LinkSignerTest.sequence(32, 100));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void parse_plainGeneratedString_isTheSingleKeyK1() throws Exception {
        // when
        KeyRing ring = KeyRing.parse(GENERATED);

        // then: the string's UTF-8 bytes are the key
        assertThat(ring.currentKeyId()).isEqualTo("k1");
        assertThat(ring.keyIds()).containsExactly("k1");
        String token = new LinkSigner(ring, CLOCK).sign(new BuildScope("b1"), Purpose.PAGE);
        assertThat(token).isEqualTo(RawToken.buildToken("k1", 1, Instant.parse("2025-03-01T10:00:00Z").getEpochSecond(),
                Purpose.PAGE.defaultTtl().toSeconds(), "b1").signedWith(GENERATED.getBytes()));
    }

    @Test
    void parse_plainStringWithTrailingNewline_isTheSameKey() throws Exception {
        // given
        String token = new LinkSigner(KeyRing.parse(GENERATED), CLOCK).sign(new BuildScope("b1"), Purpose.PAGE);

        // when
        LinkToken verified = new LinkSigner(KeyRing.parse("  " + GENERATED + "\n"), CLOCK).verify(token, Purpose.PAGE);

        // then
        assertThat(verified.scope()).isEqualTo(new BuildScope("b1"));
    }

    @Test
    void parse_json_readsTheCurrentKeyAndEveryKey() throws Exception {
        // given
        String secret = "{\"current\":\"k2\",\"keys\":{\"k1\":\"" + K1 + "\",\"k2\":\"" + K2 + "\"}}";

        // when
        KeyRing ring = KeyRing.parse(secret);

        // then
        assertThat(ring.currentKeyId()).isEqualTo("k2");
        assertThat(ring.keyIds()).containsExactly("k1", "k2");
        String old = new LinkSigner(KeyRing.of("k1", Map.of("k1", LinkSignerTest.sequence(32, 0))), CLOCK)
                .sign(new BuildScope("b1"), Purpose.PAGE);
        assertThat(new LinkSigner(ring, CLOCK).verify(old, Purpose.PAGE).keyId()).isEqualTo("k1");
    }

    @Test
    void parse_jsonWithUrlSafeUnpaddedKeyAndWhitespace_isAccepted() {
        // given: 0xfb 0xff … encodes with '-' and '_' in the URL-safe alphabet
        byte[] key = new byte[33];
        java.util.Arrays.fill(key, (byte) 0xfb);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        String secret = "{\n  \"current\": \"rot-2025_03\",\n  \"keys\": { \"rot-2025_03\": \"" + urlSafe + "\" }\n}\n";

        // when
        KeyRing ring = KeyRing.parse(secret);

        // then
        assertThat(urlSafe).contains("-").contains("_");
        assertThat(ring.currentKeyId()).isEqualTo("rot-2025_03");
    }

    @Test
    void toSecretJson_generatedRing_parsesBackToTheSameKeys() throws Exception {
        // given
        KeyRing generated = KeyRing.generate();
        String token = new LinkSigner(generated, CLOCK).sign(new BuildScope("b1"), Purpose.PAGE);

        // when
        KeyRing parsed = KeyRing.parse(generated.toSecretJson());

        // then
        assertThat(parsed.currentKeyId()).isEqualTo("k1");
        assertThat(new LinkSigner(parsed, CLOCK).verify(token, Purpose.PAGE).scope()).isEqualTo(new BuildScope("b1"));
    }

    @Test
    void generate_twice_makesDifferentKeys() {
        // given
        KeyRing first = KeyRing.generate();
        KeyRing second = KeyRing.generate();

        // when
        String token = new LinkSigner(first, CLOCK).sign(new BuildScope("b1"), Purpose.PAGE);

        // then
        assertThatThrownBy(() -> new LinkSigner(second, CLOCK).verify(token, Purpose.PAGE))
                .isInstanceOf(InvalidTokenException.class)
                .hasFieldOrPropertyWithValue("reason", InvalidTokenException.Reason.BAD_SIGNATURE);
    }

    @Test
    void toString_neverRevealsKeyMaterial() {
        // given
        KeyRing plain = KeyRing.parse(GENERATED);
        KeyRing json = KeyRing.parse("{\"current\":\"k2\",\"keys\":{\"k1\":\"" + K1 + "\",\"k2\":\"" + K2 + "\"}}");

        // when / then
        assertThat(plain).hasToString("KeyRing[current=k1, keys=[k1]]");
        assertThat(json).hasToString("KeyRing[current=k2, keys=[k1, k2]]");
        assertThat(json.toString()).doesNotContain(K1).doesNotContain(K2)
                .doesNotContain(HexFormat.of().formatHex(LinkSignerTest.sequence(32, 0)));
    }

    @Test
    void parse_shortPlainString_isRefusedWithoutEchoingIt() {
        // given
        String secret = "hunter2-is-not-a-key";

        // when / then
        assertThatThrownBy(() -> KeyRing.parse(secret))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signing secret is too short: 20 characters, at least 32 needed")
                .message().doesNotContain(secret).doesNotContain("hunter");
    }

    @Test
    void parse_thirtyOneCharacters_isRefusedAndThirtyTwoAccepted() {
        assertThatThrownBy(() -> KeyRing.parse(GENERATED.substring(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signing secret is too short: 31 characters, at least 32 needed");
        assertThat(KeyRing.parse(GENERATED).keyIds()).containsExactly("k1");
    }

    @Test
    void parse_emptyBlankOrMissing_isRefused() {
        assertThatThrownBy(() -> KeyRing.parse("")).hasMessage("signing secret is empty");
        assertThatThrownBy(() -> KeyRing.parse(" \n\t")).hasMessage("signing secret is empty");
        assertThatThrownBy(() -> KeyRing.parse(null)).hasMessage("signing secret is missing");
    }

    @Test
    void parse_invalidJson_isRefusedWithAPositionNotTheText() {
        // given: valid-looking start, then a bare word that Jackson would quote in its own message
        String secret = "{\"current\":\"k1\",\"keys\":{\"k1\":" + "s3cr3tmaterial" + "}}";

        // when / then: column 30 is where the bare word starts
        assertThatThrownBy(() -> KeyRing.parse(secret))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signing secret looks like JSON but is not valid JSON (line 1, column 30)")
                .message().doesNotContain("s3cr3t");
    }

    @Test
    void parse_jsonKeyShorterThan32Bytes_isRefused() {
        // given
        String shortKey = Base64.getEncoder().encodeToString(LinkSignerTest.sequence(16, 0));

        // when / then
        assertThatThrownBy(() -> KeyRing.parse("{\"current\":\"k1\",\"keys\":{\"k1\":\"" + shortKey + "\"}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signing key \"k1\" is 16 bytes, at least 32 needed")
                .message().doesNotContain(shortKey);
    }

    @Test
    void parse_jsonKeyNotBase64_isRefusedWithoutEchoingIt() {
        // given
        String notBase64 = "this is definitely not base64 at all!!";

        // when / then
        assertThatThrownBy(() -> KeyRing.parse("{\"current\":\"k1\",\"keys\":{\"k1\":\"" + notBase64 + "\"}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signing key \"k1\" is not valid base64")
                .message().doesNotContain("definitely");
    }

    @Test
    void parse_jsonCurrentNotAmongKeys_isRefused() {
        assertThatThrownBy(() -> KeyRing.parse("{\"current\":\"k3\",\"keys\":{\"k1\":\"" + K1 + "\",\"k2\":\"" + K2
                + "\"}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("current key id \"k3\" is not among the keys [k1, k2]");
    }

    @Test
    void parse_jsonWithoutCurrent_isRefused() {
        assertThatThrownBy(() -> KeyRing.parse("{\"keys\":{\"k1\":\"" + K1 + "\"}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signing secret JSON needs \"current\": the id of the signing key");
    }

    @Test
    void parse_jsonWithoutKeys_isRefused() {
        assertThatThrownBy(() -> KeyRing.parse("{\"current\":\"k1\",\"keys\":{}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signing secret JSON needs \"keys\": an object of key id to base64 key");
    }

    @Test
    void parse_jsonWithDuplicateKeyId_isRefused() {
        // column 81 is just past the second "k1":
        assertThatThrownBy(() -> KeyRing.parse("{\"current\":\"k1\",\"keys\":{\"k1\":\"" + K1 + "\",\"k1\":\"" + K2
                + "\"}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signing secret looks like JSON but is not valid JSON (line 1, column 81)");
    }

    @Test
    void parse_jsonWithAnUnknownField_isRefusedWithoutEchoingIt() {
        // given: a key pasted as a field name by mistake
        String secret = "{\"current\":\"k1\",\"keys\":{\"k1\":\"" + K1 + "\"},\"" + K2 + "\":1}";

        // when / then
        assertThatThrownBy(() -> KeyRing.parse(secret))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signing secret JSON has fields other than \"current\" and \"keys\"")
                .message().doesNotContain(K2);
    }

    @Test
    void parse_jsonWithAnInvalidKeyId_isRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> KeyRing.parse("{\"current\":\"k1\",\"keys\":{\"k1\":\"" + K1 + "\",\"" + K2 + "\":\""
                + K2 + "\"}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key id is invalid: it must be 1 to 16 characters from A-Z a-z 0-9 _ -");
    }

    @Test
    void of_noKeys_isRefused() {
        assertThatThrownBy(() -> KeyRing.of("k1", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key ring has no keys");
    }
}
