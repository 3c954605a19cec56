package dev.slipway.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OtaManifestTest {

    @Test
    void toXml_titleAndUrlsWithMarkup_roundTripThroughAPlistParser() throws Exception {
        // given a title and a URL with every character XML cares about
        String title = "Tom & Jerry's <b>\"Chase\"</b></title> ]]> <string>";
        URI ipa = URI.create("https://d.example.com/b/abc/app.ipa?t=a%2Fb&x=1");
        ManifestData data = new ManifestData(ipa, URI.create("https://d.example.com/static/icons/abc-57.png"),
                URI.create("https://d.example.com/static/icons/abc-512.png"), "com.example.app", "1.2", title);

        // when
        String xml = OtaManifest.toXml(data);
        NSDictionary root = (NSDictionary) PropertyListParser.parse(xml.getBytes(StandardCharsets.UTF_8));

        // then markup in the inputs never becomes live XML: dd-plist puts such strings in CDATA
        // sections (which CFPropertyList, and so iOS, reads) and splits a "]]>" inside them
        assertThat(xml).contains("<![CDATA[Tom & Jerry's").doesNotContain("<string>Tom");
        // and the parsed values are exactly the inputs, under exactly the keys iOS reads
        NSDictionary item = (NSDictionary) ((NSArray) root.get("items")).objectAtIndex(0);
        assertThat(root.allKeys()).containsExactly("items");
        assertThat(item.allKeys()).containsExactlyInAnyOrder("assets", "metadata");
        NSArray assets = (NSArray) item.get("assets");
        assertThat(assets.count()).isEqualTo(3);
        assertThat(asset(assets, 0)).containsExactly("software-package", ipa.toString());
        assertThat(asset(assets, 1)).containsExactly("display-image", "https://d.example.com/static/icons/abc-57.png");
        assertThat(asset(assets, 2)).containsExactly("full-size-image", "https://d.example.com/static/icons/abc-512.png");
        NSDictionary metadata = (NSDictionary) item.get("metadata");
        assertThat(metadata.allKeys()).containsExactlyInAnyOrder("bundle-identifier", "bundle-version", "kind", "title");
        assertThat(metadata.get("bundle-identifier").toJavaObject()).isEqualTo("com.example.app");
        assertThat(metadata.get("bundle-version").toJavaObject()).isEqualTo("1.2");
        assertThat(metadata.get("kind").toJavaObject()).isEqualTo("software");
        assertThat(metadata.get("title").toJavaObject()).isEqualTo(title);
    }

    @Test
    void toXml_noIcon_listsOnlyTheSoftwarePackage() throws Exception {
        ManifestData data = new ManifestData(URI.create("https://x.example/a.ipa"), null, null, "a.b", "1", "A");

        NSDictionary root = (NSDictionary) PropertyListParser.parse(OtaManifest.toXml(data).getBytes(StandardCharsets.UTF_8));

        NSArray assets = (NSArray) ((NSDictionary) ((NSArray) root.get("items")).objectAtIndex(0)).get("assets");
        assertThat(assets.count()).isEqualTo(1);
    }

    @Test
    void new_plainHttpPackage_isRefused() {
        assertThatThrownBy(() -> new ManifestData(URI.create("http://x.example/a.ipa"), null, null, "a.b", "1", "A"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("software-package URL must be https: http://x.example/a.ipa");
    }

    private static String[] asset(NSArray assets, int index) {
        NSDictionary asset = (NSDictionary) assets.objectAtIndex(index);
        assertThat(asset.allKeys()).containsExactlyInAnyOrder("kind", "url");
        return new String[] {asset.get("kind").toJavaObject().toString(), asset.get("url").toJavaObject().toString()};
    }
}
