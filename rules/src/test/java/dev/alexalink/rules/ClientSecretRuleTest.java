package dev.alexalink.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ClientSecretRuleTest {

    private static final String GOOD = "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE"; // 32 letters and digits

    @Test
    void nullMeansKeycloakGeneratesOne() {
        assertThat(ClientSecretRule.check((String) null)).isEmpty();
    }

    @Test
    void thirtyTwoLettersAndDigitsAreFine() {
        assertThat(GOOD).hasSize(32);
        assertThat(ClientSecretRule.check(GOOD)).isEmpty();
        assertThat(ClientSecretRule.check(GOOD + GOOD)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' at position {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "+|1",
                "%|5",
                "/|17",
                "=|32",
                "' '|10",
                "-|2",
                "_|3",
                "\u00e9|4",
            })
    void characterOtherThanLetterOrDigitIsRefusedWithPositionButWithoutTheSecret(String character, int position) {
        String secret = GOOD.substring(0, position - 1) + character + GOOD.substring(position);
        assertThat(secret).hasSize(32);

        Optional<Violation> violation = ClientSecretRule.check(secret);

        assertThat(violation).isPresent();
        assertThat(violation.get().rule()).isEqualTo(ClientSecretRule.NAME);
        assertThat(violation.get().message())
                .contains("position " + position)
                .contains("letters and digits only")
                .doesNotContain(secret)
                .doesNotContain(GOOD.substring(0, 8))
                .doesNotContain(GOOD.substring(24));
    }

    @Test
    void firstOffendingCharacterIsReported() {
        Optional<Violation> violation = ClientSecretRule.check("abc+def/" + GOOD);
        assertThat(violation).get().extracting(Violation::message).asString().contains("position 4");
    }

    @Test
    void thirtyOneCharactersAreRefusedWithoutTheSecret() {
        String secret = GOOD.substring(0, 31);

        Optional<Violation> violation = ClientSecretRule.check(secret);

        assertThat(violation).isPresent();
        assertThat(violation.get().message())
                .contains("has 31 characters")
                .contains("at least 32")
                .doesNotContain(secret);
    }

    @Test
    void emptySecretIsRefused() {
        assertThat(ClientSecretRule.check(""))
                .get()
                .extracting(Violation::message)
                .asString()
                .contains("has 0 characters");
    }

    @Test
    void placeholderNamesTheVariable() {
        Optional<Violation> violation = ClientSecretRule.check("${ALEXA_CLIENT_SECRET}");

        assertThat(violation).isPresent();
        assertThat(violation.get().message())
                .contains("the client secret still holds the placeholder ${ALEXA_CLIENT_SECRET}")
                .contains("environment variable ALEXA_CLIENT_SECRET");
    }

    @Test
    void placeholderWithDefaultNamesTheVariable() {
        assertThat(ClientSecretRule.check("${ALEXA_CLIENT_SECRET:changeme}"))
                .get()
                .extracting(Violation::message)
                .asString()
                .contains("ALEXA_CLIENT_SECRET")
                .doesNotContain("changeme");
    }
}
