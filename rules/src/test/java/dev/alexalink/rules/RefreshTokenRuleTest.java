package dev.alexalink.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.alexalink.rules.SampleSettings.clientWith;
import static dev.alexalink.rules.SampleSettings.find;
import static dev.alexalink.rules.SampleSettings.goodClient;
import static dev.alexalink.rules.SampleSettings.goodRealm;
import static dev.alexalink.rules.SampleSettings.realmWith;
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
    // The report's checks
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void minimumIdleIsOneYear() {
        assertThat(RefreshTokenRule.MINIMUM_OFFLINE_IDLE_SECONDS).isEqualTo(YEAR);
    }

    @Test
    void aGoodRealmAndClientPassEveryCheck() {
        assertThat(RefreshTokenRule.realmChecks(goodRealm()))
                .extracting(Check::status)
                .containsOnly(Check.Status.PASS);
        assertThat(RefreshTokenRule.offlineAccessChecks(goodRealm()))
                .extracting(Check::status)
                .containsOnly(Check.Status.PASS);
        assertThat(RefreshTokenRule.clientChecks(goodRealm(), goodClient()))
                .extracting(Check::status)
                .containsOnly(Check.Status.PASS);
    }

    @Test
    void revokeWithoutReuseFailsAndReuseAllowedPasses() {
        RealmSettings revoking = realmWith(goodRealm(), "revokeRefreshToken", 0);

        Check check = find(RefreshTokenRule.realmChecks(revoking), "refresh-token-reuse");
        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.finding()).startsWith("'Revoke Refresh Token' is on with max reuse 0");
        assertThat(check.fix()).contains("revokeRefreshToken=false");
    }

    @Test
    void offlineIdleJustBelowAYearFailsAndAYearPasses() {
        assertThat(find(
                                RefreshTokenRule.realmChecks(
                                        realmWith(goodRealm(), "offlineSessionIdleTimeout", YEAR - 1)),
                                "offline-session-idle")
                        .status())
                .isEqualTo(Check.Status.FAIL);
        Check thirty = find(
                RefreshTokenRule.realmChecks(realmWith(goodRealm(), "offlineSessionIdleTimeout", 30 * DAY)),
                "offline-session-idle");
        assertThat(thirty.finding()).startsWith("'Offline Session Idle' is 30 days (2592000 s)");
        assertThat(find(
                                RefreshTokenRule.realmChecks(realmWith(goodRealm(), "offlineSessionIdleTimeout", YEAR)),
                                "offline-session-idle")
                        .status())
                .isEqualTo(Check.Status.PASS);
    }

    @Test
    void aLimitedOfflineMaxFailsAndZeroMeansUnlimited() {
        assertThat(find(
                                RefreshTokenRule.realmChecks(realmWith(goodRealm(), "offlineSessionMax", 60 * DAY)),
                                "offline-session-max")
                        .finding())
                .contains("every link ends after 60 days");
        assertThat(find(
                                RefreshTokenRule.realmChecks(realmWith(goodRealm(), "offlineSessionMax", 0)),
                                "offline-session-max")
                        .status())
                .isEqualTo(Check.Status.PASS);
    }

    @Test
    void aClientWithoutOfflineAccessOrRefreshTokensOrWithItsOwnOfflineLimitsFails() {
        List<Check> checks = RefreshTokenRule.clientChecks(
                goodRealm(),
                clientWith(
                        goodClient(),
                        "attribute",
                        Map.of("use.refresh.tokens", "false", "client.offline.session.max.lifespan", "31536000")));

        assertThat(find(checks, "refresh-tokens").finding()).contains("'Use refresh tokens' is off");
        assertThat(find(checks, "client-offline-session").finding())
                .contains("'Client Offline Session Max' of 365 days");
        assertThat(find(
                                RefreshTokenRule.clientChecks(realmWith(goodRealm(), "defaultRoles", 0), goodClient()),
                                "offline-access")
                        .finding())
                .contains("users do not get the 'offline_access' role by default");
    }
}
