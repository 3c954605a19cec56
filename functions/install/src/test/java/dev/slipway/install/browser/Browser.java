package dev.slipway.install.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A running browser and the processes behind it (driver, X server). Closing it quits the session
 * and ends those processes, children first; a shutdown hook does the same if a test run dies
 * before {@link #close()}.
 */
public final class Browser implements AutoCloseable {
    private final String name;
    private final WebDriver driver;
    private final List<ProcessHandle> processes;
    private final Thread shutdownHook;

    Browser(String name, WebDriver driver, List<ProcessHandle> processes) {
        this.name = name;
        this.driver = driver;
        this.processes = List.copyOf(processes);
        this.shutdownHook = new Thread(this::endProcesses, "end " + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The browser's name, e.g. "webkit". */
    public String name() {
        return name;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves a screenshot of the viewport under {@code target/screenshots/} and returns its path. */
    public Path screenshot(String fileName) {
        settle();
        return save(fileName, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Saves a screenshot of one element under {@code target/screenshots/} and returns its path. */
    public Path screenshot(WebElement element, String fileName) {
        settle();
        return save(fileName, element.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Waits until images are decoded and two frames have been drawn: a load event or a scroll does
     * not mean the pixels are on screen yet (WebKit paints and decodes images asynchronously).
     */
    private void settle() {
        ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([...document.images].map(image => image.decode().catch(() => null)))
                    .then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(null))));""");
    }

    private static Path save(String fileName, byte[] png) {
        try {
            Path folder = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
            Files.createDirectories(folder);
            return Files.write(folder.resolve(fileName), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            // The session may already be gone; the processes are ended below either way.
        } finally {
            endProcesses();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running or has run.
            }
        }
    }

    /** Ends our processes, each one's children (browser, web and network processes) before it. */
    private void endProcesses() {
        List<ProcessHandle> handles = new ArrayList<>();
        for (ProcessHandle process : processes) {
            process.descendants().forEach(handles::add);
            handles.add(process);
        }
        handles.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : handles) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
