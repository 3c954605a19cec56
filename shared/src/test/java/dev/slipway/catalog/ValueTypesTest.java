package dev.slipway.catalog;

import dev.slipway.storage.ETag;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Build ids, bundle ids, channels and ETags: one definition each, checked once. */
class ValueTypesTest {
    @Test
    void buildId_base32OfTwenty_isValidAndOthersAreNamedInTheError() {
        assertThat(new BuildId("dqj2q5cxgv3adsyufere").value()).isEqualTo("dqj2q5cxgv3adsyufere");
        assertThat(BuildId.FORM.matches("dqj2q5cxgv3adsyufer1")).isFalse();
        assertThat(BuildId.FORM.matches(null)).isFalse();
        assertThatThrownBy(() -> new BuildId("../builds"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"../builds\" is not a build id (20 characters, a-z 2-7)");
    }

    @Test
    void bundleId_appleForm_isValidAndPathCharactersAreNot() {
        assertThatThrownBy(() -> new BundleId("com/example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"com/example\" is not a valid bundle identifier");
        assertThat(List.of("com.example.My-App2", "a".repeat(155))).allMatch(BundleId.FORM::matches);
        assertThat(List.of("a".repeat(156), ".starts.with.dot", "")).noneMatch(BundleId.FORM::matches);
    }

    @Test
    void channel_lowerCaseName_isValidAndTheErrorSaysTheRule() {
        assertThat(Channel.FORM.matches("beta.2_x-y")).isTrue();
        assertThat(Channel.FORM.matches("Beta")).isFalse();
        assertThat(Channel.FORM.matches("a".repeat(41))).isFalse();
        assertThatThrownBy(() -> new Channel("_beta"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"_beta\" is not a valid channel name (lower-case letters, digits, '.', '_', '-'; at most 40)");
    }

    @Test
    void eTag_quotedAndBare_areTheSame() {
        assertThat(ETag.same("\"9b2c\"", "9b2c")).isTrue();
        assertThat(ETag.same("9b2c", "9b2d")).isFalse();
        assertThat(ETag.same(null, "9b2c")).isFalse();
        assertThat(ETag.bare("\"9b2c-3\"")).isEqualTo("9b2c-3");
        assertThat(ETag.bare("\"")).isEqualTo("\"");
        assertThat(ETag.quoted("9b2c")).isEqualTo("\"9b2c\"").isEqualTo(ETag.quoted("\"9b2c\""));
    }
}
