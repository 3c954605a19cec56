package dev.slipway.install.browser;

import static dev.slipway.install.page.BuildPages.INSTALL_LINK;
import static dev.slipway.install.page.BuildPages.IPHONE_SAFARI_17;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The pages in WebKit, Safari's engine, as an iPhone 14 shows them: 390 × 844 points at 3×. */
class WebKitPagesTest extends SamplePagesBase {
    private WebDriver driver;

    @Override
    String engineMissing() {
        return Browsers.webkitMissing();
    }

    @Override
    Browser startBrowser() {
        Browser webkit = Browsers.webkit(IPHONE_SAFARI_17, 390, 844, 3);
        driver = webkit.driver();
        return webkit;
    }

    @Override
    void assumeEngine() {
        Browsers.assumeWebkit();
    }

    @Test
    void build_iphoneSafari_oneInstallLinkWhoseHrefIsTheRawLink() {
        // when
        driver.get(server.url(SamplePages.BUILD));

        // then
        browser.screenshot("webkit-iphone-build.png");
        assertThat(script("return [window.innerWidth, window.innerHeight]")).isEqualTo(List.of(390L, 844L));
        List<WebElement> installLinks = driver.findElements(By.cssSelector("a[href^='itms-services:']"));
        assertThat(installLinks).hasSize(1);
        WebElement install = installLinks.get(0);
        assertThat(install.getDomAttribute("href")).isEqualTo(INSTALL_LINK);
        assertThat(install.getText()).isEqualTo("Install");
        assertThat(install.isDisplayed()).isTrue();
        assertThat(install.getRect().getHeight()).isGreaterThanOrEqualTo(44); // Apple's minimum tap target
        assertThat(install.getRect().getY() + install.getRect().getHeight()).isLessThan(844); // visible without scrolling
        assertFitsTheWidth();
        assertThat(driver.findElements(By.tagName("svg"))).isEmpty();
        server.assertNoCspViolations();
    }

    @Test
    void build_iphoneSafariScrolled_notesAndDetailsReadable() {
        // given
        driver.get(server.url(SamplePages.BUILD));

        // when
        script("document.getElementById('notes-title').scrollIntoView()");

        // then
        browser.screenshot("webkit-iphone-build-details.png");
        assertThat(driver.findElement(By.cssSelector(".release-notes a")).getDomAttribute("rel"))
                .isEqualTo("noopener noreferrer nofollow");
        // the notes' Markdown: a heading line, a bulleted list, a paragraph with a link
        assertThat(driver.findElements(By.cssSelector(".release-notes ul li"))).extracting(WebElement::getText)
                .containsExactly("Sync is up to 3× faster on large libraries", "Fixed a crash when opening Settings with no "
                        + "network", "Dark mode for the share sheet");
        assertThat(driver.findElements(By.cssSelector(".release-notes > p"))).extracting(WebElement::getText)
                .containsExactly("What’s new in 2.4.1", "Known issue: widgets may show stale data after an update. "
                        + "Details: https://example.com/harbour/issues/42");
    }

    @Test
    void build_hostileName_inertAndShownAsText() {
        // when
        driver.get(server.url(SamplePages.HOSTILE_BUILD));

        // then
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        browser.screenshot("webkit-iphone-xss.png");
        assertThat(driver.getTitle()).isEqualTo(SamplePages.HOSTILE_NAME + " 2.4.1 (512)");
        assertThat(script("return document.title")).isEqualTo(SamplePages.HOSTILE_NAME + " 2.4.1 (512)");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(SamplePages.HOSTILE_NAME);
        assertThat(script("return document.scripts.length")).isEqualTo(0L);
        assertThat(driver.findElements(By.cssSelector(".release-notes img"))).isEmpty();
        assertFitsTheWidth();
        server.assertNoCspViolations();
    }

    @Test
    void build_expiredProfile_noInstallLinkAndTheReason() {
        // when
        driver.get(server.url(SamplePages.BLOCKED_BUILD));

        // then
        browser.screenshot("webkit-iphone-blocked.png");
        assertThat(driver.findElements(By.cssSelector("a[href^='itms-services:']"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector(".cant-install li strong")).getText())
                .isEqualTo("Provisioning profile expired.");
        assertFitsTheWidth();
    }

    @Test
    void cspControl_inlineStyle_blockedAndReported() throws InterruptedException {
        // given: a page with an inline style, which the CSP forbids

        // when
        driver.get(server.url(SamplePages.CSP_CONTROL));

        // then: WebKit reports it, so an empty report list for the real pages means nothing was blocked
        assertThat(server.awaitViolation(SamplePages.CSP_CONTROL)).contains("style-src");
        assertThat(script("return getComputedStyle(document.querySelector('p')).color")).isNotEqualTo("rgb(255, 0, 0)");
    }

    private Object script(String code) {
        return ((JavascriptExecutor) driver).executeScript(code);
    }

    private void assertFitsTheWidth() {
        assertThat((Long) script("return document.documentElement.scrollWidth"))
                .as("page width on a 390-point screen").isLessThanOrEqualTo(390L);
    }
}
