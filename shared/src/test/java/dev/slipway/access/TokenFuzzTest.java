package dev.slipway.access;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slipway.fixtures.FuzzBudget;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;

/**
 * Link tokens on any text: verification answers with a token or an {@link InvalidTokenException}
 * (which the install handler turns into its one 404 page), for every purpose.
 */
class TokenFuzzTest {
    private static final byte[] KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    private static final LinkSigner SIGNER = new LinkSigner(KeyRing.of("k1", Map.of("k1", KEY)),
            Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC));

    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void verify_anyText_onlyInvalidTokenEscapes(FuzzedDataProvider data) {
        Purpose purpose = data.pickValue(Purpose.values());
        String token = data.consumeRemainingAsString();
        try {
            TokenFormat.decode(token);
        } catch (InvalidTokenException e) {
            FuzzBudget.checkOneLine(e);
        }
        try {
            SIGNER.verify(token, purpose);
        } catch (InvalidTokenException e) {
            FuzzBudget.checkOneLine(e);
        }
    }
}
