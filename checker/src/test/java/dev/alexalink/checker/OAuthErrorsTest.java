package dev.alexalink.checker;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.alexalink.checker.OAuthErrors.Step.AUTHORIZATION;
import static dev.alexalink.checker.OAuthErrors.Step.CODE_EXCHANGE;
import static dev.alexalink.checker.OAuthErrors.Step.REFRESH;
import static org.assertj.core.api.Assertions.assertThat;

/** Every OAuth error gets the fix for that error, not a generic one. */
class OAuthErrorsTest {

    private static final Target TARGET = Target.of(
            "https://auth.example.com/realms/alexa",
            "alexa-skill",
            "secret",
            "alexa-check",
            "pw",
            "M2AAA",
            "profile orders",
            null,
            List.of(),
            15);

    @Test
    void invalidScopeNamesTheRefusedScopeAndWhereToAllowIt() {
        String keycloak = OAuthErrors.fix(AUTHORIZATION, "invalid_scope", "Invalid scopes: profile orders", TARGET);
        assertThat(keycloak)
                .startsWith("the scopes 'profile orders' named in the error must be allowed for client alexa-skill")
                .contains("default or optional client scope", "alexa-scopes executor", "Alexa console")
                .doesNotContain("redirect");
        String rule = OAuthErrors.fix(
                AUTHORIZATION,
                "invalid_scope",
                "scope acr is not allowed for this Alexa skill (allowed: openid profile)",
                TARGET);
        assertThat(rule).startsWith("the scopes 'acr' named in the error");
        assertThat(OAuthErrors.fix(CODE_EXCHANGE, "invalid_scope", null, TARGET))
                .startsWith("the scopes of the Alexa console (--scope 'profile orders') must be allowed");
    }

    @Test
    void eachErrorHasItsOwnFix() {
        assertThat(OAuthErrors.fix(
                        AUTHORIZATION, "invalid_request", "Missing parameter: code_challenge_method", TARGET))
                .contains("malformed (Missing parameter: code_challenge_method)", "PKCE");
        assertThat(OAuthErrors.fix(CODE_EXCHANGE, "invalid_request", null, TARGET))
                .contains("token request was refused as malformed", "form body");
        assertThat(OAuthErrors.fix(AUTHORIZATION, "unauthorized_client", null, TARGET))
                .contains("client alexa-skill may not use the authorization code grant", "Standard flow");
        assertThat(OAuthErrors.fix(CODE_EXCHANGE, "invalid_client", "Invalid client credentials", TARGET))
                .contains("credentials were refused (Invalid client credentials)", "Client Secret");
        assertThat(OAuthErrors.fix(CODE_EXCHANGE, "invalid_grant", "Code not valid", TARGET))
                .contains("fresh code was refused (Code not valid)", "same redirect_uri", "Client Login Timeout");
        assertThat(OAuthErrors.fix(REFRESH, "invalid_grant", "Offline session not active", TARGET))
                .contains("offline session ended", "Offline Session Idle");
        assertThat(OAuthErrors.fix(REFRESH, "invalid_grant", "Maximum allowed refresh token reuse exceeded", TARGET))
                .contains("Refresh Token Max Reuse");
        assertThat(OAuthErrors.fix(REFRESH, "invalid_grant", "Token is not active", TARGET))
                .contains("REFRESH_TOKEN_ERROR");
        assertThat(OAuthErrors.fix(AUTHORIZATION, "access_denied", null, TARGET))
                .contains("test user was denied access", "consent");
        assertThat(OAuthErrors.fix(AUTHORIZATION, "server_error", "boom", TARGET))
                .contains("Keycloak failed on the request (boom)", "log");
        assertThat(OAuthErrors.fix(AUTHORIZATION, "temporarily_unavailable", null, TARGET))
                .contains("overloaded");
        assertThat(OAuthErrors.fix(AUTHORIZATION, "unsupported_response_type", null, TARGET))
                .contains("response_type=code");
        assertThat(OAuthErrors.fix(REFRESH, "unsupported_grant_type", null, TARGET))
                .contains("grant_type refresh_token");
        assertThat(OAuthErrors.fix(AUTHORIZATION, "login_required", null, TARGET))
                .contains("refused with error login_required", "LOGIN_ERROR");
        for (String error : List.of(
                "invalid_scope",
                "invalid_request",
                "unauthorized_client",
                "invalid_client",
                "invalid_grant",
                "access_denied",
                "server_error",
                "unsupported_response_type")) {
            assertThat(OAuthErrors.fix(AUTHORIZATION, error, null, TARGET))
                    .as(error)
                    .doesNotContain("Redirect URL", "redirect URI");
        }
    }

    @Test
    void keycloakErrorPagesAreReadForTheirCause() {
        assertThat(OAuthErrors.errorPageFix("HTTP 400 'Sign in' : Invalid parameter: redirect_uri", TARGET))
                .contains("three Alexa Redirect URLs of vendor M2AAA", "Valid redirect URIs");
        assertThat(OAuthErrors.errorPageFix("'Sign in' Client not found.", TARGET))
                .contains("there is no client alexa-skill", "Client ID");
        assertThat(OAuthErrors.errorPageFix("Client disabled.", TARGET)).contains("enable client alexa-skill");
        assertThat(OAuthErrors.errorPageFix(
                        "Client is not allowed to initiate browser login with given response_type. Standard flow is "
                                + "disabled for the client.",
                        TARGET))
                .contains("Standard flow");
        assertThat(OAuthErrors.errorPageFix("Invalid scopes: orders", TARGET)).startsWith("the scopes 'orders'");
        assertThat(OAuthErrors.errorPageFix("Missing parameter: code_challenge_method", TARGET))
                .contains("PKCE");
        assertThat(OAuthErrors.errorPageFix("HTTP 400 'We are sorry...'", TARGET))
                .contains("exists, is enabled, has the standard flow");
    }

    @Test
    void aTokenAnswerOf401IsARefusedClient() throws Exception {
        String body =
                "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}";
        TokenClient.Answer refused = new TokenClient.Answer(
                "code exchange", 401, "application/json", null, body, new ObjectMapper().readTree(body), 5, null);
        assertThat(OAuthErrors.tokenFix(CODE_EXCHANGE, refused, TARGET)).contains("credentials were refused");
    }
}
