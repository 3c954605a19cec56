package dev.slipway.install.browser;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One browser per test class, with the sample pages served; where the engine is not installed, each
 * test skips, saying so (a class-level skip would go unreported).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SamplePagesBase {
    protected PageServer server;
    protected Browser browser;

    /** Why the engine cannot run here, or null when it can. */
    abstract String engineMissing();

    /** Starts the engine as the class's tests want it. */
    abstract Browser startBrowser();

    /** Skips the current test, with the reason, where the engine is not installed. */
    abstract void assumeEngine();

    @BeforeAll
    void start() throws IOException {
        if (engineMissing() != null) {
            return;
        }
        browser = startBrowser();
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

    @BeforeEach
    void requireEngine() {
        assumeEngine();
    }
}
