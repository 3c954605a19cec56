package dev.slipway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipway.access.InvalidTokenException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LinkSignerTest {
    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    static final String BUILD_ID = "01JN8ZQ6V3B4K7M2P9R5T8W1XY";
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    final byte[] key = sequence(32, 0);
    final KeyRing ring = KeyRing.of("k1", Map.of("k1", key));
    final MutableClock clock = new MutableClock(NOW);
    final LinkSigner signer = new LinkSigner(ring, clock);

    @ParameterizedTest
    @EnumSource(Purpose.class)
    void verify_buildScopeTokenOfEachPurpose_returnsWhatWasSigned(Purpose purpose) throws Exception {
        // given
        String token = signer.sign(new BuildScope(BUILD_ID), purpose);

        // when
        LinkToken verified = signer.verify(token, purpose);

        // then
        assertThat(verified).isEqualTo(new LinkToken(new BuildScope(BUILD_ID), purpose, "k1", NOW,
                NOW.plus(purpose.defaultTtl())));
    }

    @ParameterizedTest
    @EnumSource(Purpose.class)
    void verify_appChannelTokenOfEachPurpose_returnsWhatWasSigned(Purpose purpose) throws Exception {
        // given
        String token = signer.sign(new AppScope("com.example.app", "beta"), purpose, Duration.ofMinutes(7));

        // when
        LinkToken verified = signer.verify(token, purpose);

        // then
        assertThat(verified).isEqualTo(new LinkToken(new AppScope("com.example.app", "beta"), purpose, "k1", NOW,
                NOW.plusSeconds(420)));
    }

    @ParameterizedTest
    @EnumSource(Purpose.class)
    void verify_appAllChannelsTokenOfEachPurpose_returnsWhatWasSigned(Purpose purpose) throws Exception {
        // given
        String token = signer.sign(AppScope.allChannels("com.example.app"), purpose, purpose.maxTtl());

        // when
        LinkToken verified = signer.verify(token, purpose);

        // then
        assertThat(verified.scope()).isEqualTo(new AppScope("com.example.app", null));
        assertThat(verified.expiresAt()).isEqualTo(NOW.plus(purpose.maxTtl()));
    }

    @Test
    void sign_subSecondClockAndTtl_truncatesToWholeSeconds() throws Exception {
        // given
        clock.set(NOW.plusMillis(999));

        // when
        LinkToken verified = signer.verify(signer.sign(new BuildScope("b"), Purpose.PAGE, Duration.ofMillis(90_500)),
                Purpose.PAGE);

        // then
        assertThat(verified.issuedAt()).isEqualTo(NOW);
        assertThat(verified.expiresAt()).isEqualTo(NOW.plusSeconds(90));
    }

    @Test
    void sign_buildPageToken_isTheDocumentedLayout() {
        // given: the bytes written by hand from package-info.java, signed with the JDK directly
        String expected = RawToken.buildToken("k1", 1, NOW.getEpochSecond(), Duration.ofDays(30).toSeconds(), BUILD_ID)
                .signedWith(key);

        // when
        String token = signer.sign(new BuildScope(BUILD_ID), Purpose.PAGE);

        // then
        assertThat(token).isEqualTo(expected);
    }

    @Test
    void sign_exampleFromPackageInfo_isTheDocumentedToken() {
        // when: key bytes 00..1f, the example in package-info.java (computed there with Python's hmac)
        String token = signer.sign(new BuildScope(BUILD_ID), Purpose.PAGE);

        // then
        assertThat(token).isEqualTo("AQJrMQFnwtqgACeNAAEaMDFKTjhaUTZWM0I0SzdNMlA5UjVUOFcxWFmSCgoX0eSUrX-7_Ih43vFo");
    }

    @Test
    void sign_buildPageTokenForUlidBuildId_isSeventySixCharacters() {
        // when
        String token = signer.sign(new BuildScope(BUILD_ID), Purpose.PAGE);

        // then: 14 header bytes + 27 of build id + 16 of tag = 57 bytes = 76 characters
        assertThat(token).hasSize(76).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void verify_everyCharacterReplacedByEveryOther_isRejected() {
        // given
        String token = signer.sign(new BuildScope(BUILD_ID), Purpose.PAGE);

        for (int i = 0; i < token.length(); i++) {
            for (char replacement : ALPHABET.toCharArray()) {
                if (replacement == token.charAt(i)) {
                    continue;
                }
                String tampered = token.substring(0, i) + replacement + token.substring(i + 1);

                // when
                InvalidTokenException e = rejection(tampered, Purpose.PAGE);

                // then
                assertThat(e).as("position %d replaced by %s", i, replacement).isNotNull();
                assertThat(e.getMessage()).doesNotContain(tampered).doesNotContain("\n");
            }
        }
    }

    @Test
    void verify_everyBitOfTheDecodedBytesFlipped_isRejected() {
        // given
        byte[] raw = RawToken.decode(signer.sign(AppScope.allChannels("com.example.app"), Purpose.MANIFEST));

        for (int bit = 0; bit < raw.length * 8; bit++) {
            byte[] flipped = raw.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            String tampered = RawToken.encode(flipped);

            // when / then
            assertThatThrownBy(() -> signer.verify(tampered, Purpose.MANIFEST))
                    .as("bit %d flipped", bit)
                    .isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void verify_everyTruncationAndAnExtension_isRejected() {
        // given
        String token = signer.sign(new BuildScope(BUILD_ID), Purpose.PAGE);

        // when / then
        for (int length = 0; length < token.length(); length++) {
            String truncated = token.substring(0, length);
            assertThatThrownBy(() -> signer.verify(truncated, Purpose.PAGE))
                    .as("first %d characters", length)
                    .isInstanceOf(InvalidTokenException.class);
        }
        assertThat(rejection(token + "AAAA", Purpose.PAGE)).extracting(InvalidTokenException::reason)
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_wrongSignatureOfTheRightLength_isRejectedAsBadSignature() {
        // given: the right payload, a tag that differs only in its last byte
        byte[] raw = RawToken.decode(signer.sign(new BuildScope(BUILD_ID), Purpose.PAGE));
        raw[raw.length - 1] ^= 0x01;
        String forged = RawToken.encode(raw);

        // when / then
        assertRejected(forged, Purpose.PAGE, Reason.BAD_SIGNATURE, "token signature does not match (key \"k1\")");
    }

    @Test
    void verify_tagOfZeroes_isRejectedAsBadSignature() {
        // given
        byte[] raw = RawToken.decode(signer.sign(new BuildScope(BUILD_ID), Purpose.PAGE));
        Arrays.fill(raw, raw.length - 16, raw.length, (byte) 0);

        // when / then
        assertThat(rejection(RawToken.encode(raw), Purpose.PAGE)).extracting(InvalidTokenException::reason)
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_pageTokenUsedForPackage_isRejectedAsWrongPurpose() {
        // given
        String token = signer.sign(new BuildScope(BUILD_ID), Purpose.PAGE);

        // when / then
        assertRejected(token, Purpose.PACKAGE, Reason.WRONG_PURPOSE,
                "PAGE token for build \"" + BUILD_ID + "\" used as PACKAGE");
    }

    @Test
    void verify_eachPurposeUsedForEveryOther_isRejectedAsWrongPurpose() {
        for (Purpose signed : Purpose.values()) {
            String token = signer.sign(new BuildScope("b1"), signed);
            for (Purpose expected : Purpose.values()) {
                if (expected != signed) {
                    assertThatThrownBy(() -> signer.verify(token, expected))
                            .as("%s token used as %s", signed, expected)
                            .isInstanceOf(InvalidTokenException.class)
                            .hasFieldOrPropertyWithValue("reason", Reason.WRONG_PURPOSE);
                }
            }
        }
    }

    @Test
    void verify_oneSecondAfterExpiry_isRejectedAsExpired() {
        // given
        String token = signer.sign(new BuildScope(BUILD_ID), Purpose.MANIFEST, Duration.ofMinutes(10));
        clock.set(NOW.plus(Duration.ofMinutes(10)).plusSeconds(1));

        // when / then
        assertRejected(token, Purpose.MANIFEST, Reason.EXPIRED, "MANIFEST token for build \"" + BUILD_ID
                + "\" expired at 2025-03-01T10:10:00Z (now 2025-03-01T10:10:01Z)");
    }

    @Test
    void verify_atTheExpiryInstant_isRejectedAsExpired() {
        // given
        String token = signer.sign(new BuildScope(BUILD_ID), Purpose.MANIFEST, Duration.ofMinutes(10));
        clock.set(NOW.plus(Duration.ofMinutes(10)));

        // when / then
        assertThat(rejection(token, Purpose.MANIFEST)).extracting(InvalidTokenException::reason)
                .isEqualTo(Reason.EXPIRED);
    }

    @Test
    void verify_oneSecondBeforeExpiry_isAccepted() throws Exception {
        // given
        String token = signer.sign(new BuildScope(BUILD_ID), Purpose.MANIFEST, Duration.ofMinutes(10));
        clock.set(NOW.plus(Duration.ofMinutes(10)).minusSeconds(1));

        // when
        LinkToken verified = signer.verify(token, Purpose.MANIFEST);

        // then
        assertThat(verified.expiresAt()).isEqualTo(Instant.parse("2025-03-01T10:10:00Z"));
    }

    @Test
    void verify_issuedMoreThanFiveMinutesAhead_isRejectedAsNotYetValid() {
        // given: another signer whose clock runs 5 min 1 s fast
        String token = new LinkSigner(ring, new MutableClock(NOW.plusSeconds(301)))
                .sign(new BuildScope(BUILD_ID), Purpose.PAGE);

        // when / then
        assertRejected(token, Purpose.PAGE, Reason.NOT_YET_VALID,
                "PAGE token for build \"" + BUILD_ID + "\" issued at 2025-03-01T10:05:01Z, "
                + "ahead of the clock (2025-03-01T10:00:00Z) by more than PT5M");
    }

    @Test
    void verify_issuedExactlyFiveMinutesAhead_isAccepted() throws Exception {
        // given
        String token = new LinkSigner(ring, new MutableClock(NOW.plusSeconds(300)))
                .sign(new BuildScope(BUILD_ID), Purpose.PAGE);

        // when
        LinkToken verified = signer.verify(token, Purpose.PAGE);

        // then
        assertThat(verified.issuedAt()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void verify_signedWithKeyIdNotInTheRing_isRejectedAsUnknownKey() {
        // given
        KeyRing other = KeyRing.of("k9", Map.of("k9", key));
        String token = new LinkSigner(other, clock).sign(new BuildScope(BUILD_ID), Purpose.PAGE);

        // when / then
        assertRejected(token, Purpose.PAGE, Reason.UNKNOWN_KEY, "token signed with unknown key id \"k9\"");
    }

    @Test
    void verify_sameKeyIdButAnotherKey_isRejectedAsBadSignature() {
        // given
        KeyRing impostor = KeyRing.of("k1", Map.of("k1", sequence(32, 1)));
        String token = new LinkSigner(impostor, clock).sign(new BuildScope(BUILD_ID), Purpose.PAGE);

        // when / then
        assertThat(rejection(token, Purpose.PAGE)).extracting(InvalidTokenException::reason)
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_afterRotation_oldTokensVerifyAndNewTokensUseTheCurrentKey() throws Exception {
        // given
        String old = signer.sign(new BuildScope(BUILD_ID), Purpose.PAGE);
        KeyRing rotated = KeyRing.of("k2", Map.of("k1", key, "k2", sequence(32, 100)));
        LinkSigner after = new LinkSigner(rotated, clock);

        // when
        LinkToken oldVerified = after.verify(old, Purpose.PAGE);
        LinkToken fresh = after.verify(after.sign(new BuildScope(BUILD_ID), Purpose.PAGE), Purpose.PAGE);

        // then
        assertThat(oldVerified.keyId()).isEqualTo("k1");
        assertThat(fresh.keyId()).isEqualTo("k2");
    }

    @Test
    void sign_twoKeysInTurnOnOneThread_eachTokenIsTaggedWithItsOwnKey() throws Exception {
        // given: the signer keeps a Mac per thread, keyed with the last key it signed with
        LinkSigner impostor = new LinkSigner(KeyRing.of("k1", Map.of("k1", sequence(32, 1))), clock);

        // when
        String first = signer.sign(new BuildScope(BUILD_ID), Purpose.PAGE);
        String foreign = impostor.sign(new BuildScope(BUILD_ID), Purpose.PAGE);
        String second = signer.sign(new BuildScope(BUILD_ID), Purpose.PAGE);

        // then
        assertThat(signer.verify(first, Purpose.PAGE).scope()).isEqualTo(new BuildScope(BUILD_ID));
        assertThat(rejection(foreign, Purpose.PAGE)).extracting(InvalidTokenException::reason)
                .isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(impostor.verify(foreign, Purpose.PAGE).scope()).isEqualTo(new BuildScope(BUILD_ID));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void sign_fromManyThreadsAtOnce_everyTokenVerifies() throws Exception {
        // given
        LinkSigner other = new LinkSigner(KeyRing.of("k2", Map.of("k2", sequence(32, 50))), clock);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            // when: four threads sign and verify with two keys in turn
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    int verified = 0;
                    for (int i = 0; i < 500; i++) {
                        LinkSigner which = (i + thread) % 2 == 0 ? signer : other;
                        BuildScope scope = new BuildScope(BUILD_ID.substring(0, 20) + thread + i);
                        if (which.verify(which.sign(scope, Purpose.MANIFEST), Purpose.MANIFEST).scope().equals(scope)) {
                            verified++;
                        }
                    }
                    return verified;
                }));
            }

            // then
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(500);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void verify_tokenOfARetiredKey_isRejectedAsUnknownKey() {
        // given
        String old = signer.sign(new BuildScope(BUILD_ID), Purpose.PAGE);
        LinkSigner retired = new LinkSigner(KeyRing.of("k2", Map.of("k2", sequence(32, 100))), clock);

        // when / then
        assertThatThrownBy(() -> retired.verify(old, Purpose.PAGE))
                .isInstanceOf(InvalidTokenException.class)
                .hasFieldOrPropertyWithValue("reason", Reason.UNKNOWN_KEY);
    }

    @Test
    void verify_signedWithALifetimeBeyondThePurposeMaximum_isRejectedAsTtlTooLong() {
        // given: a genuine signature over a 401-day page token, which sign() refuses to make
        String token = RawToken.buildToken("k1", 1, NOW.getEpochSecond(), Duration.ofDays(401).toSeconds(), "b1")
                .signedWith(key);

        // when / then
        assertRejected(token, Purpose.PAGE, Reason.TTL_TOO_LONG,
                "PAGE token for build \"b1\" lives 34646400 s, more than the 34560000 s allowed");
    }

    @Test
    void verify_packageTokenLivingTwoHours_isRejectedAsTtlTooLong() {
        // given
        String token = RawToken.buildToken("k1", 3, NOW.getEpochSecond(), 7200, "b1").signedWith(key);

        // when / then
        assertThat(rejection(token, Purpose.PACKAGE)).extracting(InvalidTokenException::reason)
                .isEqualTo(Reason.TTL_TOO_LONG);
    }

    @Test
    void verify_versionTwo_isRejectedAsUnsupportedVersion() {
        // given
        byte[] raw = RawToken.decode(signer.sign(new BuildScope(BUILD_ID), Purpose.PAGE));
        raw[0] = 2;

        // when / then
        assertRejected(RawToken.encode(raw), Purpose.PAGE, Reason.UNSUPPORTED_VERSION,
                "token version 2 is not supported");
    }

    @Test
    void verify_signedBytesWithUnknownPurposeCode_isRejectedAsMalformed() {
        // given
        String token = RawToken.buildToken("k1", 9, NOW.getEpochSecond(), 60, "b1").signedWith(key);

        // when / then
        assertThat(rejection(token, Purpose.PAGE)).hasMessage("signed token has unknown purpose code 9");
    }

    @Test
    void verify_signedBytesWithTrailingGarbage_isRejectedAsMalformed() {
        // given
        String token = RawToken.buildToken("k1", 1, NOW.getEpochSecond(), 60, "b1").u8(0).signedWith(key);

        // when / then
        assertThatThrownBy(() -> signer.verify(token, Purpose.PAGE))
                .isInstanceOf(InvalidTokenException.class)
                .hasFieldOrPropertyWithValue("reason", Reason.MALFORMED)
                .hasMessage("signed token has 1 bytes after its scope");
    }

    @Test
    void verify_signedBytesWithFieldRunningPastTheEnd_isRejectedAsMalformed() {
        // given: the build id claims 200 bytes, 2 follow
        String token = new RawToken().u8(1).field("k1").u8(1).u32(NOW.getEpochSecond()).u32(60).u8(1)
                .u8(200).u8('b').u8('1').signedWith(key);

        // when / then
        assertThat(rejection(token, Purpose.PAGE)).hasMessage("signed token ends inside a field");
    }

    @Test
    void verify_oversizeToken_isRejectedBeforeDecoding() {
        // given
        String huge = "A".repeat(513);

        // when / then
        assertRejected(huge, Purpose.PAGE, Reason.MALFORMED, "token is 513 characters, at most 512");
    }

    @Test
    void verify_megabyteOfValidBase64_isRejectedByLengthAlone() {
        // given: a real token repeated, well-formed base64 all the way
        String token = signer.sign(new BuildScope(BUILD_ID), Purpose.PAGE);
        String huge = token.repeat(1 + (1 << 20) / token.length());

        // when / then
        assertThat(rejection(huge, Purpose.PAGE)).hasMessage("token is " + huge.length() + " characters, at most 512");
    }

    @Test
    void verify_garbage_isRejectedAsMalformedWithAOneLineMessage() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("", "token is empty"),
                Map.entry("A", "token length 1 is not a base64url length"),
                Map.entry("AQ", "token is too short: 1 bytes"),
                Map.entry("AQAA", "token key id length 0 is out of bounds"),
                Map.entry("AREA", "token key id length 17 is out of bounds"),
                Map.entry("AQJrMQ", "token is too short: 4 bytes"),
                Map.entry("abc=", "token has a character outside the base64url alphabet at index 3"),
                Map.entry("ab.cd", "token has a character outside the base64url alphabet at index 2"),
                Map.entry("ab+/", "token has a character outside the base64url alphabet at index 2"),
                Map.entry(" AQJrMQ", "token has a character outside the base64url alphabet at index 0"),
                Map.entry("AQJrMQ\n", "token has a character outside the base64url alphabet at index 6"),
                Map.entry("AQJrMé", "token has a character outside the base64url alphabet at index 5"),
                // version 1, key id "k!", then 16 zero bytes where the tag goes
                Map.entry("AQJrIQAAAAAAAAAAAAAAAAAAAAA", "token key id has characters outside A-Z a-z 0-9 _ -"));

        cases.forEach((garbage, message) -> {
            // when
            InvalidTokenException e = rejection(garbage, Purpose.PAGE);

            // then
            assertThat(e).as("%s", garbage).isNotNull();
            assertThat(e).as("%s", garbage).extracting(InvalidTokenException::reason).isEqualTo(Reason.MALFORMED);
            assertThat(e).as("%s", garbage).hasMessage(message);
        });
    }

    @Test
    void verify_nullToken_isRejectedAsMalformed() {
        assertThat(rejection(null, Purpose.PAGE)).hasMessage("token is empty");
    }

    @Test
    void verify_lastCharacterWithUnusedBitsSet_isRejectedAsNotCanonical() throws Exception {
        // given: "b12" makes 34 bytes, so the last of 46 characters carries 4 unused bits
        String token = signer.sign(new BuildScope("b12"), Purpose.PAGE);
        assertThat(token).hasSize(46);
        char last = token.charAt(45);
        String twin = token.substring(0, 45) + ALPHABET.charAt(ALPHABET.indexOf(last) ^ 1);
        assertThat(RawToken.decode(twin)).isEqualTo(RawToken.decode(token));

        // when
        InvalidTokenException e = rejection(twin, Purpose.PAGE);

        // then
        assertThat(e).hasMessage("token is not canonical base64url");
        assertThat(signer.verify(token, Purpose.PAGE).scope()).isEqualTo(new BuildScope("b12"));
    }

    @Test
    void sign_lifetimeAboveThePurposeMaximum_isRefused() {
        assertThatThrownBy(() -> signer.sign(new BuildScope("b1"), Purpose.MANIFEST, Duration.ofMinutes(61)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token lifetime PT1H1M exceeds the MANIFEST maximum of PT1H");
    }

    @Test
    void sign_lifetimeUnderOneSecond_isRefused() {
        assertThatThrownBy(() -> signer.sign(new BuildScope("b1"), Purpose.PAGE, Duration.ofMillis(999)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token lifetime must be at least one second: PT0.999S");
    }

    @Test
    void sign_buildIdOver255Bytes_isRefused() {
        assertThatThrownBy(() -> signer.sign(new BuildScope("é".repeat(128)), Purpose.PAGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("build id is 256 bytes in UTF-8, at most 255 fit in a token");
    }

    @Test
    void sign_appScopeLongerThanATokenMayBe_isRefused() {
        // given: two fields of 250 bytes fit the format but not 512 characters
        AppScope scope = new AppScope("a".repeat(250), "c".repeat(250));

        // when / then
        assertThatThrownBy(() -> signer.sign(scope, Purpose.PAGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scope is too long for a token: 710 characters, at most 512");
    }

    @Test
    void sign_unpairedSurrogate_isRefusedRatherThanSignedAsQuestionMark() {
        assertThatThrownBy(() -> signer.sign(new AppScope("com.example", "beta\uD800"), Purpose.PAGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel is not valid Unicode (unpaired surrogate)");
    }

    @Test
    void sign_clockBefore1970_isRefused() {
        // given
        clock.set(Instant.parse("1969-12-31T23:59:59Z"));

        // when / then
        assertThatThrownBy(() -> signer.sign(new BuildScope("b1"), Purpose.PAGE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("clock reads 1969-12-31T23:59:59Z, outside the years a token can carry");
    }

    static byte[] sequence(int length, int start) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (start + i);
        }
        return bytes;
    }

    /** {@code verify} refuses the token for this reason, with exactly this message. */
    private void assertRejected(String token, Purpose purpose, Reason reason, String message) {
        InvalidTokenException e = rejection(token, purpose);
        assertThat(e).extracting(InvalidTokenException::reason).isEqualTo(reason);
        assertThat(e).hasMessage(message);
    }

    /** What {@code verify} throws for a token it must refuse. */
    private InvalidTokenException rejection(String token, Purpose purpose) {
        return catchThrowableOfType(InvalidTokenException.class, () -> signer.verify(token, purpose));
    }
}
