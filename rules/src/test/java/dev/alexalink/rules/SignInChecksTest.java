package dev.alexalink.rules;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static dev.alexalink.rules.SampleSettings.clientWith;
import static dev.alexalink.rules.SampleSettings.goodClient;
import static dev.alexalink.rules.SampleSettings.goodRealm;
import static dev.alexalink.rules.SampleSettings.realmWith;
import static org.assertj.core.api.Assertions.assertThat;

class SignInChecksTest {

    @Test
    void anotherThemeIsAWarningNotAFailure() {
        Check theme = SignInChecks.theme(clientWith(goodClient(), "theme", "keycloak.v2"));

        assertThat(theme.status()).isEqualTo(Check.Status.WARN);
        assertThat(theme.finding()).contains("theme 'keycloak.v2'");
        assertThat(theme.fix()).contains("login_theme=alexa");
        assertThat(SignInChecks.theme(clientWith(goodClient(), "theme", null)).finding())
                .contains("'keycloak.v2'");
    }

    @Test
    void aUrlWithoutAHostIsUnknownAndEveryProblemOfAnotherIsNamed() {
        assertThat(SignInChecks.frontendUrl(URI.create("file:/x")).finding())
                .isEqualTo("the realm's frontend URL is unknown");

        Check check = SignInChecks.frontendUrl(URI.create("http://localhost:8080"));
        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.finding())
                .contains("it is not https, it uses port 8080, not 443, its host 'localhost' is not a public DNS name");
    }

    @Test
    void fiveMinutesOfSsoSessionAreEnoughAndLessIsNot() {
        assertThat(SignInChecks.ssoSession(
                                realmWith(goodRealm(), "ssoSessionIdleTimeout", SignInChecks.MINIMUM_SSO_SECONDS))
                        .status())
                .isEqualTo(Check.Status.PASS);
        assertThat(SignInChecks.ssoSession(
                                realmWith(goodRealm(), "ssoSessionIdleTimeout", SignInChecks.MINIMUM_SSO_SECONDS - 1))
                        .status())
                .isEqualTo(Check.Status.FAIL);
    }
}
