package dev.slipway.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.storage.ETag;
import org.junit.jupiter.api.Test;

/** Build ids, bundle ids, channels and ETags: one definition each, checked once. */
class ValueTypesTest {
    @Test
    void buildId_base32OfTwenty_isValidAndOthersAreNamedInTheError() {
        assertThat(new BuildId("dqj2q5cxgv3adsyufere").value()).isEqualTo("dqj2q5cxgv3adsyufere");
        assertThat(BuildId.isValid("dqj2q5cxgv3adsyufer1")).isFalse();
        assertThat(BuildId.isValid(null)).isFalse();
        assertThatThrownBy(() -> new BuildId("../builds"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"../builds\" is not a build id (20 characters, a-z 2-7)");
    }

    @Test
    void bundleId_appleForm_isValidAndPathCharactersAreNot() {
        assertThat(BundleId.isValid("com.example.My-App2")).isTrue();
        assertThat(BundleId.isValid("a".repeat(155))).isTrue();
        assertThat(BundleId.isValid("a".repeat(156))).isFalse();
        assertThat(BundleId.isValid(".starts.with.dot")).isFalse();
        assertThatThrownBy(() -> new BundleId("com/example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"com/example\" is not a valid bundle identifier");
    }

    @Test
    void channel_lowerCaseName_isValidAndTheErrorSaysTheRule() {
        assertThat(Channel.isValid("beta.2_x-y")).isTrue();
        assertThat(Channel.isValid("Beta")).isFalse();
        assertThat(Channel.isValid("a".repeat(41))).isFalse();
        assertThatThrownBy(() -> new Channel("_beta"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel \"_beta\" is not a valid channel name (lower-case letters, digits, '.', '_', '-'; at most 40)");
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
