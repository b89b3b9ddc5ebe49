package dev.alexalink.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.rules.SignInChecks;
import dev.alexalink.testkit.client.AccountLinking;
import dev.alexalink.testkit.client.AlexaService;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.webview.Forms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in and consent pages as a person sees them in the Alexa app: real headless Chromium at phone size, every
 * locale, a full link to Amazon's redirect URL (served by a stand-in on loopback), accessibility checked by axe-core.
 * Screenshots go to integration-tests/target/screenshots.
 */
@EnabledIf(value = "dev.alexalink.it.Chromium#available", disabledReason = Chromium.INSTALL_HINT)
@ExtendWith(AlexaServer.class)
class AlexaThemeIT {

    static final List<String> LOCALES = SignInChecks.ALEXA_THEME_LOCALES;
    static final String REDIRECT_URI = AlexaRegion.EUROPE.redirectUri(AlexaServer.VENDOR_ID);

    private static AmazonStandIn amazon;
    private static Path screenshots;
    private static final List<String> accessibility = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void startAmazonStandIn(@TempDir Path work) throws Exception {
        amazon = new AmazonStandIn(work);
        screenshots = Files.createDirectories(Path.of(System.getProperty("screenshots.dir", "target/screenshots")));
    }

    @AfterAll
    static void stopAmazonStandIn() throws IOException {
        if (amazon != null) {
            amazon.close();
        }
        if (!accessibility.isEmpty()) {
            Files.write(
                    screenshots.resolve("accessibility.txt"),
                    accessibility.stream().sorted().toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "de", "fr", "it", "es", "pt-BR", "ja", "hi", "ar"})
    void linksThroughThePhonePagesInEveryLocale(String locale, @TempDir Path profile) throws Exception {
        Map<String, String> messages = messages(locale);
        String username = AlexaServer.createUser("ui-" + locale.toLowerCase());
        String state = "ui-" + locale + "-" + "x".repeat(400);
        ChromeDriver phone = Chromium.start(360, 740, locale, true, amazon.port(), profile);
        try {
            phone.get(authorizationUrl(state, locale));
            assertThat(phone.executeScript("return window.innerWidth")).isEqualTo(360L);
            assertPage(phone, locale, messages, "login");
            assertThat(phone.findElement(By.id("kc-page-title")).getText()).isEqualTo(messages.get("alexaSignInTitle"));

            signIn(phone, username, "wrong-password");
            assertPage(phone, locale, messages, "login-error");
            assertThat(phone.findElement(By.id("input-error-username")).getText())
                    .isEqualTo(messages.get("invalidUserMessage"));

            signIn(phone, username, AlexaServer.USER_PASSWORD);
            assertPage(phone, locale, messages, "consent");
            String page = phone.findElement(By.tagName("main")).getText();
            assertThat(page)
                    .contains(
                            messages.get("alexaConsentLead"),
                            messages.get("profileScopeConsentText"),
                            messages.get("offlineAccessScopeConsentText"),
                            messages.get("alexaAllow"),
                            messages.get("alexaDeny"));

            int before = amazon.count();
            clickAndWait(phone, phone.findElement(By.name("cancel")));
            Map<String, String> denied = Forms.query(amazon.awaitRedirect(before));
            assertThat(denied).containsEntry("error", "access_denied").containsEntry("state", state);
            screenshot(phone, "deny-" + locale);

            // Back from Alexa, the user tries again and allows: the link completes.
            phone.get(authorizationUrl(state, locale));
            if (!phone.findElements(By.id("kc-form-login")).isEmpty()) {
                signIn(phone, username, AlexaServer.USER_PASSWORD);
            }
            allowAndAssertLinked(phone, state);
        } finally {
            phone.quit();
        }
    }

    @Test
    void linksAtDesktopSize(@TempDir Path profile) throws Exception {
        Map<String, String> messages = messages("en");
        String username = AlexaServer.createUser("ui-desktop");
        ChromeDriver desktop = Chromium.start(1280, 800, "en-US,en", true, amazon.port(), profile);
        try {
            desktop.get(authorizationUrl("desktop", null));
            assertPage(desktop, "en", messages, "login-desktop");
            signIn(desktop, username, AlexaServer.USER_PASSWORD);
            assertPage(desktop, "en", messages, "consent-desktop");
            allowAndAssertLinked(desktop, "desktop");
        } finally {
            desktop.quit();
        }
    }

    /** The skill's own name, logo and links come from client attributes; the colour from the environment. */
    @Test
    void showsTheSkillsBrandingOnTheConsentPage(@TempDir Path profile) throws Exception {
        ChromeDriver phone = Chromium.start(360, 740, "en-US,en", true, amazon.port(), profile);
        try {
            phone.get(authorizationUrl("branding", null));
            String stylesheet = phone.findElement(By.cssSelector("link[href*='css/alexa.css']"))
                    .getAttribute("href");
            String logo = stylesheet.replace("css/alexa.css", "img/example-skill-logo.svg");
            ClientRepresentation client = AdminApiIT.alexaClient();
            client.setName("Smart Lights");
            client.getAttributes()
                    .putAll(Map.of(
                            "login_theme",
                            "alexa",
                            "logoUri",
                            logo,
                            "tosUri",
                            "https://example.com/terms",
                            "policyUri",
                            "https://example.com/privacy"));
            client = AdminApiIT.create(client);

            phone.get(authorizationUrl(client.getClientId(), "branding", null));
            signIn(phone, AlexaServer.createUser("ui-brand"), AlexaServer.USER_PASSWORD);

            assertThat(phone.findElement(By.id("kc-page-title")).getText()).isEqualTo("Link Smart Lights with Alexa");
            WebElement image = phone.findElement(By.cssSelector("img.alexa-logo"));
            assertThat(image.getAttribute("src")).isEqualTo(logo);
            assertThat(image.getAttribute("alt")).isEqualTo("Smart Lights");
            assertThat((Boolean)
                            phone.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image))
                    .isTrue();
            assertThat(phone.findElement(By.linkText("Terms of use")).getAttribute("href"))
                    .isEqualTo("https://example.com/terms");
            assertThat(phone.findElement(By.linkText("Privacy policy")).getAttribute("href"))
                    .isEqualTo("https://example.com/privacy");
            assertThat(phone.findElement(By.cssSelector(".alexa-organisation")).getText())
                    .isEqualTo("Provided by Alexa account linking");
            assertThat(phone.findElement(By.name("accept")).getCssValue("background-color"))
                    .isEqualTo("rgba(0, 95, 115, 1)");
            screenshot(phone, "consent-branded-en");
        } finally {
            phone.quit();
        }
    }

    @Test
    void linksWithJavaScriptDisabled(@TempDir Path profile) throws Exception {
        String username = AlexaServer.createUser("ui-nojs");
        ChromeDriver phone = Chromium.start(360, 740, "en-US,en", false, amazon.port(), profile);
        try {
            phone.get(authorizationUrl("no-js", null));
            signIn(phone, username, AlexaServer.USER_PASSWORD);
            allowAndAssertLinked(phone, "no-js");
        } finally {
            phone.quit();
        }
    }

    @Test
    void followsTheWebViewsAcceptLanguage(@TempDir Path profile) throws Exception {
        ChromeDriver phone = Chromium.start(360, 740, "de-DE,de", true, amazon.port(), profile);
        try {
            phone.get(authorizationUrl("accept-language", null));
            assertThat(phone.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("de");
            assertThat(phone.findElement(By.id("kc-page-title")).getText())
                    .isEqualTo(messages("de").get("alexaSignInTitle"));
        } finally {
            phone.quit();
        }
    }

    private void allowAndAssertLinked(ChromeDriver browser, String state) throws Exception {
        int before = amazon.count();
        clickAndWait(browser, browser.findElement(By.name("accept")));
        Map<String, String> linked = Forms.query(amazon.awaitRedirect(before));
        assertThat(linked).containsEntry("state", state).containsKey("code").doesNotContainKey("error");
        AlexaService alexa = new AlexaService(
                AlexaServer.realmUrl(),
                AlexaServer.CLIENT_ID,
                AlexaServer.CLIENT_SECRET,
                AlexaService.ClientAuthentication.HTTP_BASIC);
        AlexaService.TokenResponse tokens = alexa.exchangeCode(linked.get("code"), REDIRECT_URI);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.json().get("expires_in").asInt()).isGreaterThanOrEqualTo(360);
        assertThat(tokens.field("refresh_token")).isNotBlank();
    }

    /** What every page must be: in its locale and direction, no missing texts, no overflow at phone width, accessible. */
    private void assertPage(ChromeDriver browser, String locale, Map<String, String> messages, String name)
            throws IOException {
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(locale);
        String direction = "ar".equals(locale) ? "rtl" : "ltr";
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo(direction);
        assertThat(browser.executeScript("return getComputedStyle(document.body).direction"))
                .isEqualTo(direction);

        String text = browser.findElement(By.tagName("body")).getText();
        List<String> missing = new ArrayList<>();
        for (String key : messages.keySet()) {
            // Keycloak shows a missing message as its key; only camel-case keys cannot be ordinary words.
            if (key.matches("[a-z]+[A-Z]\\w*") && text.contains(key)) {
                missing.add(key);
            }
        }
        assertThat(missing)
                .as("message keys shown instead of texts on " + name + " (" + locale + ")")
                .isEmpty();
        assertThat(text).doesNotContain("???").doesNotContain("${");

        Object overflow = browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue())
                .as("horizontal overflow on " + name + " (" + locale + ")")
                .isLessThanOrEqualTo(0);

        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])");
        String origin = AlexaServer.server().baseUrl();
        assertThat(resources).as("requests that leave our server on " + name).allMatch(url -> url.startsWith(origin));

        assertThatNoAlertIsOpen(browser);
        Results axe = new AxeBuilder().analyze(browser);
        List<String> serious = axe.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(AlexaThemeIT::describe)
                .toList();
        assertThat(axe.getPasses()).as("axe-core ran its rules on " + name).isNotEmpty();
        accessibility.add(String.format(
                "%-22s axe-core %s: %d rules passed, %d violations %s (%d serious or critical), to review: %s",
                name + "-" + locale,
                axe.getTestEngine() == null ? "" : axe.getTestEngine().getVersion(),
                axe.getPasses().size(),
                axe.getViolations().size(),
                axe.getViolations().stream()
                        .map(r -> r.getImpact() + " " + r.getId())
                        .toList(),
                serious.size(),
                axe.getIncomplete().stream().map(Rule::getId).toList()));
        assertThat(serious)
                .as("serious or critical accessibility violations on " + name + " (" + locale + ")")
                .isEmpty();
        screenshot(browser, name + "-" + locale);
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " "
                + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .toList();
    }

    private static void assertThatNoAlertIsOpen(ChromeDriver browser) {
        try {
            browser.switchTo().alert();
            throw new AssertionError("a JavaScript alert is open");
        } catch (NoAlertPresentException expected) {
            // no pop-up: as it must be inside the Alexa app
        }
    }

    private static void signIn(ChromeDriver browser, String username, String password) {
        WebElement user = browser.findElement(By.id("username"));
        user.clear();
        user.sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        clickAndWait(browser, browser.findElement(By.id("kc-login")));
    }

    /** Clicks a submit button and waits until the next page has replaced the current one. */
    private static void clickAndWait(ChromeDriver browser, WebElement button) {
        WebElement page = browser.findElement(By.tagName("html"));
        button.click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        // The old document is gone once asking about its root fails. ChromeDriver reports that as a stale element,
        // or, while the next page is being committed, as "Node with given id does not belong to the document".
        wait.until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        wait.until(driver -> "complete".equals(((ChromeDriver) driver).executeScript("return document.readyState")));
    }

    /** The whole page, not only the viewport, so that the buttons below the fold are in the picture. */
    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip =
                Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
        Map<String, Object> shot = browser.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static String authorizationUrl(String state, String uiLocale) {
        return authorizationUrl(AlexaServer.CLIENT_ID, state, uiLocale);
    }

    private static String authorizationUrl(String clientId, String state, String uiLocale) {
        String url = AccountLinking.authorizationUrl(clientId, REDIRECT_URI, state, "profile");
        return uiLocale == null ? url : url + "&ui_locales=" + uiLocale;
    }

    /** The theme's messages of a locale, as the server formats them (doubled apostrophes become single). */
    static Map<String, String> messages(String locale) throws IOException {
        String file = "theme/alexa/login/messages/messages_" + locale.replace('-', '_') + ".properties";
        Properties properties = new Properties();
        try (InputStream in = AlexaThemeIT.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> messages = new LinkedHashMap<>();
        properties
                .stringPropertyNames()
                .forEach(key -> messages.put(key, properties.getProperty(key).replace("''", "'")));
        return messages;
    }
}
