package dev.alexalink.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientSecretGuessingRuleTest {

    private static final String CLIENT = "alexa-skill";
    private static final String ATTACKER = "203.0.113.7";
    private static final String AMAZON = "198.51.100.20";

    private static ClientSecretGuessingRule rule(int maxFailures, int windowSeconds, int lockoutSeconds) {
        return new ClientSecretGuessingRule(new ClientSecretGuessingRule.Settings(maxFailures, windowSeconds, lockoutSeconds));
    }

    @Test
    void locksTheSourceOutAtTheLimitWithinTheWindow() {
        ClientSecretGuessingRule rule = rule(3, 60, 300);
        assertThat(rule.recordFailure(CLIENT, ATTACKER, 1_000).lockoutStarted()).isFalse();
        assertThat(rule.recordFailure(CLIENT, ATTACKER, 2_000).failuresInWindow()).isEqualTo(2);
        assertThat(rule.lockedUntil(CLIENT, ATTACKER, 2_000)).isEmpty();

        ClientSecretGuessingRule.Failure third = rule.recordFailure(CLIENT, ATTACKER, 3_000);

        assertThat(third.lockoutStarted()).isTrue();
        assertThat(third.lockedUntilMillis()).isEqualTo(303_000);
        assertThat(rule.lockedUntil(CLIENT, ATTACKER, 3_001)).hasValue(303_000);
        assertThat(rule.lockedUntil(CLIENT, ATTACKER, 302_999)).hasValue(303_000);
        assertThat(rule.lockedUntil(CLIENT, ATTACKER, 303_000)).isEmpty();
    }

    @Test
    void anotherSourceAndAnotherClientAreNotLocked() {
        ClientSecretGuessingRule rule = rule(2, 60, 300);
        rule.recordFailure(CLIENT, ATTACKER, 1_000);
        rule.recordFailure(CLIENT, ATTACKER, 1_001);

        assertThat(rule.lockedUntil(CLIENT, ATTACKER, 1_002)).isPresent();
        assertThat(rule.lockedUntil(CLIENT, AMAZON, 1_002)).as("Amazon, from its own address").isEmpty();
        assertThat(rule.lockedUntil("other-skill", ATTACKER, 1_002)).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        ClientSecretGuessingRule rule = rule(3, 10, 300);
        rule.recordFailure(CLIENT, ATTACKER, 0);
        rule.recordFailure(CLIENT, ATTACKER, 5_000);
        ClientSecretGuessingRule.Failure late = rule.recordFailure(CLIENT, ATTACKER, 10_000);

        assertThat(late.lockoutStarted()).as("the first failure left the window at 10 s").isFalse();
        assertThat(late.failuresInWindow()).isEqualTo(2);
        assertThat(rule.recordFailure(CLIENT, ATTACKER, 12_000).lockoutStarted()).isTrue();
    }

    @Test
    void refusedGuessesDoNotExtendTheLockoutAndCountingStartsAfresh() {
        ClientSecretGuessingRule rule = rule(2, 60, 100);
        rule.recordFailure(CLIENT, ATTACKER, 0);
        rule.recordFailure(CLIENT, ATTACKER, 0);
        ClientSecretGuessingRule.Failure whileLocked = rule.recordFailure(CLIENT, ATTACKER, 50_000);

        assertThat(whileLocked.lockoutStarted()).isFalse();
        assertThat(whileLocked.lockedUntilMillis()).isEqualTo(100_000);
        assertThat(rule.lockedUntil(CLIENT, ATTACKER, 100_000)).isEmpty();
        assertThat(rule.recordFailure(CLIENT, ATTACKER, 100_000).failuresInWindow()).isEqualTo(1);
    }

    @Test
    void blankSettingsMeanTheDefaults() {
        assertThat(ClientSecretGuessingRule.settings(null, " ", ""))
                .isEqualTo(new ClientSecretGuessingRule.Settings(ClientSecretGuessingRule.DEFAULT_MAX_FAILURES,
                        ClientSecretGuessingRule.DEFAULT_WINDOW_SECONDS, ClientSecretGuessingRule.DEFAULT_LOCKOUT_SECONDS));
        assertThat(ClientSecretGuessingRule.settings("5", "30", "600"))
                .isEqualTo(new ClientSecretGuessingRule.Settings(5, 30, 600));
    }

    @Test
    void badSettingsAreRefusedNamingEachValueAndTheRule() {
        assertThatThrownBy(() -> ClientSecretGuessingRule.settings("0", "ten", "86401"))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .hasMessageContaining(ClientSecretGuessingRule.NAME)
                .hasMessageContaining("max-failures '0' must be a whole number from 1 to 10000")
                .hasMessageContaining("failure-window-seconds 'ten'")
                .hasMessageContaining("lockout-seconds '86401' must be a whole number from 1 to 86400")
                .satisfies(e -> assertThat(((InvalidRuleConfigurationException) e).problems()).hasSize(3));
        assertThatThrownBy(() -> ClientSecretGuessingRule.settings("-3", null, null))
                .hasMessageContaining("max-failures '-3'");
    }

    @Test
    void tracksABoundedNumberOfSourcesDroppingStaleOnesFirst() {
        ClientSecretGuessingRule rule = rule(2, 1, 1);
        for (int i = 0; i < ClientSecretGuessingRule.MAX_TRACKED_SOURCES; i++) {
            rule.recordFailure(CLIENT, "10.0." + (i >> 8) + "." + (i & 0xff), 0);
        }
        assertThat(rule.trackedSources()).isEqualTo(ClientSecretGuessingRule.MAX_TRACKED_SOURCES);

        rule.recordFailure(CLIENT, ATTACKER, 10_000);

        assertThat(rule.trackedSources()).as("stale sources dropped, the new one tracked").isEqualTo(1);
    }
}
