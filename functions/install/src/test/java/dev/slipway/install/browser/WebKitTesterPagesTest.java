package dev.slipway.install.browser;

import static dev.slipway.install.page.BuildPages.IPHONE_CHROME;
import static dev.slipway.install.page.BuildPages.IPHONE_SAFARI_17;
import static dev.slipway.install.page.BuildPages.MAC_SAFARI;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * What a tester meets (issue 13) in WebKit, Safari's engine: the new and changed pages at 320 px (an
 * iPhone SE) and on a desktop, light and dark. Each case starts its own WebKit, since the user
 * agent, the size and the colour scheme are fixed when it starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebKitTesterPagesTest {
    private PageServer server;

    @BeforeAll
    void start() throws IOException {
        if (Browsers.webkitMissing() != null) {
            return;
        }
        server = PageServer.start(SamplePages::register);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void requireWebkit() {
        Browsers.assumeWebkit();
    }

    @ParameterizedTest(name = "{0} px, dark {1}")
    @CsvSource({"320, false", "320, true", "1280, false", "1280, true"})
    void testersPages_narrowAndDesktopLightAndDark_fitAndShowWhatTheySay(int width, boolean dark) {
        String phone = width < 700 ? IPHONE_SAFARI_17 : MAC_SAFARI;
        try (Browser browser = Browsers.webkit(phone, width, 800, 1, false, dark)) {
            WebDriver driver = browser.driver();
            String tag = "webkit-" + width + (dark ? "-dark" : "-light");

            // the colour scheme is the one asked for
            driver.get(server.url(SamplePages.SUPERSEDED_BUILD));
            assertThat(script(driver, "return matchMedia('(prefers-color-scheme: dark)').matches")).isEqualTo(dark);

            // a build that cannot install: one card of reasons, and the newer build
            browser.screenshot(tag + "-superseded.png");
            assertFits(driver, width, "superseded");
            assertThat(driver.findElements(By.cssSelector(".cant-install li"))).hasSize(1);
            assertThat(driver.findElement(By.cssSelector(".newer a.button")).isDisplayed()).isTrue();
            assertThat(driver.findElements(By.cssSelector(".notice-blocker"))).isEmpty();

            // an iPad build: on a phone, its QR code and Copy link; on a Mac or iPad, it installs
            driver.get(server.url(SamplePages.IPAD_BUILD));
            browser.screenshot(tag + "-ipad-only.png");
            assertFits(driver, width, "ipad-only");
            if (width < 700) {
                assertThat(driver.findElement(By.cssSelector("svg.qr")).isDisplayed()).isTrue();
                assertThat(driver.findElement(By.cssSelector(".cant-install li")).getText()).startsWith("Made for iPad.");
                WebElement copy = driver.findElement(By.cssSelector("button[data-copy]"));
                assertThat(copy.getDomAttribute("data-copy")).isEqualTo(server.url(SamplePages.IPAD_BUILD));
            } else {
                assertThat(driver.findElements(By.cssSelector(".cant-install"))).isEmpty();
            }

            // the app page: badges, greyed rows, Install per installable build on the phone
            driver.get(server.url(SamplePages.APP));
            browser.screenshot(tag + "-app.png");
            assertFits(driver, width, "app");
            assertThat(driver.findElements(By.cssSelector("#history-title ~ ul .badge"))).extracting(WebElement::getText)
                    .containsExactly("Installable", "Installable", "App Store–signed", "Expired");
            List<WebElement> installs = driver.findElements(By.cssSelector("a[href^='itms-services:']"));
            assertThat(installs).hasSize(width < 700 ? 3 : 0);
            installs.forEach(install -> assertThat(install.isDisplayed()).isTrue());

            // one channel: one list
            driver.get(server.url(SamplePages.ONE_CHANNEL_APP));
            browser.screenshot(tag + "-one-channel.png");
            assertFits(driver, width, "one channel");
            assertThat(driver.findElements(By.id("latest-title"))).isEmpty();

            // the error page: no jargon, no footer
            driver.get(server.url(SamplePages.NOT_FOUND));
            browser.screenshot(tag + "-not-found.png");
            assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("404").doesNotContain("ERROR");
            assertThat(driver.findElements(By.tagName("footer"))).isEmpty();
            server.assertNoCspViolations();
        }
    }

    @ParameterizedTest(name = "dark {0}")
    @CsvSource({"false", "true"})
    void chromeOnIphone_320_openInSafariAndCopyLink(boolean dark) {
        try (Browser browser = Browsers.webkit(IPHONE_CHROME, 320, 700, 1, false, dark)) {
            WebDriver driver = browser.driver();

            driver.get(server.url(SamplePages.BUILD));

            browser.screenshot("webkit-320-" + (dark ? "dark" : "light") + "-chrome-ios.png");
            assertFits(driver, 320, "chrome ios");
            WebElement safari = driver.findElement(By.cssSelector("a.open-in-safari"));
            assertThat(safari.isDisplayed()).isTrue();
            assertThat(safari.getDomAttribute("href")).isEqualTo("x-safari-" + server.url(SamplePages.BUILD));
            assertThat(driver.findElement(By.cssSelector(".url")).getText()).isEqualTo(server.url(SamplePages.BUILD));
            assertThat(driver.findElements(By.cssSelector("a[href^='itms-services:']"))).isEmpty();
            server.assertNoCspViolations();
        }
    }

    private static Object script(WebDriver driver, String code) {
        return ((JavascriptExecutor) driver).executeScript(code);
    }

    /**
     * No side scrolling. MiniBrowser's window does not shrink below 334 px (GTK's minimum), so "320"
     * here is the narrowest WebKit window there is; Chromium checks 320 exactly.
     */
    private static void assertFits(WebDriver driver, int width, String page) {
        long viewport = (Long) script(driver, "return window.innerWidth");
        assertThat(viewport).as("viewport for %d px", width).isBetween((long) width, (long) Math.max(width, 334));
        assertThat((Long) script(driver, "return document.documentElement.scrollWidth")).as("%s at %d px", page, width)
                .isLessThanOrEqualTo(viewport);
    }
}
