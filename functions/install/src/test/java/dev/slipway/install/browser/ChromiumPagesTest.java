package dev.slipway.install.browser;

import static dev.slipway.install.page.BuildPages.INSTALL_LINK;
import static dev.slipway.install.page.BuildPages.IPHONE_INSTAGRAM;
import static dev.slipway.install.page.BuildPages.IPHONE_SAFARI_17;
import static dev.slipway.install.page.BuildPages.MAC_SAFARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.install.page.PageRenderer;
import dev.slipway.install.page.QrImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/** The pages in Chromium: a desktop by default, and phones and iPads by emulation. */
class ChromiumPagesTest extends ChromiumPagesBase {
    @Test
    void build_desktop_qrCodeReadsAsThePageUrl() throws IOException {
        // when
        driver.get(server.url(SamplePages.BUILD));

        // then
        browser.screenshot("chromium-desktop-build.png");
        WebElement qr = driver.findElement(By.cssSelector("svg.qr"));
        assertThat(qr.isDisplayed()).isTrue();
        Path qrShot = browser.screenshot(qr, "chromium-desktop-qr.png");
        String decoded = QrImages.decode(ImageIO.read(qrShot.toFile()));
        assertThat(decoded).isEqualTo(server.url(SamplePages.BUILD)).isEqualTo(driver.getCurrentUrl());
        assertThat(driver.findElement(By.id("qr-title")).getText()).isEqualTo("Open this page on your iPhone or iPad");
        assertThat(driver.findElements(By.cssSelector("a[href^='itms-services:']"))).isEmpty();
        server.assertNoCspViolations();
    }

    @Test
    void build_hostileName_inertAndShownAsText() {
        // when
        driver.get(server.url(SamplePages.HOSTILE_BUILD));

        // then
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        browser.screenshot("chromium-desktop-xss.png");
        assertThat(script("return document.title")).isEqualTo(SamplePages.HOSTILE_NAME + " 2.4.1 (512)");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(SamplePages.HOSTILE_NAME);
        // the one script is the page's own copy-link file: nothing from the notes or the name runs
        assertThat(script("return [...document.scripts].map(s => new URL(s.src).pathname)"))
                .isEqualTo(List.of(new PageRenderer().assets().path(dev.slipway.install.page.Assets.COPY_SCRIPT)));
        assertThat(driver.findElements(By.cssSelector(".release-notes img"))).isEmpty();
        server.assertNoCspViolations();
    }

    @Test
    void build_ipadInDesktopMode_touchCheckShowsInstallAndHidesQr() {
        // given: what iPadOS sends by default (a Mac's user agent) from a touch screen
        cdp("Emulation.setUserAgentOverride", Map.of("userAgent", MAC_SAFARI));
        cdp("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        cdp("Emulation.setDeviceMetricsOverride", Map.of("width", 820, "height", 1180, "deviceScaleFactor", 2, "mobile", false));

        // when
        driver.get(server.url(SamplePages.BUILD));

        // then
        browser.screenshot("chromium-ipad-desktop-mode.png");
        assertThat(script("return document.documentElement.className")).isEqualTo("touch");
        WebElement install = driver.findElement(By.cssSelector("a[href^='itms-services:']"));
        assertThat(install.isDisplayed()).isTrue();
        assertThat(install.getDomAttribute("href")).isEqualTo(INSTALL_LINK);
        assertThat(driver.findElement(By.cssSelector("svg.qr")).isDisplayed()).isFalse();
        server.assertNoCspViolations();
    }

    @Test
    void build_macWithoutTouch_touchCheckShowsQrAndHidesInstall() {
        // given
        cdp("Emulation.setUserAgentOverride", Map.of("userAgent", MAC_SAFARI));

        // when
        driver.get(server.url(SamplePages.BUILD));

        // then
        assertThat(script("return document.documentElement.className")).isEqualTo("no-touch");
        assertThat(driver.findElement(By.cssSelector("svg.qr")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("a[href^='itms-services:']")).isDisplayed()).isFalse();
        server.assertNoCspViolations();
    }

    @Test
    void everyPage_phoneScreenLightAndDark_fitsWithoutSideScrolling() {
        // given: an iPhone 14's screen; each page as the visitor it is meant for
        Map<String, String> pages = Map.of(
                SamplePages.BUILD, IPHONE_SAFARI_17,
                SamplePages.HOSTILE_BUILD, IPHONE_SAFARI_17,
                SamplePages.BLOCKED_BUILD, IPHONE_SAFARI_17,
                SamplePages.APP, IPHONE_SAFARI_17,
                SamplePages.FAILURE, IPHONE_SAFARI_17,
                SamplePages.NOT_FOUND, IPHONE_SAFARI_17);
        cdp("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));

        for (String scheme : List.of("light", "dark")) {
            cdp("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            for (Map.Entry<String, String> page : pages.entrySet()) {
                cdp("Emulation.setUserAgentOverride", Map.of("userAgent", page.getValue()));

                // when
                driver.get(server.url(page.getKey()));

                // then
                browser.screenshot("chromium-iphone-" + scheme + page.getKey().replace('/', '-') + ".png");
                assertThat((Long) script("return document.documentElement.scrollWidth")).as("%s %s", scheme, page.getKey())
                        .isLessThanOrEqualTo(390L);
            }
        }
        server.assertNoCspViolations();
    }

    @Test
    void build_instagramOnIphone_pageAddressToCopyNoInstall() {
        // given
        cdp("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        cdp("Emulation.setUserAgentOverride", Map.of("userAgent", IPHONE_INSTAGRAM));

        // when
        driver.get(server.url(SamplePages.BUILD));

        // then
        browser.screenshot("chromium-iphone-instagram.png");
        assertThat(driver.findElement(By.id("safari-title")).getText()).isEqualTo("Open this page in Safari");
        assertThat(driver.findElement(By.cssSelector(".url")).getText()).isEqualTo(server.url(SamplePages.BUILD));
        assertThat(driver.findElements(By.cssSelector("a[href^='itms-services:']"))).isEmpty();
        server.assertNoCspViolations();
    }

    @Test
    void cspControl_inlineStyle_blockedAndReported() throws InterruptedException {
        // when
        driver.get(server.url(SamplePages.CSP_CONTROL));

        // then: Chromium reports it, so an empty report list for the real pages means nothing was blocked
        assertThat(server.awaitViolation(SamplePages.CSP_CONTROL)).contains("style-src");
        assertThat(script("return getComputedStyle(document.querySelector('p')).color")).isNotEqualTo("rgb(255, 0, 0)");
    }
}
