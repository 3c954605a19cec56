package dev.slipway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Many random scopes, with a fixed seed so a failure can be replayed. */
class LinkSignerPropertyTest {
    static final long SEED = 20_250_301L;
    // Separators a naive format would trip on, non-ASCII in one, two, three and four UTF-8 bytes,
    // right-to-left text, a combining mark, a zero-width joiner and control characters.
    static final int[] SPECIAL = {'.', '|', ':', '/', '%', '&', '=', '"', '\\', ' ', 0, '\n', 0x7F, 'é', 'ß', 'Ω',
        'ж', 'ش', '中', '日', 0x0301, 0x200D, 0xFEFF, 0x1F680, 0x1F468, 0x10FFFF};

    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    final LinkSigner signer = new LinkSigner(KeyRing.generate(), clock);

    @Test
    void verify_thousandsOfRandomScopes_returnsExactlyWhatWasSigned() throws Exception {
        Random random = new Random(SEED);
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            // given
            Scope scope = randomScope(random);
            Purpose purpose = Purpose.values()[random.nextInt(Purpose.values().length)];
            Duration ttl = Duration.ofSeconds(1 + random.nextLong(purpose.maxTtl().toSeconds()));
            clock.set(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000)));

            // when
            String token = signer.sign(scope, purpose, ttl);
            LinkToken verified = signer.verify(token, purpose);

            // then
            assertThat(token).as("seed %d, case %d", SEED, i).matches("[A-Za-z0-9_-]{1,512}");
            assertThat(verified.scope()).as("seed %d, case %d", SEED, i).isEqualTo(scope);
            assertThat(verified.expiresAt()).isEqualTo(verified.issuedAt().plus(ttl));
            tokens.add(token);
        }
        // distinct scopes, purposes and times make distinct tokens
        assertThat(tokens).hasSizeGreaterThan(4_990);
    }

    private static Scope randomScope(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> new BuildScope(randomId(random));
            case 1 -> new AppScope(randomId(random), randomId(random));
            default -> AppScope.allChannels(randomId(random));
        };
    }

    /** 1 to 40 code points, at most 160 UTF-8 bytes: two of them and a header stay under 512 characters. */
    private static String randomId(Random random) {
        StringBuilder id = new StringBuilder();
        int length = 1 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(4);
            if (pick == 0) {
                id.appendCodePoint(SPECIAL[random.nextInt(SPECIAL.length)]);
            } else if (pick == 1) {
                id.appendCodePoint(randomCodePoint(random));
            } else {
                id.append("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-".charAt(random.nextInt(63)));
            }
        }
        return id.toString();
    }

    /** Any Unicode scalar value: surrogates are not characters and cannot be signed. */
    private static int randomCodePoint(Random random) {
        while (true) {
            int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                return codePoint;
            }
        }
    }
}
