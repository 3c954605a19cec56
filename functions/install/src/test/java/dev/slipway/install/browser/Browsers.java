package dev.slipway.install.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * Starts real browsers from the Debian packages: Chromium ({@code chromium}, {@code chromium-driver})
 * and WebKit, Safari's engine ({@code webkit2gtk-driver}, {@code xvfb}). Every path is explicit, so
 * Selenium Manager never runs and nothing is downloaded. A browser whose packages are missing makes
 * the calling test skip, saying which packages to install.
 */
public final class Browsers {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path WEBKIT_DRIVER = Path.of("/usr/bin/WebKitWebDriver");
    private static final Path XVFB = Path.of("/usr/bin/Xvfb");
    private static final Duration STARTUP = Duration.ofSeconds(20);
    /**
     * Selenium's own logging, held so the level sticks: it warns that it has no DevTools module for
     * this Chromium, which the tests do not need (CDP commands go through chromedriver).
     */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(Level.SEVERE);
    }

    private Browsers() {
    }

    /** Why Chromium cannot run here, or null if it can. */
    public static String chromiumMissing() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) ? null
                : "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver";
    }

    /** Why WebKit cannot run here, or null if it can. */
    public static String webkitMissing() {
        return Files.isExecutable(WEBKIT_DRIVER) && Files.isExecutable(XVFB) && findMiniBrowser() != null ? null
                : "WebKit is not installed (" + WEBKIT_DRIVER + ", " + XVFB + ", webkit2gtk-4.1/MiniBrowser): "
                        + "apt-get install webkit2gtk-driver xvfb";
    }

    /** Skips the calling test, saying what to install, if Chromium is missing. */
    public static void assumeChromium() {
        String missing = chromiumMissing();
        assumeTrue(missing == null, missing);
    }

    /** Skips the calling test, saying what to install, if WebKit is missing. */
    public static void assumeWebkit() {
        String missing = webkitMissing();
        assumeTrue(missing == null, missing);
    }

    /**
     * Headless Chromium with a desktop window of the given size.
     *
     * @throws org.opentest4j.TestAbortedException (skips the test) if Chromium or chromedriver is not installed
     */
    public static Browser chromium(int width, int height) {
        return chromium(width, height, false);
    }

    /**
     * The same, optionally accepting a certificate no authority vouches for (the local stack's own).
     *
     * @throws org.opentest4j.TestAbortedException (skips the test) if Chromium or chromedriver is not installed
     */
    public static Browser chromium(int width, int height, boolean acceptInsecureCertificates) {
        assumeChromium();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()) // an explicit driver: Selenium Manager is skipped
                .usingAnyFreePort()
                .withLogFile(logFile("chromedriver"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--window-size=" + width + "," + height);
        options.setAcceptInsecureCerts(acceptInsecureCertificates);
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
        ChromeDriver driver = new ChromeDriver(service, options);
        // Selenium started chromedriver (and Chromium under it): hand them to the Browser to clean up.
        List<ProcessHandle> started = ProcessHandle.current().children().filter(child -> !before.contains(child)).toList();
        return new Browser("chromium", driver, started);
    }

    /**
     * WebKit's MiniBrowser under a private Xvfb display, driven through WebKitWebDriver, with the given
     * user agent and a viewport of exactly {@code width × height} CSS pixels at {@code scale} device
     * pixels each (an iPhone 14 is 390 × 844 at 3).
     *
     * @throws org.opentest4j.TestAbortedException (skips the test) if WebKitWebDriver, MiniBrowser or Xvfb is not installed
     */
    public static Browser webkit(String userAgent, int width, int height, int scale) {
        return webkit(userAgent, width, height, scale, false);
    }

    /**
     * The same, optionally accepting a certificate no authority vouches for (the local stack's own).
     *
     * @throws org.opentest4j.TestAbortedException (skips the test) if WebKitWebDriver, MiniBrowser or Xvfb is not installed
     */
    public static Browser webkit(String userAgent, int width, int height, int scale, boolean acceptInsecureCertificates) {
        return webkit(userAgent, width, height, scale, acceptInsecureCertificates, false);
    }

    /**
     * The same in dark mode or not: WebKitGTK answers {@code prefers-color-scheme} from the GTK theme.
     *
     * @throws org.opentest4j.TestAbortedException (skips the test) if WebKitWebDriver, MiniBrowser or Xvfb is not installed
     */
    public static Browser webkit(String userAgent, int width, int height, int scale, boolean acceptInsecureCertificates,
                                 boolean dark) {
        assumeWebkit();
        Path miniBrowser = findMiniBrowser();
        List<Process> processes = new ArrayList<>();
        try {
            Process xvfb = start(new ProcessBuilder(XVFB.toString(), "-displayfd", "1", "-screen", "0",
                    (width * scale + 200) + "x" + (height * scale + 200) + "x24", "-nolisten", "tcp")
                    .redirectError(logFile("xvfb")), processes);
            String display = ":" + readLine(xvfb, "Xvfb did not report its display");
            int port = freePort();
            ProcessBuilder driverProcess = new ProcessBuilder(WEBKIT_DRIVER.toString(), "--port=" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile("webkitwebdriver"));
            Map<String, String> environment = driverProcess.environment();
            environment.put("DISPLAY", display);
            environment.put("GDK_SCALE", Integer.toString(scale));
            environment.put("NO_AT_BRIDGE", "1"); // no accessibility bus on a headless machine: skip its warnings
            if (dark) {
                environment.put("GTK_THEME", "Adwaita:dark");
            }
            start(driverProcess, processes);
            waitUntilReady(port);

            MutableCapabilities capabilities = new MutableCapabilities();
            capabilities.setCapability("browserName", "MiniBrowser");
            capabilities.setCapability("acceptInsecureCerts", acceptInsecureCertificates);
            // --full-screen drops MiniBrowser's toolbar, whose minimum width (447 px) would not let the
            // window shrink to a phone's 390; the window is then sized to the viewport exactly.
            capabilities.setCapability("webkitgtk:browserOptions", Map.of(
                    "binary", miniBrowser.toString(),
                    "args", List.of("--automation", "--full-screen", "--user-agent=" + userAgent)));
            RemoteWebDriver driver = new RemoteWebDriver(new URL("http://127.0.0.1:" + port), capabilities);
            Browser browser = new Browser("webkit", driver, processes.stream().map(Process::toHandle).toList());
            try {
                driver.manage().window().setSize(new Dimension(width, height));
            } catch (RuntimeException e) {
                browser.close();
                throw e;
            }
            return browser;
        } catch (IOException | RuntimeException e) {
            processes.forEach(process -> {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            });
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** MiniBrowser ships in libwebkit2gtk-4.1-0, under the multiarch library folder. */
    private static Path findMiniBrowser() {
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(Path.of("/usr/lib"), "*-linux-gnu*")) {
            for (Path folder : candidates) {
                Path candidate = folder.resolve("webkit2gtk-4.1/MiniBrowser");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Process start(ProcessBuilder builder, List<Process> processes) throws IOException {
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static String readLine(Process process, String failure) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        try {
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(STARTUP.toSeconds(), TimeUnit.SECONDS);
            if (line == null || line.isBlank()) {
                throw new IllegalStateException(failure);
            }
            return line.strip();
        } catch (Exception e) {
            throw new IllegalStateException(failure, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls the driver's /status until it answers ready. */
    private static void waitUntilReady(int port) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status")).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(status, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"ready\":true")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for WebKitWebDriver", e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for WebKitWebDriver", e);
            }
        }
        throw new IllegalStateException("WebKitWebDriver did not become ready on port " + port + " within " + STARTUP);
    }

    private static File logFile(String name) {
        Path folder = Path.of(System.getProperty("basedir", "."), "target", "browser-logs");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder.resolve(name + ".log").toFile();
    }
}
