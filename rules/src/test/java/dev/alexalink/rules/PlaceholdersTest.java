package dev.alexalink.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholdersTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "${ALEXA_VENDOR_ID}|ALEXA_VENDOR_ID",
                "${ALEXA_CLIENT_SECRET:default}|ALEXA_CLIENT_SECRET",
                "${X:}|X",
                "https://pitangui.amazon.com/api/skill/link/${VENDOR}|VENDOR",
                "prefix-${FIRST}-${SECOND}|FIRST",
                "$${NESTED}|NESTED",
            })
    void findsTheFirstUnresolvedVariable(String value, String variable) {
        assertThat(Placeholders.unresolvedVariable(value)).hasValue(variable);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"M2AAAAAAAAAAAA", "$VAR", "{VAR}", "${VAR", "$ {VAR}", "price: $5 {each}"})
    void noPlaceholder(String value) {
        assertThat(Placeholders.unresolvedVariable(value)).isEmpty();
    }

    @Test
    void explanationNamesTheVariableTheValueAndTheFix() {
        String text = Placeholders.explain("ALEXA_VENDOR_ID", "vendor ID '${ALEXA_VENDOR_ID}'");

        assertThat(text)
                .startsWith("vendor ID '${ALEXA_VENDOR_ID}' still holds the placeholder ${ALEXA_VENDOR_ID}")
                .contains("the environment variable ALEXA_VENDOR_ID was not set")
                .contains("Set ALEXA_VENDOR_ID and")
                .contains("realm");
    }

    @Test
    void listsUnsetVariablesWithoutDefaultsOnceEachInOrder() {
        String text =
                "{\"a\": \"${ALEXA_VENDOR_ID}\", \"b\": \"${ALEXA_CLIENT_SECRET}\", \"c\": \"${ALEXA_VENDOR_ID}\","
                        + " \"d\": \"${WITH_DEFAULT:x}\", \"e\": \"${SET_ONE}\", \"f\": \"${env.ENV_FORM}\"}";
        java.util.Map<String, String> environment = java.util.Map.of("SET_ONE", "1");

        assertThat(Placeholders.unresolvedVariables(text, environment::get))
                .containsExactly("ALEXA_VENDOR_ID", "ALEXA_CLIENT_SECRET", "ENV_FORM");
    }

    @Test
    void namesVariablesWhoseValueWouldBreakTheJsonWithoutShowingTheValue() {
        String text =
                "{\"name\": \"${ALEXA_SKILL_NAME:Alexa skill}\", \"secret\": \"${ALEXA_CLIENT_SECRET}\", \"v\": \"${ALEXA_VENDOR_ID}\","
                        + " \"d\": \"${env.ALEXA_REALM_DISPLAY_NAME}\"}";
        java.util.Map<String, String> environment = java.util.Map.of(
                "ALEXA_SKILL_NAME",
                "My \"best\" skill",
                "ALEXA_CLIENT_SECRET",
                "secret\\part",
                "ALEXA_VENDOR_ID",
                "M2AAAAAAAAAAAA",
                "ALEXA_REALM_DISPLAY_NAME",
                "two\nlines");

        assertThat(Placeholders.valuesBreakingJson(text, environment::get))
                .containsExactly(
                        "the environment variable ALEXA_SKILL_NAME holds a double quote (character 4 of 15), which Keycloak would paste"
                                + " unescaped into the realm file's JSON; remove it",
                        "the environment variable ALEXA_CLIENT_SECRET holds a backslash (character 7 of 11), which Keycloak would paste"
                                + " unescaped into the realm file's JSON; remove it",
                        "the environment variable ALEXA_REALM_DISPLAY_NAME holds the control character U+000A (character 4 of 9), which"
                                + " Keycloak would paste unescaped into the realm file's JSON; remove it");
        assertThat(String.join(" ", Placeholders.valuesBreakingJson(text, environment::get)))
                .doesNotContain("best")
                .doesNotContain("part");
    }
}
