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
import org.keycloak.representations.idm.RealmRepresentation;
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
            String skill = messages.get("alexaGenericSkillName");
            assertIdentity(phone, skill, messages.get("alexaGenericOrganisation"), messages);
            assertThat(phone.getTitle()).isEqualTo(messages.get("alexaSignInTitle") + " – " + skill);
            assertNoEnglishDefaults(phone, locale);
            assertTouchFriendlyForm(phone);
            assertLanguageListAboveTheHeading(phone);

            signIn(phone, username, "wrong-password");
            assertPage(phone, locale, messages, "login-error");
            assertNoEnglishDefaults(phone, locale);
            assertTouchFriendlyForm(phone);
            assertThat(phone.findElement(By.id("input-error-username")).getText())
                    .isEqualTo(messages.get("invalidUserMessage"));

            signIn(phone, username, AlexaServer.USER_PASSWORD);
            assertPage(phone, locale, messages, "consent");
            assertThat(phone.getTitle())
                    .isEqualTo(messages.get("alexaConsentPageTitle").replace("{0}", skill));
            assertThat(phone.findElement(By.id("kc-page-title")).getText())
                    .isEqualTo(messages.get("alexaConsentTitle").replace("{0}", skill));
            assertIdentity(phone, skill, messages.get("alexaGenericOrganisation"), messages);
            assertNoEnglishDefaults(phone, locale);
            assertLanguageListAboveTheHeading(phone);
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
            assertLanguageListAboveTheHeading(desktop);
            assertTouchFriendlyForm(desktop);
            signIn(desktop, username, AlexaServer.USER_PASSWORD);
            assertPage(desktop, "en", messages, "consent-desktop");
            assertThat(desktop.getTitle()).isEqualTo("Allow access – Alexa skill");
            assertLanguageListAboveTheHeading(desktop);
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
            assertThat(phone.getTitle()).isEqualTo("Allow access – Smart Lights");
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

    /**
     * Names per language. One skill has a plain name ("Fancy Shop", as ALEXA_SKILL_NAME sets it) and client attributes
     * alexa.skill.name.de and .ja; another the Name "${key}", resolved from the realm's localization texts (Realm
     * overrides) in en and ar. The organisation is the realm's display name "${key}", with texts in en, de, ja and ar.
     */
    @Test
    void showsTheNamesOfEachLanguage(@TempDir Path profile) throws Exception {
        String suffix = Long.toHexString(System.nanoTime());
        String skillKey = "itSkillName" + suffix;
        String organisationKey = "itOrganisation" + suffix;
        ClientRepresentation plain = AdminApiIT.alexaClient();
        plain.setName("Fancy Shop");
        plain.getAttributes()
                .putAll(Map.of(
                        "login_theme", "alexa",
                        "alexa.skill.name.de", "Schicker Laden",
                        "alexa.skill.name.ja", "ファンシーショップ"));
        plain = AdminApiIT.create(plain);
        ClientRepresentation keyed = AdminApiIT.alexaClient();
        keyed.setName("${" + skillKey + "}");
        keyed.getAttributes().put("login_theme", "alexa");
        keyed = AdminApiIT.create(keyed);

        var localization = AlexaServer.realm().localization();
        Map<String, Map<String, String>> texts = Map.of(
                "en", Map.of(skillKey, "Smart Lights", organisationKey, "Fancy Shop Inc."),
                "ar", Map.of(skillKey, "أضواء ذكية", organisationKey, "شركة فانسي شوب"),
                "de", Map.of(organisationKey, "Fancy Shop GmbH"),
                "ja", Map.of(organisationKey, "ファンシーショップ株式会社"));
        texts.forEach((locale, byKey) ->
                byKey.forEach((key, text) -> localization.saveRealmLocalizationText(locale, key, text)));
        String displayName = AlexaServer.realm().toRepresentation().getDisplayName();
        RealmRepresentation realm = new RealmRepresentation();
        realm.setDisplayName("${" + organisationKey + "}");
        AlexaServer.realm().update(realm);
        ChromeDriver phone = Chromium.start(360, 740, "en-US,en", true, amazon.port(), profile);
        try {
            Map<String, String[]> expected = new LinkedHashMap<>();
            // locale -> plain skill, keyed skill, organisation
            expected.put("de", new String[] {"Schicker Laden", "Smart Lights", "Fancy Shop GmbH"});
            expected.put("ja", new String[] {"ファンシーショップ", "Smart Lights", "ファンシーショップ株式会社"});
            expected.put("ar", new String[] {"Fancy Shop", "أضواء ذكية", "شركة فانسي شوب"});
            expected.put("fr", new String[] {"Fancy Shop", "Smart Lights", "Fancy Shop Inc."});
            for (Map.Entry<String, String[]> e : expected.entrySet()) {
                String locale = e.getKey();
                Map<String, String> messages = messages(locale);
                String[] names = e.getValue();
                phone.get(authorizationUrl(plain.getClientId(), "names-" + locale, locale));
                assertThat(phone.findElement(By.tagName("html")).getAttribute("lang"))
                        .isEqualTo(locale);
                assertIdentity(phone, names[0], names[2], messages);
                assertThat(phone.getTitle()).isEqualTo(messages.get("alexaSignInTitle") + " – " + names[0]);
                assertThat(phone.findElement(By.id("kc-header")).getText()).isEqualToIgnoringCase(names[2]);
                screenshot(phone, "names-login-" + locale);

                phone.get(authorizationUrl(keyed.getClientId(), "names-" + locale, locale));
                assertIdentity(phone, names[1], names[2], messages);
                assertThat(phone.findElement(By.className("alexa-lead")).getText())
                        .isEqualTo(messages.get("alexaSignInLead").replace("{0}", names[1]));
            }

            // The consent page names them too, right to left.
            phone.get(authorizationUrl(keyed.getClientId(), "names-consent", "ar"));
            signIn(phone, AlexaServer.createUser("ui-names"), AlexaServer.USER_PASSWORD);
            Map<String, String> arabic = messages("ar");
            assertPage(phone, "ar", arabic, "names-consent");
            assertIdentity(phone, "أضواء ذكية", "شركة فانسي شوب", arabic);
            assertThat(phone.getTitle())
                    .isEqualTo(arabic.get("alexaConsentPageTitle").replace("{0}", "أضواء ذكية"));
            assertThat(phone.findElement(By.id("kc-page-title")).getText())
                    .isEqualTo(arabic.get("alexaConsentTitle").replace("{0}", "أضواء ذكية"));
        } finally {
            phone.quit();
            realm.setDisplayName(displayName == null ? "" : displayName);
            AlexaServer.realm().update(realm);
            texts.forEach((locale, byKey) ->
                    byKey.keySet().forEach(key -> localization.deleteRealmLocalizationText(locale, key)));
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

    /** The skill's name and "Provided by" the organisation, above the form. */
    private static void assertIdentity(
            ChromeDriver browser, String skill, String organisation, Map<String, String> messages) {
        assertThat(browser.findElement(By.className("alexa-skill-name")).getText())
                .isEqualTo(skill);
        assertThat(browser.findElement(By.className("alexa-organisation")).getText())
                .isEqualTo(messages.get("alexaProvidedBy").replace("{0}", organisation));
    }

    /** English defaults of the theme and the realm file that once showed in every language. */
    static final List<String> ENGLISH_DEFAULTS =
            List.of("alexa account linking", "alexa skill", "provided by", "sign in to");

    private static void assertNoEnglishDefaults(ChromeDriver browser, String locale) {
        if (locale.equals("en")) {
            return;
        }
        // getText() applies text-transform: the header's name is in capitals.
        String shown = (browser.findElement(By.tagName("body")).getText() + "\n" + browser.getTitle())
                .toLowerCase(java.util.Locale.ROOT);
        assertThat(ENGLISH_DEFAULTS)
                .as("English default texts on a page in " + locale + ": " + shown)
                .noneMatch(shown::contains);
    }

    private static Map<String, Number> box(ChromeDriver browser, WebElement element) {
        @SuppressWarnings("unchecked")
        Map<String, Number> rect = (Map<String, Number>) browser.executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                        + " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height};",
                element);
        return rect;
    }

    /** Text fields as tall as the buttons beside them: 48 px touch targets. */
    private static void assertTouchFriendlyForm(ChromeDriver browser) {
        double button = box(browser, browser.findElement(By.id("kc-login")))
                .get("height")
                .doubleValue();
        assertThat(button).as("sign-in button height").isEqualTo(48.0);
        for (String id : List.of("username", "password", "password-show-password")) {
            assertThat(box(browser, browser.findElement(By.id(id)))
                            .get("height")
                            .doubleValue())
                    .as("height of #" + id)
                    .isEqualTo(button);
        }
    }

    /**
     * The language list is in the card's top corner, above the heading, so nothing stands between the heading and the
     * skill's name: in the page's order and on the screen.
     */
    private static void assertLanguageListAboveTheHeading(ChromeDriver browser) {
        WebElement languages = browser.findElement(By.id("login-select-toggle"));
        WebElement heading = browser.findElement(By.id("kc-page-title"));
        WebElement identity = browser.findElement(By.className("alexa-identity"));
        Map<String, Number> list = box(browser, languages);
        Map<String, Number> title = box(browser, heading);
        Map<String, Number> skill = box(browser, identity);
        assertThat(list.get("bottom").doubleValue())
                .as("language list above the heading")
                .isLessThanOrEqualTo(title.get("top").doubleValue());
        assertThat(title.get("bottom").doubleValue())
                .as("heading above the skill's name")
                .isLessThanOrEqualTo(skill.get("top").doubleValue());
        boolean rtl = "rtl".equals(browser.executeScript("return getComputedStyle(document.body).direction"));
        double width = ((Number) browser.executeScript("return document.documentElement.clientWidth")).doubleValue();
        if (rtl) {
            assertThat(list.get("left").doubleValue())
                    .as("language list at the left corner")
                    .isLessThan(width / 2);
        } else {
            assertThat(list.get("right").doubleValue())
                    .as("language list at the right corner")
                    .isGreaterThan(width / 2);
        }
        assertThat(list.get("height").doubleValue()).as("language list height").isGreaterThanOrEqualTo(48.0);
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
