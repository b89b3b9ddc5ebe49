package dev.alexalink.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

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
        assertThat(hour.checkClientLifespan("600")).get().extracting(Violation::message).asString()
                .contains("600").contains("3600");
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
    // noteOnRealmDefault
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void realmDefaultBelowTheFloorGetsANote() {
        assertThat(rule.noteOnRealmDefault(300)).hasValueSatisfying(note ->
                assertThat(note).contains("300 s").contains("raised to 360 s"));
    }

    @Test
    void realmDefaultAtOrAboveTheFloorGetsNoNote() {
        assertThat(rule.noteOnRealmDefault(360)).isEmpty();
        assertThat(rule.noteOnRealmDefault(3600)).isEmpty();
    }

    @Test
    void realmNoteUsesTheConfiguredMinimum() {
        assertThat(new TokenLifetimeRule(600).noteOnRealmDefault(360)).hasValueSatisfying(note ->
                assertThat(note).contains("360 s").contains("raised to 600 s"));
    }
}
