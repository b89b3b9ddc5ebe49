package dev.alexalink.it;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Debian's Chromium and ChromeDriver (packages chromium and chromium-driver), headless. Nothing is downloaded: the
 * binaries come from CHROME_BIN / CHROMEDRIVER or /usr/bin.
 */
final class Chromium {

    static final String INSTALL_HINT =
            "Browser tests need Chromium and ChromeDriver: run .ci/install-browser, or on Debian"
                    + " 'sudo apt-get install chromium chromium-driver fonts-noto-core fonts-ipafont-gothic'"
                    + " (elsewhere, set CHROME_BIN and CHROMEDRIVER). .ci/run installs them.";

    private Chromium() {}

    static Optional<Path> browser() {
        return executable("CHROME_BIN", "/usr/bin/chromium");
    }

    static Optional<Path> driver() {
        return executable("CHROMEDRIVER", "/usr/bin/chromedriver");
    }

    static boolean available() {
        return browser().isPresent() && driver().isPresent();
    }

    /** A desktop browser in English, for the admin console. */
    static ChromeDriver desktop(int width, int height, Path profile) {
        return start(width, height, "en-US,en", true, 0, profile);
    }

    /**
     * A browser with the given viewport and Accept-Language, JavaScript on or off, whose requests to Amazon's
     * redirect hosts go to the stand-in on loopback (when its port is given).
     */
    static ChromeDriver start(
            int width, int height, String acceptLanguage, boolean javaScript, int amazonStandInPort, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser().orElseThrow().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height,
                "--lang=" + acceptLanguage.split(",")[0],
                "--ignore-certificate-errors");
        if (amazonStandInPort > 0) {
            String mapping = "127.0.0.1:" + amazonStandInPort;
            options.addArguments("--host-resolver-rules=MAP pitangui.amazon.com " + mapping + ", MAP layla.amazon.com "
                    + mapping + ", MAP alexa.amazon.co.jp " + mapping);
        }
        Map<String, Object> preferences = new HashMap<>();
        preferences.put("intl.accept_languages", acceptLanguage);
        if (!javaScript) {
            preferences.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", preferences);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver().orElseThrow().toString()))
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().window().setSize(new Dimension(width, height));
        return chrome;
    }

    private static Optional<Path> executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        Path path = Path.of(configured != null ? configured : fallback);
        return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
}
