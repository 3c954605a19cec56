package dev.slipway.install.browser;

import static dev.slipway.install.page.BuildPages.IPHONE_CHROME;
import static dev.slipway.install.page.BuildPages.IPHONE_SAFARI_17;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.install.page.QrImages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * What a tester meets (issue 13) in Chromium: the "Can't be installed" card, the newer build, moving
 * an iPad build's link, Open in Safari and Copy link, the app page's badges, at 320 px and on a
 * desktop, light and dark.
 */
class ChromiumTesterPagesTest extends ChromiumPagesBase {
    private static final int NARROW = 320;
    private static final int DESKTOP = 1280;

    private void phone(int width, String userAgent) {
        cdp("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 640, "deviceScaleFactor", 2, "mobile", true));
        cdp("Emulation.setUserAgentOverride", Map.of("userAgent", userAgent));
    }

    private void scheme(String scheme) {
        cdp("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    @Test
    void everyNewPage_320pxAndDesktopLightAndDark_fitsAndReads() {
        // given each page as its visitor sees it
        Map<String, String> pages = Map.of(
                SamplePages.SUPERSEDED_BUILD, IPHONE_SAFARI_17,
                SamplePages.IPAD_BUILD, IPHONE_SAFARI_17,
                SamplePages.BUILD, IPHONE_CHROME,
                SamplePages.APP, IPHONE_SAFARI_17,
                SamplePages.ONE_CHANNEL_APP, IPHONE_SAFARI_17,
                SamplePages.NOT_FOUND, IPHONE_SAFARI_17);
        for (String scheme : List.of("light", "dark")) {
            scheme(scheme);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                for (int width : List.of(NARROW, DESKTOP)) {
                    if (width == NARROW) {
                        phone(NARROW, page.getValue());
                    } else {
                        cdp("Emulation.clearDeviceMetricsOverride", Map.of());
                        cdp("Emulation.setUserAgentOverride", Map.of("userAgent", desktopUserAgent));
                    }

                    // when
                    driver.get(server.url(page.getKey()));

                    // then
                    browser.screenshot("chromium-" + width + "-" + scheme + page.getKey().replace('/', '-') + ".png");
                    assertThat((Long) script("return document.documentElement.scrollWidth")).as("%s %s %d", scheme,
                            page.getKey(), width).isLessThanOrEqualTo((long) width);
                    assertThat(script("return matchMedia('(prefers-color-scheme: dark)').matches"))
                            .isEqualTo(scheme.equals("dark"));
                }
            }
        }
        server.assertNoCspViolations();
    }

    @Test
    void build_expiredWithNewerBuild_oneCardOfReasonsAndALinkToTheNewerBuild() {
        phone(NARROW, IPHONE_SAFARI_17);

        driver.get(server.url(SamplePages.SUPERSEDED_BUILD));

        assertThat(driver.findElements(By.cssSelector(".cant-install"))).hasSize(1);
        assertThat(driver.findElement(By.id("cant-title")).getText()).isEqualTo("Can’t be installed on this iPhone");
        assertThat(driver.findElements(By.cssSelector(".cant-install li"))).extracting(WebElement::getText)
                .containsExactly("Provisioning profile expired. The provisioning profile expired on 3 Mar 2025. iOS "
                        + "refuses to install it. Ask the developer to sign it again and upload a new build.");
        assertThat(driver.findElements(By.cssSelector(".notice-blocker"))).isEmpty();
        assertThat(driver.findElement(By.id("newer-title")).getText()).isEqualTo("A newer build is available");
        WebElement newer = driver.findElement(By.cssSelector(".newer a.button"));
        assertThat(newer.isDisplayed()).isTrue();
        assertThat(newer.getDomAttribute("href")).isEqualTo(server.url(SamplePages.BUILD));
        newer.click();
        assertThat(driver.getCurrentUrl()).isEqualTo(server.url(SamplePages.BUILD));
        server.assertNoCspViolations();
    }

    @Test
    void build_ipadOnlyOnIphone_deviceReasonQrOfThePageAndCopyLink() throws IOException {
        phone(NARROW, IPHONE_SAFARI_17);
        grantClipboard();

        driver.get(server.url(SamplePages.IPAD_BUILD));

        assertThat(driver.findElement(By.cssSelector(".cant-install li")).getText()).startsWith("Made for iPad. This build "
                + "doesn’t run on an iPhone.");
        assertThat(driver.findElement(By.id("qr-title")).getText()).isEqualTo("Open this page on your iPad");
        Path qr = browser.screenshot(driver.findElement(By.cssSelector("svg.qr")), "chromium-320-ipad-only-qr.png");
        assertThat(QrImages.decode(ImageIO.read(qr.toFile()))).isEqualTo(server.url(SamplePages.IPAD_BUILD));
        assertThat(driver.findElements(By.cssSelector("a[href^='itms-services:']"))).isEmpty();
        assertCopyPutsOnTheClipboard(server.url(SamplePages.IPAD_BUILD));
        server.assertNoCspViolations();
    }

    @Test
    void build_chromeOnIos17_openInSafariButtonAndCopyLink() {
        phone(NARROW, IPHONE_CHROME);
        grantClipboard();

        driver.get(server.url(SamplePages.BUILD));

        browser.screenshot("chromium-320-chrome-ios.png");
        WebElement safari = driver.findElement(By.cssSelector("a.open-in-safari"));
        assertThat(safari.isDisplayed()).isTrue();
        assertThat(safari.getText()).isEqualTo("Open in Safari");
        assertThat(safari.getDomAttribute("href")).isEqualTo("x-safari-" + server.url(SamplePages.BUILD));
        // the copy-by-hand box stays, for browsers that ignore the scheme
        assertThat(driver.findElement(By.cssSelector(".url")).getText()).isEqualTo(server.url(SamplePages.BUILD));
        assertCopyPutsOnTheClipboard(server.url(SamplePages.BUILD));
        server.assertNoCspViolations();
    }

    @Test
    void build_withoutScript_copyButtonStaysHiddenAndTheAddressIsThere() {
        // given: progressive enhancement, so the page works with script off
        phone(NARROW, IPHONE_CHROME);
        cdp("Emulation.setScriptExecutionDisabled", Map.of("value", true));

        driver.get(server.url(SamplePages.BUILD));

        // (no screenshot: taking one waits for frames through script)
        assertThat(driver.findElement(By.cssSelector("button[data-copy]")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector(".url")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("a.open-in-safari")).isDisplayed()).isTrue();
    }

    @Test
    void app_iphoneSafari_badgesGreyedRowsAndAnInstallButtonPerInstallableBuild() {
        phone(NARROW, IPHONE_SAFARI_17);

        driver.get(server.url(SamplePages.APP));

        List<WebElement> rows = driver.findElements(By.cssSelector("#history-title ~ ul li.build"));
        assertThat(rows).hasSize(4);
        assertThat(rows).extracting(row -> row.findElement(By.cssSelector(".badge")).getText())
                .containsExactly("Installable", "Installable", "App Store–signed", "Expired");
        assertThat(rows).extracting(row -> row.findElements(By.cssSelector("a[href^='itms-services:']")).size())
                .containsExactly(1, 1, 0, 0);
        assertThat(rows.get(3).findElement(By.cssSelector(".row-note")).getText()).isEqualTo("beta 2.0 MB · 1 Nov 2026, 10:00 UTC");
        String installable = rows.get(0).findElement(By.cssSelector(".row-title")).getCssValue("color");
        String greyed = rows.get(3).findElement(By.cssSelector(".row-title")).getCssValue("color");
        assertThat(greyed).isNotEqualTo(installable);
        for (WebElement install : driver.findElements(By.cssSelector("a[href^='itms-services:']"))) {
            assertThat(install.isDisplayed()).isTrue();
            assertThat(install.getRect().getHeight()).isGreaterThanOrEqualTo(36);
        }
        assertThat(driver.findElement(By.id("latest-title")).getDomProperty("textContent")).isEqualTo("Latest on each channel");
        server.assertNoCspViolations();
    }

    @Test
    void app_oneChannel_listedOnceWithoutLatest() {
        phone(NARROW, IPHONE_SAFARI_17);

        driver.get(server.url(SamplePages.ONE_CHANNEL_APP));

        assertThat(driver.findElements(By.id("latest-title"))).isEmpty();
        assertThat(driver.findElement(By.id("history-title")).getDomProperty("textContent")).isEqualTo("Builds");
        assertThat(driver.findElements(By.cssSelector("li.build"))).hasSize(2);
        assertThat(driver.findElement(By.cssSelector("li.build.unavailable .badge")).getText()).isEqualTo("Not for this device");
    }

    @Test
    void app_desktop_noInstallButtons() {
        driver.get(server.url(SamplePages.APP));

        assertThat(driver.findElements(By.cssSelector("a[href^='itms-services:']"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".badge"))).isNotEmpty();
    }

    @Test
    void notFound_noJargonNoFooter() {
        driver.get(server.url(SamplePages.NOT_FOUND));

        String text = driver.findElement(By.tagName("body")).getText();
        assertThat(text).isEqualTo("This link doesn’t work\nIt may be mistyped, or it was revoked. Ask whoever sent it for a new link.");
        assertThat(driver.findElements(By.tagName("footer"))).isEmpty();
    }

    private void assertCopyPutsOnTheClipboard(String expected) {
        WebElement copy = driver.findElement(By.cssSelector("button[data-copy]"));
        assertThat(copy.isDisplayed()).isTrue();
        copy.click();
        // the clipboard answers asynchronously
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!copy.getText().equals("Copied") && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(copy.getText()).isEqualTo("Copied");
        Object clipboard = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('error: ' + e));");
        assertThat(clipboard).isEqualTo(expected);
    }

    private void grantClipboard() {
        cdp("Browser.grantPermissions", Map.of("origin", server.url("/").replaceAll("/$", ""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }
}
