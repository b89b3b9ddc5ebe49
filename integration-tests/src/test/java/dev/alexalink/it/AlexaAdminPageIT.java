package dev.alexalink.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.rules.SignInChecks;
import dev.alexalink.testkit.client.AccountLinking;
import dev.alexalink.testkit.client.AlexaAdminApi;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.Http;
import dev.alexalink.testkit.server.KeycloakServer;
import dev.alexalink.testkit.server.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.alexalink.it.BrowserSteps.await;
import static dev.alexalink.it.BrowserSteps.click;
import static dev.alexalink.it.BrowserSteps.screenshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Alexa admin page ({@code /realms/{adminRealm}/alexa-admin/}) as admins use it, in real headless Chromium,
 * signed in through Keycloak's own login page, on a server without any experimental feature in use by the page: a
 * skill enabled in a fresh realm shows its outcome, console values and diagnostics at once and links in Arabic; skills
 * made by the API appear; Keycloak's permissions and the page's cross-site rules hold; the diagnostics are computed
 * when the page opens. Screenshots go to integration-tests/target/screenshots.
 */
@EnabledIf(value = "dev.alexalink.it.Chromium#available", disabledReason = Chromium.INSTALL_HINT)
@ExtendWith(AlexaServer.class)
class AlexaAdminPageIT {

    static final String VENDOR = "M2AAAAAAAAAAAA";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The "done when" of issue 19: a fresh realm, one Save, the truth on the page at once, a link in Arabic. */
    @Test
    void enablesASkillWithTheSignInLanguagesAndShowsTheOutcomeAtOnce(@TempDir Path profile) throws Exception {
        String realm = freshRealm();
        assertThat(AlexaServer.admin().realm(realm).toRepresentation().isInternationalizationEnabled())
                .isNotEqualTo(Boolean.TRUE);
        String skill = "kitchen-skill";
        ChromeDriver browser = Chromium.desktop(1280, 900, profile);
        try {
            signIn(browser, "master", KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
            browser.get(page("master") + "#/" + realm);
            awaitText(browser, By.id("skills"), "This realm has no Alexa skill yet.");
            click(browser, By.id("add-skill"));
            type(browser, By.id("clientId"), skill);
            type(browser, By.id("name"), "Kitchen");
            type(browser, By.id("vendorIds"), VENDOR);
            type(browser, By.id("scopes"), "profile");
            assertThat(browser.findElement(By.id("enableLanguages-hint")).getText())
                    .contains("whole realm '" + realm + "'")
                    .contains("turns on Internationalization")
                    .contains(String.join(", ", SignInChecks.ALEXA_THEME_LOCALES));
            for (AlexaRegion region : AlexaRegion.values()) {
                assertThat(browser.findElement(By.id("region-" + region.id())).isSelected())
                        .isTrue();
            }
            assertThat(browser.findElement(By.cssSelector("label[for='region-far-east']"))
                            .getText())
                    .isEqualTo("Far East (alexa.amazon.co.jp)");
            click(browser, By.id("enableLanguages"));
            assertThat(browser.getPageSource()).doesNotContain("Create item").doesNotContain("far-east)");
            fullHeightScreenshot(browser, "alexa-skills-page-before-save");

            click(browser, By.id("save"));
            awaitText(browser, By.id("outcome-title"), "Skill created.");
            String changes = browser.findElement(By.id("changes")).getText();
            assertThat(changes)
                    .contains("client '" + skill + "' created with a new secret")
                    .contains("internationalizationEnabled");
            // The option is done: the realm's languages are on, so it is shown as such and cannot be ticked again.
            assertThat(browser.findElement(By.id("enableLanguages")).isEnabled())
                    .isFalse();
            assertThat(browser.findElement(By.id("enableLanguages-hint")).getText())
                    .startsWith("Already on in realm '" + realm + "'");
            screenshot(browser, "alexa-skills-page-after-save");

            // The console values and the diagnostics of the PUT's answer, without reopening anything.
            String realmUrl = AlexaServer.server().realmUrl(realm);
            assertThat(text(browser, "console-authorization-uri"))
                    .isEqualTo(realmUrl + "/protocol/openid-connect/auth");
            assertThat(text(browser, "console-access-token-uri"))
                    .isEqualTo(realmUrl + "/protocol/openid-connect/token");
            assertThat(text(browser, "console-client-id")).isEqualTo(skill);
            assertThat(text(browser, "console-authentication-scheme")).isEqualTo("HTTP Basic");
            assertThat(text(browser, "console-scopes").lines()).containsExactly("openid", "profile");
            assertThat(text(browser, "console-token-expiration")).isEqualTo("3600");
            assertThat(text(browser, "console-redirect-urls").lines())
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(AlexaRegion.values())
                            .map(r -> r.redirectUri(VENDOR))
                            .toList());
            // Read-only text, not form fields.
            assertThat(browser.findElements(By.cssSelector("#results input, #results textarea")))
                    .isEmpty();
            JsonNode answer = AlexaAdminApi.asAdmin(realm).skill(skill).json();
            String secret = answer.get("alexaConsole").get("clientSecret").asText();
            assertThat(browser.getPageSource()).doesNotContain(secret);
            click(browser, By.id("show-secret"));
            awaitText(browser, By.id("console-secret"), secret);

            List<String> statuses = statuses(browser);
            assertThat(statuses).contains("FAIL", "PASS");
            assertThat(statuses).isSortedAccordingTo((a, b) -> order(a) - order(b));
            WebElement offlineIdle = check(browser, "offline-session-idle");
            assertThat(offlineIdle.getAttribute("data-status")).isEqualTo("FAIL");
            assertThat(offlineIdle.getText())
                    .contains("'Offline Session Idle' is 30 days")
                    .contains("Fix: Realm settings > Sessions > Offline Session Idle");
            assertThat(check(browser, "languages").getAttribute("data-status")).isEqualTo("PASS");
            assertThat(browser.findElement(By.id("passed")).getDomProperty("open"))
                    .isEqualTo("false");
            long failures = statuses.stream().filter("FAIL"::equals).count();
            assertThat(browser.findElement(By.id("diagnostics-summary")).getText())
                    .startsWith(failures + " failed, ");
            fullHeightScreenshot(browser, "alexa-skills-page-after-save-full");

            RealmRepresentation saved = AlexaServer.admin().realm(realm).toRepresentation();
            assertThat(saved.isInternationalizationEnabled()).isTrue();
            assertThat(saved.getSupportedLocales()).containsAll(SignInChecks.ALEXA_THEME_LOCALES);

            // Phone width: the same skill, reopened.
            browser.manage().window().setSize(new Dimension(390, 844));
            openSkill(browser, "master", realm, skill);
            assertThat(browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .isEqualTo(true);
            screenshot(browser, "alexa-skills-page-phone");
            browser.manage().window().setSize(new Dimension(1280, 900));

            // The sign-in page Alexa opens, asked for Arabic: the realm's languages are on.
            browser.get(AccountLinking.authorizationUrl(
                            realmUrl,
                            skill,
                            AlexaRegion.NORTH_AMERICA.redirectUri(VENDOR),
                            "ar-state",
                            "openid profile offline_access")
                    + "&ui_locales=ar");
            await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
            WebElement html = browser.findElement(By.tagName("html"));
            assertThat(html.getAttribute("lang")).isEqualTo("ar");
            assertThat(html.getAttribute("dir")).isEqualTo("rtl");
        } catch (RuntimeException | AssertionError e) {
            fullHeightScreenshot(browser, "alexa-admin-page-failure");
            throw e;
        } finally {
            browser.quit();
        }
    }

    /**
     * A skill enabled with the admin API, one with a bad setting refused whole, and the diagnostics read when the page
     * opens: a realm setting fixed behind the page's back is seen without saving.
     */
    @Test
    void listsApiSkillsRefusesBadInputWholeAndDiagnosesOnEveryOpen(@TempDir Path profile) throws Exception {
        String realm = freshRealm();
        String skill = "api-skill";
        AlexaAdminApi api = AlexaAdminApi.asAdmin(realm);
        assertThat(api.enableSkill(skill, Map.of("name", "Made by the API", "vendorIds", List.of(VENDOR)))
                        .status())
                .isEqualTo(201);
        ChromeDriver browser = Chromium.desktop(1280, 900, profile);
        try {
            signIn(browser, "master", KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
            browser.get(page("master") + "#/" + realm);
            WebElement link = await(browser).until(ExpectedConditions.elementToBeClickable(By.linkText(skill)));
            JsonNode report = api.diagnostics().json();
            long failures = 0;
            for (JsonNode check : report.get("clients").get(0).get("checks")) {
                failures += "FAIL".equals(check.get("status").asText()) ? 1 : 0;
            }
            long realmFailures = 0;
            for (JsonNode check : report.get("realmChecks")) {
                realmFailures += "FAIL".equals(check.get("status").asText()) ? 1 : 0;
            }
            assertThat(realmFailures).as("a fresh realm's offline session idle").isPositive();
            assertThat(browser.findElement(By.id("skills")).getText())
                    .contains("Made by the API")
                    .contains(failures > 0 ? failures + " failed check" : "no failed checks");
            assertThat(browser.findElement(By.id("realm-summary")).getText()).contains(realmFailures + " failed");
            link.click();
            awaitText(browser, By.id("console-client-id"), skill);
            assertThat(browser.findElement(By.id("name")).getDomProperty("value"))
                    .isEqualTo("Made by the API");
            assertThat(browser.findElement(By.id("vendorIds")).getDomProperty("value"))
                    .isEqualTo(VENDOR);
            assertThat(check(browser, "offline-session-idle").getAttribute("data-status"))
                    .isEqualTo("FAIL");

            // Saved as shown: nothing changes.
            click(browser, By.id("save"));
            awaitText(browser, By.id("outcome-title"), "Saved: nothing needed to change.");

            // Two bad values: both named, nothing applied.
            JsonNode before = ExistingRealmIT.everythingOf(realm);
            type(browser, By.id("name"), "Renamed");
            type(browser, By.id("vendorIds"), "M2 BAD");
            type(browser, By.id("resourceAudience"), "not a url");
            click(browser, By.id("save"));
            String problem = awaitText(browser, By.id("problem"), "Not saved: nothing was changed.");
            assertThat(problem).contains("M2 BAD").contains("not a url");
            assertThat(ExistingRealmIT.everythingOf(realm)).isEqualTo(before);

            // The realm is fixed with the admin REST API; the page's next look shows it, without a save.
            RealmResource resource = AlexaServer.admin().realm(realm);
            RealmRepresentation settings = resource.toRepresentation();
            settings.setOfflineSessionIdleTimeout(63072000);
            resource.update(settings);
            click(browser, By.id("refresh"));
            await(browser)
                    .until(driver ->
                            "PASS".equals(check(browser, "offline-session-idle").getAttribute("data-status")));
            openSkill(browser, "master", realm, skill);
            assertThat(check(browser, "offline-session-idle").getAttribute("data-status"))
                    .isEqualTo("PASS");
        } catch (RuntimeException | AssertionError e) {
            fullHeightScreenshot(browser, "alexa-admin-page-api-failure");
            throw e;
        } finally {
            browser.quit();
        }
    }

    /**
     * Keycloak's permissions are the page's: an admin of the realm with view roles reads and cannot save, a plain
     * user reads nothing, no session is 401, another realm is out of reach; a cross-site request changes nothing.
     */
    @Test
    void keepsKeycloaksPermissionsAndRefusesCrossSiteRequests(@TempDir Path profile) throws Exception {
        String realm = freshRealm();
        String skill = "guarded-skill";
        AlexaAdminApi api = AlexaAdminApi.asAdmin(realm);
        assertThat(api.enableSkill(skill, Map.of("vendorIds", List.of(VENDOR))).status())
                .isEqualTo(201);
        JsonNode before = ExistingRealmIT.everythingOf(realm);
        RealmResource resource = AlexaServer.admin().realm(realm);
        String viewer = "viewer";
        String plain = "plain";
        Users.create(resource, viewer, AlexaServer.USER_PASSWORD, "View", "Only");
        Users.create(resource, plain, AlexaServer.USER_PASSWORD, "Plain", "User");
        String management =
                resource.clients().findByClientId("realm-management").get(0).getId();
        List<RoleRepresentation> viewRoles = List.of("view-realm", "view-clients").stream()
                .map(role ->
                        resource.clients().get(management).roles().get(role).toRepresentation())
                .toList();
        String viewerId = resource.users().search(viewer, true).get(0).getId();
        resource.users().get(viewerId).roles().clientLevel(management).add(viewRoles);

        // No session: 401, and the page says how to sign in.
        HttpResponse<String> anonymous = call(realm, realm, "GET", "skills", null, null, Map.of());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anonymous.body()).get("error").asText()).isEqualTo("not_signed_in");
        assertThat(anonymous.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();

        ChromeDriver browser = Chromium.desktop(1280, 900, profile);
        try {
            browser.get(page(realm));
            awaitText(browser, By.id("signin"), "not signed in");
            assertThat(browser.findElement(By.id("signin-link")).getAttribute("href"))
                    .isEqualTo(AlexaServer.server().baseUrl() + "/admin/" + realm + "/console/");

            // The view-only admin of the realm, signed in at their realm's console: reads, cannot save.
            signIn(browser, realm, viewer, AlexaServer.USER_PASSWORD);
            openSkill(browser, realm, realm, skill);
            type(browser, By.id("name"), "Changed by a viewer");
            click(browser, By.id("save"));
            assertThat(awaitText(browser, By.id("problem"), "Not saved: you may not change skills"))
                    .contains("manage-realm and manage-clients");
            assertThat(ExistingRealmIT.everythingOf(realm)).isEqualTo(before);

            String cookies = cookies(browser);
            assertThat(call(realm, realm, "GET", "skills", null, null, Map.of("Cookie", cookies))
                            .statusCode())
                    .isEqualTo(200);
            // An admin of this realm manages only this realm.
            HttpResponse<String> otherRealm =
                    call(realm, "master", "GET", "skills", null, null, Map.of("Cookie", cookies));
            assertThat(otherRealm.statusCode()).isEqualTo(403);
            assertThat(otherRealm.body()).contains("manages only that realm");

            String change = "{\"vendorIds\":[\"" + VENDOR + "\"],\"name\":\"Cross-site\"}";
            // Without the page's header (what a form or a cross-site fetch without CORS sends): refused.
            HttpResponse<String> noHeader = call(
                    realm,
                    realm,
                    "PUT",
                    "skills/" + skill,
                    change,
                    "application/json",
                    Map.of("Cookie", cookies, "X-Alexa-Admin", ""));
            assertThat(noHeader.statusCode()).isEqualTo(403);
            assertThat(noHeader.body()).contains("missing_header");
            // A form post from another site.
            HttpResponse<String> formPost = call(
                    realm,
                    realm,
                    "POST",
                    "skills/" + skill,
                    "vendorIds=" + VENDOR,
                    "application/x-www-form-urlencoded",
                    Map.of("Cookie", cookies, "Origin", "https://evil.example", "X-Alexa-Admin", ""));
            assertThat(formPost.statusCode()).isIn(403, 405, 415);
            // The header, but another site's Origin.
            HttpResponse<String> foreign = call(
                    realm,
                    realm,
                    "PUT",
                    "skills/" + skill,
                    change,
                    "application/json",
                    Map.of("Cookie", cookies, "Origin", "https://evil.example"));
            assertThat(foreign.statusCode()).isEqualTo(403);
            assertThat(foreign.body()).contains("foreign_origin");
            assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
            // JSON in a body that says it is text: refused.
            HttpResponse<String> textBody =
                    call(realm, realm, "PUT", "skills/" + skill, change, "text/plain", Map.of("Cookie", cookies));
            assertThat(textBody.statusCode()).isEqualTo(415);
            assertThat(ExistingRealmIT.everythingOf(realm)).isEqualTo(before);
        } catch (RuntimeException | AssertionError e) {
            fullHeightScreenshot(browser, "alexa-admin-page-permissions-failure");
            throw e;
        } finally {
            browser.quit();
        }

        // A plain user of the realm: signed in, but no admin role: 403 for every read.
        ChromeDriver plainBrowser = Chromium.desktop(1280, 900, profile.resolve("plain"));
        try {
            signIn(plainBrowser, realm, plain, AlexaServer.USER_PASSWORD);
            plainBrowser.get(page(realm));
            awaitText(plainBrowser, By.id("problem"), "may not view any realm");
            String cookies = cookies(plainBrowser);
            for (String path : List.of("skills", "skills/" + skill, "skills/" + skill + "/secret", "diagnostics")) {
                HttpResponse<String> answer = call(realm, realm, "GET", path, null, null, Map.of("Cookie", cookies));
                assertThat(answer.statusCode()).as(path).isEqualTo(403);
                assertThat(answer.body()).as(path).contains("\"error\":\"forbidden\"");
            }
            HttpResponse<String> save = call(
                    realm,
                    realm,
                    "PUT",
                    "skills/" + skill,
                    "{\"vendorIds\":[\"" + VENDOR + "\"]}",
                    "application/json",
                    Map.of("Cookie", cookies));
            assertThat(save.statusCode()).isEqualTo(403);
            assertThat(ExistingRealmIT.everythingOf(realm)).isEqualTo(before);
        } finally {
            plainBrowser.quit();
        }

        // The master admin's write with the page's header and own Origin is accepted: the rules refuse only the rest.
        ChromeDriver adminBrowser = Chromium.desktop(1280, 900, profile.resolve("admin"));
        try {
            signIn(adminBrowser, "master", KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
            HttpResponse<String> save = call(
                    "master",
                    realm,
                    "PUT",
                    "skills/" + skill,
                    "{\"vendorIds\":[\"" + VENDOR + "\"],\"name\":\"Renamed\"}",
                    "application/json",
                    Map.of("Cookie", cookies(adminBrowser), "Origin", origin()));
            assertThat(save.statusCode()).as(save.body()).isEqualTo(200);
            JsonNode saved = JSON.readTree(save.body());
            assertThat(saved.get("outcome").asText()).isEqualTo("updated");
            String secret = AlexaAdminApi.asAdmin(realm)
                    .skill(skill)
                    .json()
                    .get("alexaConsole")
                    .get("clientSecret")
                    .asText();
            assertThat(save.body())
                    .as("the page fetches the secret only with Show secret")
                    .doesNotContain(secret);
            assertThat(saved.get("adminPage").asText()).isEqualTo(page("master") + "#/" + realm + "/" + skill);
        } finally {
            adminBrowser.quit();
        }
    }

    /** A realm as Keycloak creates it: Internationalization off, Offline Session Idle 30 days. */
    private static String freshRealm() {
        String name = "page-" + UUID.randomUUID().toString().substring(0, 8);
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setEnabled(true);
        AlexaServer.admin().realms().create(realm);
        return name;
    }

    static String page(String adminRealm) {
        return AlexaServer.server().baseUrl() + "/realms/" + adminRealm + "/alexa-admin/";
    }

    private static String origin() {
        URI base = URI.create(AlexaServer.server().baseUrl());
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    /** Signs in as a person does: the page's link to the admin console, Keycloak's login page, the console. */
    private static void signIn(ChromeDriver browser, String adminRealm, String username, String password) {
        browser.get(page(adminRealm));
        click(browser, By.id("signin-link"));
        await(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        await(browser).until(ExpectedConditions.urlContains("/admin/" + adminRealm + "/console/"));
        // The identity cookie's path is the realm's (/realms/{adminRealm}/): the page's requests carry it.
        browser.get(page(adminRealm));
        await(browser).until(driver -> driver.manage().getCookieNamed("KEYCLOAK_IDENTITY") != null);
    }

    /** The browser's Keycloak cookies for the page's path (where the identity cookie is sent). */
    private static String cookies(ChromeDriver browser) {
        return browser.manage().getCookies().stream()
                .filter(cookie -> cookie.getName().startsWith("KEYCLOAK_"))
                .map(Cookie::toString)
                .map(cookie -> cookie.split(";")[0])
                .collect(Collectors.joining("; "));
    }

    private static HttpResponse<String> call(
            String adminRealm,
            String realm,
            String method,
            String path,
            String body,
            String contentType,
            Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(page(adminRealm) + "api/realms/" + realm + "/" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (!"".equals(headers.get("X-Alexa-Admin"))) {
            request.header("X-Alexa-Admin", "1");
        }
        headers.forEach((name, value) -> {
            if (!name.equals("X-Alexa-Admin")) {
                request.header(name, value);
            }
        });
        HttpClient http = Http.client();
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> statuses(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("#diagnostics .checkitem")).stream()
                .map(item -> item.getAttribute("data-status"))
                .toList();
    }

    private static int order(String status) {
        return List.of("FAIL", "WARN", "PASS").indexOf(status);
    }

    private static WebElement check(ChromeDriver browser, String id) {
        return browser.findElement(By.cssSelector("#diagnostics .checkitem[data-check='" + id + "']"));
    }

    private static String text(ChromeDriver browser, String id) {
        return browser.findElement(By.id(id)).getDomProperty("textContent");
    }

    /**
     * Loads a skill's view. A new fragment alone would not reload the page, so it is loaded again; the view is there
     * when its console values are.
     */
    private static void openSkill(ChromeDriver browser, String adminRealm, String realm, String skill) {
        browser.get(page(adminRealm) + "#/" + realm + "/" + skill);
        browser.navigate().refresh();
        awaitText(browser, By.id("console-client-id"), skill);
    }

    private static String awaitText(ChromeDriver browser, By target, String containing) {
        return await(browser)
                .until(driver -> driver.findElements(target).stream()
                        .map(element -> element.getDomProperty("textContent"))
                        .filter(text -> text != null && text.contains(containing))
                        .findFirst()
                        .orElse(null));
    }

    private static void type(ChromeDriver browser, By target, String text) {
        WebElement field = await(browser).until(ExpectedConditions.elementToBeClickable(target));
        field.clear();
        field.sendKeys(text);
    }

    private static void fullHeightScreenshot(ChromeDriver browser, String name) throws IOException {
        BrowserSteps.fullHeightScreenshot(browser, name, BrowserSteps.DOCUMENT_HEIGHT);
    }
}
