package dev.slipway.install.browser;

import static dev.slipway.install.page.BuildPages.aBuild;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.install.page.DeviceCheck;
import dev.slipway.install.page.DeviceCheck.Status;
import dev.slipway.install.page.PageRenderer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The build page with each answer "Check this device" can give, registered on a {@link
 * PageServer}, and the checks both browsers run on them.
 */
final class DevicePages {
    static final String REGISTERED = "/b/device-registered";
    static final String NOT_REGISTERED = "/b/device-not-registered";
    static final String ANY_DEVICE = "/b/device-any";
    static final String OFFER = "/b/device-offer";
    static final String UDID = "00008130-001A2B3C4D5E6F70";

    private DevicePages() {
    }

    static void register(PageServer server, PageRenderer renderer) {
        page(server, renderer, REGISTERED, DeviceCheck.verdict(Status.REGISTERED, UDID, "iPhone 15 Pro", "Harbour", "2.4.1 (512)"));
        page(server, renderer, NOT_REGISTERED,
                DeviceCheck.verdict(Status.NOT_REGISTERED, UDID, "iPhone 15 Pro", "Harbour", "2.4.1 (512)"));
        page(server, renderer, ANY_DEVICE, DeviceCheck.verdict(Status.ANY_DEVICE, UDID, "iPhone 15 Pro", "Harbour", "2.4.1 (512)"));
        page(server, renderer, OFFER, DeviceCheck.offer(server.url("/enrol" + OFFER + "?t=abc"), false));
    }

    private static void page(PageServer server, PageRenderer renderer, String path, DeviceCheck check) {
        server.page(path, userAgent -> renderer.build(aBuild().pageUrl(server.url(path)).seenFrom(userAgent).create(), check));
    }

    /** Registered: the verdict says so, and Install is there as usual. */
    static void assertRegistered(WebDriver driver, PageServer server) {
        driver.get(server.url(REGISTERED));
        WebElement verdict = driver.findElement(By.cssSelector("[data-verdict='registered']"));
        assertThat(verdict.isDisplayed()).isTrue();
        assertThat(verdict.getText()).contains("Registered: this iPhone 15 Pro can install this build");
        assertThat(driver.findElements(By.cssSelector("a[href^='itms-services:']"))).singleElement()
                .satisfies(install -> assertThat(install.isDisplayed()).isTrue());
        assertThat(driver.getPageSource()).doesNotContain(UDID);
        server.assertNoCspViolations();
    }

    /** Not registered: Install withheld, the UDID shown with Copy and Share, the device script loaded under the CSP. */
    static void assertNotRegistered(WebDriver driver, PageServer server) {
        driver.get(server.url(NOT_REGISTERED));
        WebElement verdict = driver.findElement(By.cssSelector("[data-verdict='not-registered']"));
        assertThat(verdict.isDisplayed()).isTrue();
        assertThat(verdict.findElement(By.tagName("h2")).getText())
                .isEqualTo("Not registered: this iPhone 15 Pro cannot install this build");
        assertThat(driver.findElements(By.cssSelector("a[href^='itms-services:']"))).isEmpty();
        assertThat(driver.findElement(By.id("device-udid")).getText()).isEqualTo(UDID);
        assertThat(driver.findElement(By.cssSelector("[data-copy='device-udid']")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("[data-share='device-message']")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("device-message")).getDomProperty("value"))
                .isEqualTo("Hello, please register my device for Harbour 2.4.1 (512) and send me a new build.\n\n"
                        + "UDID: " + UDID + "\nModel: iPhone 15 Pro\n");
        assertThat(((JavascriptExecutor) driver).executeScript("return performance.getEntriesByType('resource')"
                + ".some(function (e) { return e.name.indexOf('/assets/device.') >= 0; })")).isEqualTo(true);
        server.assertNoCspViolations();
    }

    /** Enterprise: no check needed, Install as usual. */
    static void assertAnyDevice(WebDriver driver, PageServer server) {
        driver.get(server.url(ANY_DEVICE));
        WebElement verdict = driver.findElement(By.cssSelector("[data-verdict='any-device']"));
        assertThat(verdict.isDisplayed()).isTrue();
        assertThat(verdict.getText()).contains("Any device can install this build");
        assertThat(driver.findElements(By.cssSelector("a[href^='itms-services:']"))).hasSize(1);
        server.assertNoCspViolations();
    }

    /** Unknown device: "Check this device" links to the enrol function's profile for this page. */
    static void assertOffer(WebDriver driver, PageServer server) {
        driver.get(server.url(OFFER));
        WebElement check = driver.findElement(By.linkText("Check this device"));
        assertThat(check.isDisplayed()).isTrue();
        assertThat(check.getDomAttribute("href")).isEqualTo(server.url("/enrol" + OFFER + "?t=abc"));
        assertThat(check.getRect().getHeight()).isGreaterThanOrEqualTo(44);
        server.assertNoCspViolations();
    }
}
