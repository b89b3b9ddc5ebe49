package dev.alexalink.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Optional;

import static dev.alexalink.rules.SampleSettings.RULES;
import static dev.alexalink.rules.SampleSettings.clientWith;
import static dev.alexalink.rules.SampleSettings.goodClient;
import static dev.alexalink.rules.SampleSettings.goodRealm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenLifetimeRuleTest {

    private static final long NOW = 1_700_000_000L;

    private final TokenLifetimeRule rule = new TokenLifetimeRule(null);

    @Test
    void defaultMinimumIsAlexasFloorOf360Seconds() {
        assertThat(TokenLifetimeRule.ALEXA_MINIMUM_SECONDS).isEqualTo(360);
        assertThat(rule.minimumSeconds()).isEqualTo(360);
    }

    @Test
    void higherMinimumIsKept() {
        assertThat(new TokenLifetimeRule(3600).minimumSeconds()).isEqualTo(3600);
        assertThat(new TokenLifetimeRule(360).minimumSeconds()).isEqualTo(360);
    }

    @Test
    void minimumBelowTheFloorIsInvalid() {
        assertThatThrownBy(() -> new TokenLifetimeRule(300))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .hasMessageContaining(TokenLifetimeRule.NAME)
                .hasMessageContaining("300 s")
                .hasMessageContaining("360 s");
        assertThatThrownBy(() -> new TokenLifetimeRule(359)).isInstanceOf(InvalidRuleConfigurationException.class);
        assertThatThrownBy(() -> new TokenLifetimeRule(-1)).isInstanceOf(InvalidRuleConfigurationException.class);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // expiryAtLeastMinimum
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void shortExpiryIsRaisedToTheMinimum() {
        assertThat(rule.expiryAtLeastMinimum(NOW, NOW + 300)).isEqualTo(NOW + 360);
    }

    @Test
    void longerExpiryIsKept() {
        assertThat(rule.expiryAtLeastMinimum(NOW, NOW + 3600)).isEqualTo(NOW + 3600);
        assertThat(rule.expiryAtLeastMinimum(NOW, NOW + 360)).isEqualTo(NOW + 360);
    }

    @Test
    void configuredMinimumIsApplied() {
        TokenLifetimeRule hour = new TokenLifetimeRule(3600);
        assertThat(hour.expiryAtLeastMinimum(NOW, NOW + 300)).isEqualTo(NOW + 3600);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // checkClientLifespan
    // ---------------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "360", "3600", "-1", " 3600 "})
    void acceptableClientLifespans(String configured) {
        assertThat(rule.checkClientLifespan(configured)).isEmpty();
    }

    @Test
    void clientLifespanBelowMinimumIsRefused() {
        Optional<Violation> violation = rule.checkClientLifespan("300");

        assertThat(violation).isPresent();
        assertThat(violation.get().rule()).isEqualTo(TokenLifetimeRule.NAME);
        assertThat(violation.get().message()).contains("300").contains("360");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "359", "-2", " 300 "})
    void otherLifespansBelowMinimumAreRefused(String configured) {
        assertThat(rule.checkClientLifespan(configured)).isPresent();
    }

    @Test
    void clientLifespanIsComparedWithTheConfiguredMinimum() {
        TokenLifetimeRule hour = new TokenLifetimeRule(3600);
        assertThat(hour.checkClientLifespan("600"))
                .get()
                .extracting(Violation::message)
                .asString()
                .contains("600")
                .contains("3600");
        assertThat(hour.checkClientLifespan("3600")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "3.5", "360s", "99999999999"})
    void nonNumericLifespanIsRefused(String configured) {
        Optional<Violation> violation = rule.checkClientLifespan(configured);

        assertThat(violation).isPresent();
        assertThat(violation.get().message()).contains("'" + configured + "'").contains("not a number of seconds");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The report's check
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void theClientsOwnLifespanIsComparedWithTheConfiguredMinimum() {
        ClientSettings tenMinutes = clientWith(goodClient(), "attribute", Map.of("access.token.lifespan", "600"));

        assertThat(TokenLifetimeRule.check(rule, goodRealm(), tenMinutes).status())
                .isEqualTo(Check.Status.PASS);
        Check hour = TokenLifetimeRule.check(new TokenLifetimeRule(3600), goodRealm(), tenMinutes);
        assertThat(hour.status()).isEqualTo(Check.Status.FAIL);
        assertThat(hour.finding()).isEqualTo("access tokens live 600 s, less than Alexa's 3600 s");
        assertThat(hour.fix()).contains("access.token.lifespan=3600");
    }

    @Test
    void aShortRealmTokenLifespanIsOnlyAWarningWhenTheTokenExecutorRaisesIt() {
        ClientSettings client = clientWith(goodClient(), "attribute", Map.of());

        Check withExecutor = TokenLifetimeRule.check(RULES.tokens(), goodRealm(), client);
        Check without = TokenLifetimeRule.check(null, goodRealm(), client);

        assertThat(withExecutor.status()).isEqualTo(Check.Status.WARN);
        assertThat(without.status()).isEqualTo(Check.Status.FAIL);
        assertThat(without.finding()).contains("the realm's 300 s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "3.5", "360s", "99999999999"})
    void theReportFailsALifespanThatIsNotANumber(String configured) {
        ClientSettings client = clientWith(goodClient(), "attribute", Map.of("access.token.lifespan", configured));

        Check check = TokenLifetimeRule.check(RULES.tokens(), goodRealm(), client);

        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.finding()).isEqualTo("access token lifespan '" + configured + "' is not a number of seconds");
    }
}
