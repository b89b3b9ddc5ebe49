package dev.alexalink.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PkceRuleTest {

    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void s256IsAcceptedWhetherOrNotRequired() {
        assertThat(PkceRule.checkRequest(CHALLENGE, "S256", false)).isEmpty();
        assertThat(PkceRule.checkRequest(CHALLENGE, "S256", true)).isEmpty();
    }

    @Test
    void noPkceIsAcceptedUnlessRequired() {
        assertThat(PkceRule.checkRequest(null, null, false)).isEmpty();
        assertThat(PkceRule.checkRequest("", "", false)).isEmpty();
        assertThat(PkceRule.checkRequest(null, null, true))
                .get()
                .satisfies(v -> assertThat(v.rule()).isEqualTo(PkceRule.NAME))
                .satisfies(v -> assertThat(v.message()).contains("requires PKCE", "code_challenge_method=S256"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "s256", "S384", "none"})
    void otherMethodsAreRefusedByName(String method) {
        assertThat(PkceRule.checkRequest(CHALLENGE, method, false))
                .get()
                .satisfies(v ->
                        assertThat(v.message()).contains("'" + method + "'", "only with code_challenge_method=S256"));
    }

    @Test
    void aChallengeWithoutMethodMeansPlainAndIsRefused() {
        assertThat(PkceRule.checkRequest(CHALLENGE, null, false))
                .get()
                .satisfies(v -> assertThat(v.message()).contains("without code_challenge_method", "'plain'"));
    }

    @Test
    void aMethodWithoutChallengeIsRefused() {
        assertThat(PkceRule.checkRequest(null, "S256", false))
                .get()
                .satisfies(v -> assertThat(v.message()).contains("without a code_challenge"));
    }

    @Test
    void clientSettingIsUnsetOrS256() {
        assertThat(PkceRule.checkClientSetting(null)).isEmpty();
        assertThat(PkceRule.checkClientSetting("")).isEmpty();
        assertThat(PkceRule.checkClientSetting("S256")).isEmpty();
        assertThat(PkceRule.checkClientSetting("plain"))
                .get()
                .satisfies(v -> assertThat(v.message()).contains("'plain'", "set 'S256'"));
        assertThat(PkceRule.isRequired("S256")).isTrue();
        assertThat(PkceRule.isRequired(null)).isFalse();
    }
}
