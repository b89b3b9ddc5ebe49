package dev.alexalink.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientSecretGuessingRuleTest {

    private static final String CLIENT = "alexa-skill";
    private static final String ATTACKER = "203.0.113.7";
    private static final String AMAZON = "198.51.100.20";

    private static ClientSecretGuessingRule rule(int maxFailures, int windowSeconds) {
        return new ClientSecretGuessingRule(new ClientSecretGuessingRule.Settings(maxFailures, windowSeconds));
    }

    @Test
    void reportsTheSourceAndTheClientOnceWhenTheyReachTheLimitWithinTheWindow() {
        ClientSecretGuessingRule rule = rule(3, 60);
        assertThat(rule.recordFailure(CLIENT, ATTACKER, 1_000).reportSource()).isFalse();
        assertThat(rule.recordFailure(CLIENT, ATTACKER, 2_000).sourceFailures()).isEqualTo(2);

        ClientSecretGuessingRule.Failure third = rule.recordFailure(CLIENT, ATTACKER, 3_000);

        assertThat(third.reportSource()).isTrue();
        assertThat(third.reportClient()).isTrue();
        assertThat(third.clientFailures()).isEqualTo(3);
        assertThat(third.clientSources()).isEqualTo(1);
        ClientSecretGuessingRule.Failure fourth = rule.recordFailure(CLIENT, ATTACKER, 4_000);
        assertThat(fourth.reportSource()).as("reported once per window").isFalse();
        assertThat(fourth.reportClient()).isFalse();
        assertThat(fourth.sourceFailures()).isEqualTo(4);
    }

    @Test
    void countsEachClientOnItsOwnAndSourcesPerClient() {
        ClientSecretGuessingRule rule = rule(2, 60);
        rule.recordFailure(CLIENT, ATTACKER, 1_000);
        ClientSecretGuessingRule.Failure amazon = rule.recordFailure(CLIENT, AMAZON, 1_001);
        ClientSecretGuessingRule.Failure other = rule.recordFailure("other-skill", ATTACKER, 1_002);

        assertThat(amazon.clientFailures()).isEqualTo(2);
        assertThat(amazon.clientSources()).isEqualTo(2);
        assertThat(amazon.sourceFailures()).isEqualTo(1);
        assertThat(amazon.reportClient()).as("the client reached 2 failures").isTrue();
        assertThat(amazon.reportSource()).isFalse();
        assertThat(other.clientFailures()).isEqualTo(1);
        assertThat(other.sourceFailures()).as("the same source, another client").isEqualTo(1);
    }

    @Test
    void aNewWindowStartsTheCountsAndTheReportsAfresh() {
        ClientSecretGuessingRule rule = rule(2, 10);
        rule.recordFailure(CLIENT, ATTACKER, 0);
        assertThat(rule.recordFailure(CLIENT, ATTACKER, 5_000).reportSource()).isTrue();

        ClientSecretGuessingRule.Failure next = rule.recordFailure(CLIENT, ATTACKER, 10_000);

        assertThat(next.sourceFailures()).isEqualTo(1);
        assertThat(next.clientFailures()).isEqualTo(1);
        assertThat(next.clientSources()).isEqualTo(1);
        assertThat(rule.recordFailure(CLIENT, ATTACKER, 11_000).reportSource()).isTrue();
    }

    @Test
    void sourceReportsOfAClientAreCappedPerWindow() {
        ClientSecretGuessingRule rule = rule(1, 60);
        int reports = 0;
        for (int i = 0; i < 100; i++) {
            if (rule.recordFailure(CLIENT, "10.0.0." + i, 1_000).reportSource()) {
                reports++;
            }
        }
        assertThat(reports).isEqualTo(ClientSecretGuessingRule.MAX_SOURCE_REPORTS_PER_WINDOW);
    }

    @Test
    void blankSettingsMeanTheDefaults() {
        assertThat(ClientSecretGuessingRule.settings(null, " "))
                .isEqualTo(new ClientSecretGuessingRule.Settings(
                        ClientSecretGuessingRule.DEFAULT_MAX_FAILURES,
                        ClientSecretGuessingRule.DEFAULT_WINDOW_SECONDS));
        assertThat(ClientSecretGuessingRule.settings("5", "30"))
                .isEqualTo(new ClientSecretGuessingRule.Settings(5, 30));
    }

    @Test
    void badSettingsAreRefusedNamingEachValueAndTheRule() {
        assertThatThrownBy(() -> ClientSecretGuessingRule.settings("0", "86401"))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .hasMessageContaining(ClientSecretGuessingRule.NAME)
                .hasMessageContaining("max-failures '0' must be a whole number from 1 to 10000")
                .hasMessageContaining("failure-window-seconds '86401' must be a whole number from 1 to 86400")
                .satisfies(e -> assertThat(((InvalidRuleConfigurationException) e).problems())
                        .hasSize(2));
        assertThatThrownBy(() -> ClientSecretGuessingRule.settings("-3", "ten"))
                .hasMessageContaining("max-failures '-3'")
                .hasMessageContaining("failure-window-seconds 'ten'");
    }

    @Test
    void tracksABoundedNumberOfSourcesAndCountsTheRestForTheClient() {
        ClientSecretGuessingRule rule = rule(2, 1);
        int sources = 2 * ClientSecretGuessingRule.MAX_TRACKED_SOURCES;
        ClientSecretGuessingRule.Failure last = null;
        for (int i = 0; i < sources; i++) {
            last = rule.recordFailure(CLIENT, "10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff), 0);
        }
        assertThat(rule.trackedSources()).isEqualTo(ClientSecretGuessingRule.MAX_TRACKED_SOURCES);
        assertThat(last.clientFailures())
                .as("untracked sources still count for the client")
                .isEqualTo(sources);
        assertThat(last.sourceFailures()).as("an untracked source").isZero();

        rule.recordFailure(CLIENT, ATTACKER, 10_000);

        assertThat(rule.trackedSources())
                .as("ended windows dropped, the new source tracked")
                .isEqualTo(1);
    }

    @Test
    void aForgedLongSourceIsKeyedByItsFirstCharacters() {
        String forged = "1".repeat(60_000);
        assertThat(ClientSecretGuessingRule.sourceKey(forged)).hasSize(ClientSecretGuessingRule.MAX_SOURCE_LENGTH + 1);
        assertThat(ClientSecretGuessingRule.sourceKey(AMAZON)).isEqualTo(AMAZON);
        ClientSecretGuessingRule rule = rule(2, 60);
        rule.recordFailure(CLIENT, forged, 0);
        assertThat(rule.recordFailure(CLIENT, forged + "x", 0).sourceFailures()).isEqualTo(2);
    }
}
