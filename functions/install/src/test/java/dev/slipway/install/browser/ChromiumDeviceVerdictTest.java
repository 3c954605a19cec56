package dev.slipway.install.browser;

import static dev.slipway.install.page.BuildPages.IPHONE_SAFARI_17;

import dev.slipway.install.page.PageRenderer;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;

/** "Check this device" on build pages in Chromium, emulating an iPhone's screen, touch and user agent. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChromiumDeviceVerdictTest {
    private PageServer server;
    private Browser browser;

    @BeforeAll
    void start() throws IOException {
        if (Browsers.chromiumMissing() != null) {
            return;
        }
        browser = Browsers.chromium(390, 844);
        ChromeDriver driver = (ChromeDriver) browser.driver();
        driver.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", IPHONE_SAFARI_17));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        PageRenderer renderer = new PageRenderer();
        server = PageServer.start(renderer.assets());
        DevicePages.register(server, renderer);
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

    @BeforeEach
    void requireChromium() {
        Browsers.assumeChromium();
    }

    @Test
    void buildPage_registeredDevice_saysSoAndShowsInstall() {
        DevicePages.assertRegistered(browser.driver(), server);
    }

    @Test
    void buildPage_unregisteredDevice_withholdsInstallAndOffersTheUdid() {
        DevicePages.assertNotRegistered(browser.driver(), server);
        browser.screenshot("chromium-device-not-registered.png");
    }

    @Test
    void buildPage_enterpriseBuild_needsNoCheck() {
        DevicePages.assertAnyDevice(browser.driver(), server);
    }

    @Test
    void buildPage_unknownDevice_offersCheckThisDevice() {
        DevicePages.assertOffer(browser.driver(), server);
    }
}
