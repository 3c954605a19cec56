package dev.slipway.install.browser;

import static dev.slipway.install.page.BuildPages.IPHONE_SAFARI_17;

import java.io.IOException;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * "Check this device" on build pages, as an iPhone shows them, in WebKit (Safari's engine) and in
 * Chromium emulating an iPhone's screen, touch and user agent: each verdict in each browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceVerdictBrowserTest {
    private PageServer server;
    private Browser webkit;
    private Browser chromium;

    @BeforeAll
    void start() throws IOException {
        server = PageServer.start(DevicePages::register);
        if (Browsers.webkitMissing() == null) {
            webkit = Browsers.webkit(IPHONE_SAFARI_17, 390, 844, 3);
        }
        if (Browsers.chromiumMissing() == null) {
            chromium = Browsers.chromium(390, 844);
            ChromeDriver driver = (ChromeDriver) chromium.driver();
            driver.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", IPHONE_SAFARI_17));
            driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        }
    }

    @AfterAll
    void stop() {
        for (Browser browser : new Browser[] {webkit, chromium}) {
            if (browser != null) {
                browser.close();
            }
        }
        server.close();
    }

    /** Each engine, each verdict page: the page's name (its screenshot's) and what it must show. */
    static Stream<Arguments> verdictPages() {
        return Stream.of("webkit", "chromium").flatMap(engine -> Stream.of(
                // a registered device: the page says so and shows Install
                Arguments.of(engine, "registered", checks(DevicePages::assertRegistered)),
                // an unregistered device: Install is withheld and the UDID offered
                Arguments.of(engine, "not-registered", checks(DevicePages::assertNotRegistered)),
                // an enterprise build needs no check
                Arguments.of(engine, "any-device", checks(DevicePages::assertAnyDevice)),
                // an unknown device is offered "Check this device"
                Arguments.of(engine, "offer", checks(DevicePages::assertOffer))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("verdictPages")
    void buildPage_deviceVerdict_showsWhatItMeans(String engine, String name, BiConsumer<WebDriver, PageServer> checks) {
        check(engine, name, checks);
    }

    private static BiConsumer<WebDriver, PageServer> checks(BiConsumer<WebDriver, PageServer> checks) {
        return checks;
    }

    /** Runs the page's checks in one engine (skipping, with the reason, where it is not installed), then a screenshot. */
    private void check(String engine, String name, BiConsumer<WebDriver, PageServer> checks) {
        Browser browser;
        if (engine.equals("webkit")) {
            Browsers.assumeWebkit();
            browser = webkit;
        } else {
            Browsers.assumeChromium();
            browser = chromium;
        }
        checks.accept(browser.driver(), server);
        browser.screenshot(engine + "-device-" + name + ".png");
    }
}
