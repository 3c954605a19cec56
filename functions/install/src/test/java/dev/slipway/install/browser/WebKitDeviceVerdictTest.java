package dev.slipway.install.browser;

import static dev.slipway.install.page.BuildPages.IPHONE_SAFARI_17;

import dev.slipway.install.page.PageRenderer;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** "Check this device" on build pages in WebKit, as an iPhone shows them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebKitDeviceVerdictTest {
    private PageServer server;
    private Browser browser;

    @BeforeAll
    void start() throws IOException {
        if (Browsers.webkitMissing() != null) {
            return;
        }
        browser = Browsers.webkit(IPHONE_SAFARI_17, 390, 844, 3);
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
    void requireWebkit() {
        Browsers.assumeWebkit();
    }

    @Test
    void buildPage_registeredDevice_saysSoAndShowsInstall() {
        DevicePages.assertRegistered(browser.driver(), server);
        browser.screenshot("webkit-device-registered.png");
    }

    @Test
    void buildPage_unregisteredDevice_withholdsInstallAndOffersTheUdid() {
        DevicePages.assertNotRegistered(browser.driver(), server);
        browser.screenshot("webkit-device-not-registered.png");
    }

    @Test
    void buildPage_enterpriseBuild_needsNoCheck() {
        DevicePages.assertAnyDevice(browser.driver(), server);
    }

    @Test
    void buildPage_unknownDevice_offersCheckThisDevice() {
        DevicePages.assertOffer(browser.driver(), server);
        browser.screenshot("webkit-device-offer.png");
    }
}
