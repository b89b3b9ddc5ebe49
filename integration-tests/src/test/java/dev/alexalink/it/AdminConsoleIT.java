package dev.alexalink.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.KeycloakServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.representations.idm.ClientRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.alexalink.it.BrowserSteps.await;
import static dev.alexalink.it.BrowserSteps.click;
import static dev.alexalink.it.BrowserSteps.screenshot;
import static dev.alexalink.it.ExistingRealmIT.SKILL;
import static dev.alexalink.it.ExistingRealmIT.VENDOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Alexa skills" page of Keycloak's own admin console, used as an admin uses it: in real headless Chromium, an
 * admin adds a skill to a realm they already run, finds no stale computed field to type into (the help text names the
 * Alexa admin page, which computes them), and gets a clear refusal for a bad vendor ID. The screenshot goes to integration-tests/target/screenshots.
 */
@EnabledIf(value = "dev.alexalink.it.Chromium#available", disabledReason = Chromium.INSTALL_HINT)
@ExtendWith(AlexaServer.class)
class AdminConsoleIT {

    @Test
    void anAdminAddsASkillIsSentToTheAdminPageForComputedValuesAndIsToldWhatIsWrong(@TempDir Path profile)
            throws Exception {
        String realm = ExistingRealmIT.existingRealm();
        ChromeDriver browser = Chromium.desktop(1280, 1600, profile);
        try {
            signIn(browser);
            open(browser, "#/" + realm + "/clients");
            click(
                    browser,
                    By.xpath("//nav//a[normalize-space()='Alexa skills' and contains(@href, '/" + realm
                            + "/page-section/alexa-skills')]"));
            await(browser).until(ExpectedConditions.urlContains("/" + realm + "/page-section/alexa-skills"));
            click(browser, By.xpath("//*[self::a or self::button][normalize-space()='Create item']"));
            await(browser)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[data-testid='save']")));

            // A vendor ID with a typo: refused, naming it, and nothing is created.
            type(browser, "input[data-testid='client']", SKILL);
            type(browser, "input[data-testid='name']", "Shop skill");
            type(browser, "input[data-testid='config.vendorIds0']", "M2-SHOP!");
            type(browser, "input[data-testid='config.scopes0']", "profile");
            save(browser);
            assertThat(awaitAlert(browser, "Error could not save item!"))
                    .contains("vendor ID 'M2-SHOP!' must be 1 to 64 letters and digits");
            assertThat(AlexaServer.admin().realm(realm).clients().findByClientId(SKILL))
                    .isEmpty();
            assertThat(AlexaSkillsPage.items(realm)).isEmpty();

            type(browser, "input[data-testid='config.vendorIds0']", VENDOR);
            save(browser);
            awaitAlert(browser, "Saved successfully");
            ClientRepresentation client = AlexaServer.admin()
                    .realm(realm)
                    .clients()
                    .findByClientId(SKILL)
                    .get(0);
            assertThat(client.getRedirectUris()).hasSize(3);

            // The list and the item hold the settings only; the console values and the diagnostics, which a stored
            // copy could only show as of the last save, are on the Alexa admin page, which the help text names.
            open(browser, "#/" + realm + "/page-section/alexa-skills");
            WebElement row = await(browser)
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.xpath("//table//tr[.//a[normalize-space()='" + SKILL + "']]")));
            assertThat(row.getText()).contains("Shop skill").doesNotContain("failed");
            assertThat(browser.findElement(By.tagName("body")).getText())
                    .as("the page's help text")
                    .contains("/realms/master/alexa-admin/");
            click(browser, By.xpath("//table//a[normalize-space()='" + SKILL + "']"));
            awaitValue(browser, "input[data-testid='client']", SKILL);
            browser.navigate().refresh();
            awaitValue(browser, "input[data-testid='client']", SKILL);
            assertThat(value(browser, "input[data-testid='config.vendorIds0']")).isEqualTo(VENDOR);
            assertThat(browser.findElements(By.cssSelector("[data-testid^='console'], [data-testid^='check-'],"
                            + " [data-testid='diagnostics'], [data-testid^='config.console']")))
                    .as("no computed field to type into")
                    .isEmpty();
            assertThat(browser.findElement(By.tagName("body")).getText())
                    .doesNotContain("alexa-skill-")
                    .doesNotContain("Alexa console: Authorization URI");
            String secret = AlexaServer.admin()
                    .realm(realm)
                    .clients()
                    .get(client.getId())
                    .getSecret()
                    .getValue();
            assertThat(browser.getPageSource()).doesNotContain(secret);
            screenshot(browser, "admin-console-alexa-skill-top");
            fullHeightScreenshot(browser, "admin-console-alexa-skill");

            // Editing: a bad vendor ID changes nothing; a new name is applied to the client.
            JsonNode before = ExistingRealmIT.everythingOf(realm);
            type(browser, "input[data-testid='config.vendorIds0']", "M2 SHOP");
            save(browser);
            assertThat(awaitAlert(browser, "Error could not save item!"))
                    .contains("vendor ID 'M2 SHOP' must be 1 to 64 letters and digits");
            assertThat(ExistingRealmIT.everythingOf(realm)).isEqualTo(before);
            assertThat(AlexaSkillsPage.item(realm, SKILL).getConfig().get("vendorIds"))
                    .containsExactly(VENDOR);

            type(browser, "input[data-testid='config.vendorIds0']", VENDOR);
            type(browser, "input[data-testid='name']", "Shop skill for Alexa");
            save(browser);
            awaitAlert(browser, "Saved successfully");
            assertThat(AlexaServer.admin()
                            .realm(realm)
                            .clients()
                            .get(client.getId())
                            .toRepresentation()
                            .getName())
                    .isEqualTo("Shop skill for Alexa");
        } catch (RuntimeException | AssertionError e) {
            fullHeightScreenshot(browser, "admin-console-failure");
            throw e;
        } finally {
            browser.quit();
        }
    }

    private static String console() {
        return AlexaServer.server().baseUrl() + "/admin/master/console/";
    }

    private static void signIn(ChromeDriver browser) {
        browser.get(console());
        await(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(KeycloakServer.ADMIN_USER);
        browser.findElement(By.id("password")).sendKeys(KeycloakServer.ADMIN_PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        await(browser).until(ExpectedConditions.titleContains("Keycloak Administration Console"));
        // The page has that title before its script has finished signing in.
        await(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//nav//a[normalize-space()='Clients']")));
    }

    /**
     * Loads a page of the console. A new fragment alone does not reload the page, and the console reads the realm from
     * the URL only when it loads and when it navigates by itself.
     */
    private static void open(ChromeDriver browser, String fragment) {
        browser.get(console() + fragment);
        browser.navigate().refresh();
    }

    /** Replaces a field's text the way a person does, so that the console's form sees the change. */
    private static void type(ChromeDriver browser, String css, String text) {
        WebElement field = await(browser).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text);
    }

    /** Closes the alerts of an earlier save first, so that they cannot answer for this one. */
    private static void save(ChromeDriver browser) {
        for (WebElement close : browser.findElements(By.cssSelector(".pf-v5-c-alert__action button"))) {
            try {
                close.click();
            } catch (WebDriverException alreadyGone) {
                // the alert timed out on its own
            }
        }
        await(browser).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".pf-v5-c-alert"), 0));
        click(browser, By.cssSelector("button[data-testid='save']"));
    }

    private static String awaitAlert(ChromeDriver browser, String containing) {
        return await(browser).until(driver -> {
            @SuppressWarnings("unchecked")
            List<String> alerts = (List<String>) browser.executeScript(
                    "return Array.from(document.querySelectorAll('.pf-v5-c-alert')).map(alert => alert.innerText)");
            return alerts.stream()
                    .filter(alert -> alert.contains(containing))
                    .findFirst()
                    .orElse(null);
        });
    }

    private static void awaitValue(ChromeDriver browser, String css, String expected) {
        await(browser)
                .until(driver -> driver.findElements(By.cssSelector(css)).stream()
                        .anyMatch(element -> expected.equals(element.getDomProperty("value"))));
    }

    private static String value(ChromeDriver browser, String css) {
        return browser.findElement(By.cssSelector(css)).getDomProperty("value");
    }

    /** The console scrolls inside its main section, so the window is made as tall as that section's content. */
    private static void fullHeightScreenshot(ChromeDriver browser, String name) throws IOException {
        BrowserSteps.fullHeightScreenshot(
                browser,
                name,
                "const main = document.querySelector('.pf-v5-c-page__main');"
                        + " return main ? main.getBoundingClientRect().top + main.scrollHeight : document.documentElement.scrollHeight");
    }
}
