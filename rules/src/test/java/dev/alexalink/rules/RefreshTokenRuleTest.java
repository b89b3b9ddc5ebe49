package dev.alexalink.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshTokenRuleTest {

    private static final int DAY = 24 * 3600;
    private static final int YEAR = 365 * DAY;

    private final RefreshTokenRule rule = new RefreshTokenRule();

    // ---------------------------------------------------------------------------------------------------------------
    // checkIssued
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void offlineTokenIsFine() {
        assertThat(rule.checkIssued("Offline")).isEmpty();
    }

    @Test
    void ordinaryRefreshTokenIsRefusedNamingOfflineAccess() {
        Optional<Violation> violation = rule.checkIssued("Refresh");

        assertThat(violation).isPresent();
        assertThat(violation.get().rule()).isEqualTo(RefreshTokenRule.NAME);
        assertThat(violation.get().message()).contains("'Refresh'").contains("offline_access");
    }

    @ParameterizedTest
    @ValueSource(strings = {"offline", "OFFLINE", "", "Bearer"})
    void otherTypesAreRefused(String type) {
        assertThat(rule.checkIssued(type)).isPresent();
    }

    @Test
    void noRefreshTokenIsRefused() {
        Optional<Violation> violation = rule.checkIssued(null);

        assertThat(violation).isPresent();
        assertThat(violation.get().message()).contains("no refresh token").contains("Use refresh tokens");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // checkUseRefreshTokens
    // ---------------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"true", "TRUE", "anything"})
    void useRefreshTokensOnOrUnsetIsFine(String value) {
        assertThat(rule.checkUseRefreshTokens(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "False"})
    void useRefreshTokensOffIsRefused(String value) {
        assertThat(rule.checkUseRefreshTokens(value)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo(RefreshTokenRule.NAME);
            assertThat(v.message()).contains("'Use refresh tokens' is off");
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // checkRealm
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void minimumIdleIsOneYear() {
        assertThat(RefreshTokenRule.MINIMUM_OFFLINE_IDLE_SECONDS).isEqualTo(YEAR);
    }

    @Test
    void goodRealmHasNoViolations() {
        assertThat(rule.checkRealm(false, 0, YEAR, false, 0)).isEmpty();
    }

    @Test
    void revokeWithoutReuseIsRefused() {
        List<Violation> violations = rule.checkRealm(true, 0, YEAR, false, 0);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(RefreshTokenRule.NAME);
            assertThat(v.message()).contains("'Revoke Refresh Token' is on with max reuse 0");
        });
    }

    @Test
    void revokeWithReuseAllowedIsFine() {
        assertThat(rule.checkRealm(true, 1, YEAR, false, 0)).isEmpty();
        assertThat(rule.checkRealm(true, 5, YEAR, false, 0)).isEmpty();
    }

    @Test
    void noReuseWithoutRevokeIsFine() {
        assertThat(rule.checkRealm(false, 0, YEAR, false, 0)).isEmpty();
    }

    @Test
    void thirtyDaysIdleIsRefused() {
        List<Violation> violations = rule.checkRealm(false, 0, 30 * DAY, false, 0);

        assertThat(violations).singleElement().extracting(Violation::message).asString()
                .contains("'Offline Session Idle' is 30 days (2592000 s)")
                .contains("at least 365 days (31536000 s)");
    }

    @Test
    void idleJustBelowOneYearIsRefused() {
        assertThat(rule.checkRealm(false, 0, YEAR - 1, false, 0)).hasSize(1);
    }

    @Test
    void oneYearOrMoreIdleIsFine() {
        assertThat(rule.checkRealm(false, 0, YEAR, false, 0)).isEmpty();
        assertThat(rule.checkRealm(false, 0, 2 * YEAR, false, 0)).isEmpty();
    }

    @Test
    void offlineSessionMaxEnabledIsRefused() {
        List<Violation> violations = rule.checkRealm(false, 0, YEAR, true, 60 * DAY);

        assertThat(violations).singleElement().extracting(Violation::message).asString()
                .contains("'Offline Session Max Limited' is on")
                .contains("60 days");
    }

    @Test
    void offlineSessionMaxDisabledIsFineWhateverItsValue() {
        assertThat(rule.checkRealm(false, 0, YEAR, false, 60 * DAY)).isEmpty();
    }

    @Test
    void offlineSessionMaxEnabledWithoutALimitIsFine() {
        assertThat(rule.checkRealm(false, 0, YEAR, true, 0)).isEmpty();
    }

    @Test
    void allRealmProblemsAreReportedTogether() {
        List<Violation> violations = rule.checkRealm(true, 0, 30 * DAY, true, 60 * DAY);

        assertThat(violations).extracting(Violation::message)
                .hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("Revoke Refresh Token"))
                .anySatisfy(m -> assertThat(m).contains("Offline Session Idle"))
                .anySatisfy(m -> assertThat(m).contains("Offline Session Max Limited"));
    }
}
