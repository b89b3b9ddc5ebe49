package dev.alexalink.theme;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text of the Alexa pages exists, translated, in every locale the theme declares. */
class ThemeMessagesTest {

    private static final String THEME = "theme/alexa/login/";
    private static final List<String> ALEXA_LOCALES = List.of("en", "de", "fr", "it", "es", "pt-BR", "ja", "hi", "ar");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    static List<String> locales() throws IOException {
        return Arrays.asList(
                load(THEME + "theme.properties").getProperty("locales").split(","));
    }

    @Test
    void declaresTheLocalesAlexaShipsIn() throws IOException {
        assertThat(locales()).containsExactlyInAnyOrderElementsOf(ALEXA_LOCALES);
    }

    @ParameterizedTest
    @MethodSource("locales")
    void hasEveryKeyOfTheEnglishMessages(String locale) throws IOException {
        Properties english = messages("en");
        Properties translated = messages(locale);

        assertThat(translated.stringPropertyNames())
                .as(locale)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            String text = translated.getProperty(key);
            assertThat(text).as(locale + " " + key).isNotBlank();
            assertThat(arguments(text))
                    .as("arguments of " + key + " in " + locale)
                    .isEqualTo(arguments(english.getProperty(key)));
            // Keycloak formats with MessageFormat: a single apostrophe would swallow the text after it.
            String formatted = new MessageFormat(text, Locale.forLanguageTag(locale)).format(new Object[] {"X", "Y"});
            assertThat(formatted).as(locale + " " + key).doesNotContain("{0}").doesNotContain("''");
            assertThat(text.replace("''", ""))
                    .as("single apostrophe in " + locale + " " + key)
                    .doesNotContain("'");
        }
    }

    @ParameterizedTest
    @MethodSource("locales")
    void translatesTheAlexaTextsInsteadOfRepeatingEnglish(String locale) throws IOException {
        if (locale.equals("en")) {
            return;
        }
        Properties english = messages("en");
        Properties translated = messages(locale);
        for (String key : List.of(
                "alexaSignInTitle",
                "alexaConsentLead",
                "alexaAllow",
                "alexaDeny",
                "alexaUnlinkHint",
                "alexaConsentPageTitle",
                "alexaGenericSkillName",
                "alexaGenericOrganisation",
                "invalidUserMessage")) {
            assertThat(translated.getProperty(key)).as(locale + " " + key).isNotEqualTo(english.getProperty(key));
        }
    }

    private static List<String> arguments(String text) {
        Matcher m = ARGUMENT.matcher(text);
        return m.results().map(r -> r.group()).sorted().toList();
    }

    private static Properties messages(String locale) throws IOException {
        return load(THEME + "messages/messages_" + locale.replace('-', '_') + ".properties");
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ThemeMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
