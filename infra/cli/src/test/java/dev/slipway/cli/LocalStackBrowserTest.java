package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.fixtures.TestIpa;
import dev.slipway.install.browser.Browser;
import dev.slipway.install.browser.Browsers;
import dev.slipway.install.page.QrImages;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Real browsers against the real install handler: the local stack serves a published build over
 * HTTPS; WebKit (Safari's engine) opens it as an iPhone would, Chromium as a desktop.
 */
class LocalStackBrowserTest {

    @TempDir
    static Path temp;

    @RegisterExtension
    static final LocalStackExtension LOCAL = new LocalStackExtension();

    private static Path ipa;
    private static String pageUrl;

    @BeforeAll
    static void publish() throws Exception {
        ipa = temp.resolve("Browser Test.ipa");
        TestIpa.app().bundleId("dev.slipway.test.installable").name("Installable").version("2.0").build("7")
                .iconSize(0).write(ipa);
        pageUrl = LOCAL.publish(ipa, "--channel", "qa").succeeded().page();
    }

    @Test
    void buildPage_webkitOnIphone_hasTheInstallLinkDownToTheIpa() throws Exception {
        try (Browser browser = Browsers.webkit(StackHttp.IPHONE_SAFARI, 390, 844, 3, true)) {
            // when Safari's engine opens the link
            browser.driver().get(pageUrl);
            browser.screenshot("local-webkit-iphone.png");

            // then there is one Install link, and its href (the DOM's own value) leads to the bytes
            List<WebElement> installs = browser.driver().findElements(By.cssSelector("a[href^='itms-services:']"));
            assertThat(installs).hasSize(1);
            String href = installs.get(0).getDomAttribute("href");
            assertThat(href).startsWith("itms-services://?action=download-manifest&url=https%3A%2F%2F127.0.0.1%3A");
            URI manifest = StackHttp.manifestUrl(href);
            assertThat(LOCAL.http().download(manifest)).isEqualTo(Files.readAllBytes(ipa));
        }
    }

    @Test
    void buildPage_chromiumOnDesktop_qrCodeReadsAsThePageUrl() throws Exception {
        try (Browser browser = Browsers.chromium(1280, 900, true)) {
            browser.driver().get(pageUrl);
            browser.screenshot("local-chromium-desktop.png");

            WebElement qr = browser.driver().findElement(By.cssSelector("svg.qr"));
            Path shot = browser.screenshot(qr, "local-chromium-desktop-qr.png");
            assertThat(QrImages.decode(ImageIO.read(shot.toFile()))).isEqualTo(pageUrl);
            assertThat(browser.driver().findElements(By.cssSelector("a[href^='itms-services:']"))).isEmpty();
        }
    }
}
