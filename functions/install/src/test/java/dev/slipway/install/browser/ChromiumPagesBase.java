package dev.slipway.install.browser;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One Chromium per test class, a desktop by default, with the sample pages served; every test
 * starts from a plain desktop again, whatever device the one before emulated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChromiumPagesBase {
    protected PageServer server;
    protected Browser browser;
    protected ChromeDriver driver;
    protected String desktopUserAgent;

    /** Starts Chromium if it is installed; without it, each test skips, saying so (see {@link #requireChromium()}). */
    @BeforeAll
    void start() throws IOException {
        if (Browsers.chromiumMissing() != null) {
            return;
        }
        browser = Browsers.chromium(1280, 900);
        driver = (ChromeDriver) browser.driver();
        desktopUserAgent = (String) script("return navigator.userAgent");
        server = PageServer.start(SamplePages::register);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Skips each test, with the reason, where Chromium is not installed (a class-level skip would go unreported). */
    @BeforeEach
    void requireChromium() {
        Browsers.assumeChromium();
    }

    /** Back to a plain desktop (light, script on) after a test that emulated a device. */
    @AfterEach
    void resetEmulation() {
        if (browser == null) {
            return;
        }
        cdp("Emulation.clearDeviceMetricsOverride", Map.of());
        cdp("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
        cdp("Emulation.setUserAgentOverride", Map.of("userAgent", desktopUserAgent));
        cdp("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        cdp("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    }

    protected Object script(String code) {
        return ((JavascriptExecutor) driver).executeScript(code);
    }

    protected void cdp(String command, Map<String, Object> parameters) {
        driver.executeCdpCommand(command, parameters);
    }
}
