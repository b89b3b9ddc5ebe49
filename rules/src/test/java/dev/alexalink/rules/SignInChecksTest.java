package dev.alexalink.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;

import static dev.alexalink.rules.SampleSettings.clientWith;
import static dev.alexalink.rules.SampleSettings.goodClient;
import static dev.alexalink.rules.SampleSettings.goodRealm;
import static dev.alexalink.rules.SampleSettings.realmWith;
import static org.assertj.core.api.Assertions.assertThat;

class SignInChecksTest {

    @Test
    void theThemesLanguagesAreThoseOfItsThemeProperties() throws IOException {
        Path file = Path.of(System.getProperty("project.root", ".."))
                .resolve("themes/src/main/resources/theme/alexa/login/theme.properties");
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        assertThat(Arrays.stream(properties.getProperty("locales").split(","))
                        .map(String::trim)
                        .toList())
                .isEqualTo(SignInChecks.ALEXA_THEME_LOCALES);
    }

    /** Our realm file turns Internationalization on with exactly the theme's languages, which the check then passes. */
    @Test
    void theRealmFileSupportsTheThemesLanguages() throws IOException {
        String realm = Files.readString(Path.of(System.getProperty("project.root", ".."))
                .resolve("realm-config/src/main/realm/alexa-realm.json"));
        java.util.regex.Matcher locales = java.util.regex.Pattern.compile("\"supportedLocales\"\\s*:\\s*\\[([^]]*)]")
                .matcher(realm);

        assertThat(realm).containsPattern("\"internationalizationEnabled\"\\s*:\\s*true");
        assertThat(locales.find()).isTrue();
        assertThat(Arrays.stream(locales.group(1).split(","))
                        .map(locale -> locale.strip().replace("\"", ""))
                        .toList())
                .isEqualTo(SignInChecks.ALEXA_THEME_LOCALES);
    }

    @Test
    void internationalizationOffShowsOnlyEnglishAndTheFixNamesTheOption() {
        Check check = SignInChecks.languages(realmWith(goodRealm(), "internationalizationOff", null), goodClient())
                .orElseThrow();

        assertThat(check.id()).isEqualTo("languages");
        assertThat(check.status()).isEqualTo(Check.Status.WARN);
        assertThat(check.finding()).isEqualTo("the sign-in pages show only English: Internationalization is off");
        assertThat(check.fix())
                .startsWith("Realm settings > Localization > Internationalization: on, with supported locales en, de,"
                        + " fr, it, es, pt-BR, ja, hi, ar")
                .contains("PUT /admin/realms/{realm}/alexa/skills/alexa-skill with \"enableLanguages\": true");
    }

    @Test
    void missingLocalesAreNamedAndAllOfThemPass() {
        Check missing = SignInChecks.languages(
                        realmWith(goodRealm(), "supportedLocales", Set.of("en", "de", "fr", "it", "es", "ja")),
                        goodClient())
                .orElseThrow();

        assertThat(missing.status()).isEqualTo(Check.Status.WARN);
        assertThat(missing.finding())
                .isEqualTo("the sign-in pages cannot show pt-BR, hi, ar: the realm's supported locales lack them");
        assertThat(missing.fix()).startsWith("Realm settings > Localization > Supported locales: add pt-BR, hi, ar");
        assertThat(SignInChecks.languages(goodRealm(), goodClient())
                        .orElseThrow()
                        .status())
                .isEqualTo(Check.Status.PASS);
    }

    @Test
    void anotherThemesLanguagesAreNotJudged() {
        assertThat(SignInChecks.languages(
                        realmWith(goodRealm(), "internationalizationOff", null),
                        clientWith(goodClient(), "theme", "keycloak.v2")))
                .isEmpty();
    }

    @Test
    void anotherThemeIsAWarningNotAFailure() {
        Check theme = SignInChecks.theme(clientWith(goodClient(), "theme", "keycloak.v2"));

        assertThat(theme.status()).isEqualTo(Check.Status.WARN);
        assertThat(theme.finding()).contains("theme 'keycloak.v2'");
        assertThat(theme.fix()).contains("login_theme=alexa");
        assertThat(SignInChecks.theme(clientWith(goodClient(), "theme", null)).finding())
                .contains("'keycloak.v2'");
    }

    @Test
    void aUrlWithoutAHostIsUnknownAndEveryProblemOfAnotherIsNamed() {
        assertThat(SignInChecks.frontendUrl(URI.create("file:/x")).finding())
                .isEqualTo("the realm's frontend URL is unknown");

        Check check = SignInChecks.frontendUrl(URI.create("http://localhost:8080"));
        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.finding())
                .contains("it is not https, it uses port 8080, not 443, its host 'localhost' is not a public DNS name");
    }

    @Test
    void fiveMinutesOfSsoSessionAreEnoughAndLessIsNot() {
        assertThat(SignInChecks.ssoSession(
                                realmWith(goodRealm(), "ssoSessionIdleTimeout", SignInChecks.MINIMUM_SSO_SECONDS))
                        .status())
                .isEqualTo(Check.Status.PASS);
        assertThat(SignInChecks.ssoSession(
                                realmWith(goodRealm(), "ssoSessionIdleTimeout", SignInChecks.MINIMUM_SSO_SECONDS - 1))
                        .status())
                .isEqualTo(Check.Status.FAIL);
    }
}
