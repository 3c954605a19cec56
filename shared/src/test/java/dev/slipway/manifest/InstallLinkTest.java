package dev.slipway.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InstallLinkTest {

    @Test
    void forManifest_urlWithQueryAndEncodedSlash_isEncodedAsAWhole() {
        URI manifest = URI.create("https://d.example.com/m/abc.plist?t=x%2Fy&e=1");

        String link = InstallLink.forManifest(manifest);

        assertThat(link).isEqualTo("itms-services://?action=download-manifest&url="
                + "https%3A%2F%2Fd.example.com%2Fm%2Fabc.plist%3Ft%3Dx%252Fy%26e%3D1");
        // and decoding the url value once gives back the manifest URL exactly
        String value = link.substring(link.indexOf("&url=") + 5);
        assertThat(URLDecoder.decode(value, StandardCharsets.UTF_8)).isEqualTo(manifest.toString());
    }

    @Test
    void forManifest_plainHttp_isRefused() {
        assertThatThrownBy(() -> InstallLink.forManifest(URI.create("http://d.example.com/m.plist")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("iOS installs only from an https manifest URL: http://d.example.com/m.plist");
    }
}
