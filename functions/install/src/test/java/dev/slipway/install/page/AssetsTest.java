package dev.slipway.install.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.install.page.Assets.Asset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssetsTest {
    private final Assets assets = Assets.fromClasspath();

    @Test
    void list_classpath_stylesheetAndScriptsWithTypes() {
        // when
        List<Asset> list = assets.list();

        // then
        assertThat(list).extracting(Asset::contentType)
                .containsExactly("text/css; charset=utf-8", "text/javascript; charset=utf-8", "text/javascript; charset=utf-8",
                        "text/javascript; charset=utf-8");
        assertThat(list.get(0).name()).matches("slipway\\.[0-9a-f]{12}\\.css");
        assertThat(list.get(1).name()).matches("touch\\.[0-9a-f]{12}\\.js");
        assertThat(list.get(2).name()).matches("copy\\.[0-9a-f]{12}\\.js");
        assertThat(list.get(3).name()).matches("device\\.[0-9a-f]{12}\\.js");
    }

    @Test
    void name_anyAsset_carriesTheSha256OfItsContent() throws Exception {
        for (Asset asset : assets.list()) {
            // given
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(asset.bytes()));

            // when
            String hashInName = asset.name().split("\\.")[1];

            // then
            assertThat(hashInName).isEqualTo(sha256.substring(0, 12));
        }
    }

    @Test
    void find_publishedName_theAsset() {
        // given
        Asset stylesheet = assets.list().get(0);

        // when / then
        assertThat(assets.find(stylesheet.name())).containsSame(stylesheet);
        assertThat(assets.path(Assets.STYLESHEET)).isEqualTo("/assets/" + stylesheet.name());
        assertThat(stylesheet.path()).isEqualTo("/assets/" + stylesheet.name());
    }

    @Test
    void find_plainOrOutdatedName_empty() {
        assertThat(assets.find("slipway.css")).isEmpty();
        assertThat(assets.find("slipway.000000000000.css")).isEmpty();
        assertThat(assets.find("../slipway.css")).isEmpty();
    }

    @Test
    void path_unknownPlainName_throws() {
        assertThatThrownBy(() -> assets.path("app.js")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no asset named app.js");
    }

    @Test
    void bytes_modifiedByCaller_assetUnchanged() {
        // given
        Asset asset = assets.list().get(0);
        byte[] copy = asset.bytes();

        // when
        copy[0] = 0;

        // then
        assertThat(asset.bytes()[0]).isNotZero();
    }

    @Test
    void stylesheet_fetchesNothingFromElsewhere() {
        // given: no third-party fonts, images or imports; the CSP would block them anyway
        String css = new String(assets.list().get(0).bytes(), StandardCharsets.UTF_8);

        // then
        assertThat(css).doesNotContain("@import").doesNotContain("url(").doesNotContain("@font-face")
                .doesNotContain("http:").doesNotContain("https:");
    }
}
