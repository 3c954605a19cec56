package dev.slipway.install.browser;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One Chromium per test class, a desktop by default, with the sample pages served; every test
 * starts from a plain desktop again, whatever device the one before emulated.
 */
abstract class ChromiumPagesBase extends SamplePagesBase {
    protected ChromeDriver driver;
    protected String desktopUserAgent;

    @Override
    String engineMissing() {
        return Browsers.chromiumMissing();
    }

    @Override
    Browser startBrowser() {
        Browser chromium = Browsers.chromium(1280, 900);
        driver = (ChromeDriver) chromium.driver();
        desktopUserAgent = (String) script("return navigator.userAgent");
        return chromium;
    }

    @Override
    void assumeEngine() {
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
