package dev.alexalink.it;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The waits, clicks and screenshots the browser tests share. Screenshots go to {@code screenshots.dir}. */
final class BrowserSteps {

    /** The whole document's height, for pages that scroll the window. */
    static final String DOCUMENT_HEIGHT = "return document.documentElement.scrollHeight";

    private BrowserSteps() {}

    /**
     * Waits up to 30 s. A page that re-renders replaces elements while a condition reads them; such a read is tried
     * again rather than failing the test.
     */
    static WebDriverWait await(ChromeDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    static void click(ChromeDriver browser, By target) {
        await(browser).until(ExpectedConditions.elementToBeClickable(target)).click();
    }

    static void screenshot(ChromeDriver browser, String name) throws IOException {
        Files.write(directory().resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** A screenshot of the window made as tall as the height the script returns (a number of CSS pixels). */
    static void fullHeightScreenshot(ChromeDriver browser, String name, String heightScript) throws IOException {
        Dimension size = browser.manage().window().getSize();
        Object height = browser.executeScript(heightScript);
        browser.manage().window().setSize(new Dimension(size.getWidth(), ((Number) height).intValue() + 40));
        try {
            screenshot(browser, name);
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    private static Path directory() {
        try {
            return Files.createDirectories(Path.of(System.getProperty("screenshots.dir", "target/screenshots")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
