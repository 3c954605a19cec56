package dev.slipway.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadTest {
    private static final Instant T = Instant.parse("2026-11-20T09:15:02Z");

    private static Upload upload(String key, String eTag, String sequencer) {
        return new Upload(key, 100, eTag, sequencer, null, T);
    }

    @ParameterizedTest
    @CsvSource({
        "uploads/App.ipa, main, App.ipa",
        "uploads/beta/My App.ipa, beta, My App.ipa",
        "uploads/qa-1.2/Café Über+1.ipa, qa-1.2, Café Über+1.ipa"})
    void channel_keyFolders_nameTheChannel(String key, String channel, String fileName) throws Exception {
        Upload upload = upload(key, "e", "s");

        assertThat(upload.channel()).isEqualTo(channel);
        assertThat(upload.fileName()).isEqualTo(fileName);
    }

    @Test
    void channel_upperCaseOrSpaces_isRefusedWithTheRule() {
        assertThatThrownBy(() -> upload("uploads/Big Beta/App.ipa", "e", "s").channel())
                .isInstanceOf(UploadRejectedException.class)
                .hasMessage("channel \"Big Beta\" is not a valid channel name (lower-case letters, digits, '.', '_', '-'; "
                        + "at most 40)");
    }

    @ParameterizedTest
    @CsvSource({"uploads/App.ipa, true", "uploads/beta/App.IPA, true", "uploads/.ipa, false", "builds/x/app.ipa, false",
        "uploads/App.zip, false", "uploadsX/App.ipa, false"})
    void isUploadKey_onlyIpasUnderUploads(String key, boolean expected) {
        assertThat(Upload.isUploadKey(key)).isEqualTo(expected);
    }

    @Test
    void buildId_sameEventTwice_isTheSameAndLaterUploadDiffers() {
        String first = upload("uploads/App.ipa", "etag1", "0066A").buildId();

        assertThat(upload("uploads/App.ipa", "etag1", "0066A").buildId()).isEqualTo(first);
        assertThat(upload("uploads/App.ipa", "etag1", "0066B").buildId()).isNotEqualTo(first);
        assertThat(upload("uploads/App.ipa", "etag2", "0066A").buildId()).isNotEqualTo(first);
        assertThat(first).matches("[a-z2-7]{20}");
        assertThat(upload("uploads/App.ipa", "etag1", "0066A").failureId()).isNotEqualTo(first);
    }

    @Test
    void base32_knownVector_matchesRfc4648() {
        // RFC 4648 test vector: BASE32("foobar") = "MZXW6YTBOI" (upper case there)
        assertThat(Upload.base32("foobar".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 10)).isEqualTo("mzxw6ytboi");
    }

    @Test
    void indexEntry_laterUploads_sortFirst() {
        String older = Layout.indexEntry("a.b", "main", T, "x");
        String newer = Layout.indexEntry("a.b", "main", T.plusMillis(1), "x");

        assertThat(newer).isLessThan(older).startsWith("apps/a.b/channels/main/");
    }
}
