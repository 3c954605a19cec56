package dev.slipway.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedHttpTest {

    @Test
    void bounded_bodyPastTheBoundWithoutALength_isRefused() {
        // given
        byte[] big = new byte[SignedHttp.MAX_BODY_BYTES + 1];

        // when / then
        assertThatThrownBy(() -> SignedHttp.bounded(new ByteArrayInputStream(big), Optional.empty(), "LIST x"))
                .isInstanceOf(AwsRequestException.class)
                .hasMessage("LIST x: the answer ran past " + SignedHttp.MAX_BODY_BYTES + " bytes");
    }

    @Test
    void bounded_bodyAtTheBound_isRead() throws Exception {
        // given
        byte[] full = new byte[SignedHttp.MAX_BODY_BYTES];

        // when / then
        assertThat(SignedHttp.bounded(new ByteArrayInputStream(full), Optional.of(String.valueOf(full.length)), "GET k"))
                .hasSize(SignedHttp.MAX_BODY_BYTES);
    }

    @Test
    void bounded_unreadableDeclaredLength_isRefused() {
        assertThatThrownBy(() -> SignedHttp.bounded(new ByteArrayInputStream(new byte[0]), Optional.of("lots"), "GET k"))
                .isInstanceOf(AwsRequestException.class)
                .hasMessage("GET k: the answer declared an unreadable Content-Length lots");
    }
}
