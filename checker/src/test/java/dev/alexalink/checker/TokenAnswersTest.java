package dev.alexalink.checker;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenAnswersTest {

    private static final Target TARGET = Target.of(
            "https://auth.example.com/realms/alexa",
            "alexa-skill",
            "secret",
            null,
            null,
            "M2AAA",
            "profile",
            null,
            java.util.List.of(),
            15);

    private static TokenClient.Answer answer(int status, String contentType, String location, String body)
            throws Exception {
        return new TokenClient.Answer(
                "bogus code",
                status,
                contentType,
                location,
                body,
                contentType != null && contentType.startsWith("application/json")
                        ? new ObjectMapper().readTree(body)
                        : null,
                12,
                null);
    }

    @Test
    void invalidGrantAsJsonPasses() throws Exception {
        Check check = TokenAnswers.bogusCode(
                "n",
                answer(
                        400,
                        "application/json",
                        null,
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Code not valid\"}"),
                Target.ClientAuth.BASIC,
                TARGET);
        assertThat(check.outcome()).isEqualTo(Outcome.PASS);
        assertThat(check.detail()).isEqualTo("HTTP 400 application/json, error invalid_grant (Code not valid), 12 ms");
    }

    @Test
    void htmlAndRedirectsFailWithTheProxyFix() throws Exception {
        Check html = TokenAnswers.bogusCode(
                "n",
                answer(502, "text/html", null, "<html><title>502 Bad Gateway</title></html>"),
                Target.ClientAuth.BASIC,
                TARGET);
        assertThat(html.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(html.detail()).startsWith("not JSON: HTTP 502 text/html, body '<html><title>502 Bad Gateway");
        assertThat(html.fix()).contains("proxy");
        Check redirect = TokenAnswers.bogusCode(
                "n", answer(302, "text/html", "https://sso.example.com/login", ""), null, TARGET);
        assertThat(redirect.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(redirect.detail()).contains("a redirect instead of JSON", "Location https://sso.example.com/login");
    }

    @Test
    void refusedCredentialsFailNamingTheScheme() throws Exception {
        TokenClient.Answer refused = answer(
                401,
                "application/json",
                null,
                "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}");
        Check basic = TokenAnswers.bogusCode("n", refused, Target.ClientAuth.BASIC, TARGET);
        assertThat(basic.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(basic.detail()).contains("credentials were refused", "HTTP 401");
        assertThat(basic.fix()).contains("RFC 6749 §2.3.1");
        assertThat(TokenAnswers.bogusCode("n", refused, Target.ClientAuth.BODY, TARGET)
                        .fix())
                .contains("client_secret_post");
    }

    @Test
    void anotherOAuthErrorForTheBogusCodeGetsItsOwnFix() throws Exception {
        Check scope = TokenAnswers.bogusCode(
                "n",
                answer(
                        400,
                        "application/json",
                        null,
                        "{\"error\":\"invalid_scope\",\"error_description\":\"Invalid scopes: orders\"}"),
                Target.ClientAuth.BASIC,
                TARGET);
        assertThat(scope.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(scope.detail()).contains("expected error invalid_grant", "error invalid_scope");
        assertThat(scope.fix())
                .contains("'orders'", "client scope", "alexa-scopes")
                .doesNotContain("redirect");
        Check unauthorized = TokenAnswers.bogusCode(
                "n",
                answer(400, "application/json", null, "{\"error\":\"unauthorized_client\"}"),
                Target.ClientAuth.BODY,
                TARGET);
        assertThat(unauthorized.fix()).contains("Standard flow");
        Check server = TokenAnswers.bogusCode(
                "n",
                answer(500, "application/json", null, "{\"error\":\"server_error\"}"),
                Target.ClientAuth.BASIC,
                TARGET);
        assertThat(server.fix()).contains("Keycloak failed", "its log");
    }

    @Test
    void withoutCredentialsAnyOAuthErrorAsJsonPasses() throws Exception {
        Check check = TokenAnswers.bogusCode(
                "n", answer(401, "application/json", null, "{\"error\":\"invalid_client\"}"), null, TARGET);
        assertThat(check.outcome()).isEqualTo(Outcome.PASS);
        assertThat(check.detail()).contains("give --client-id and --client-secret");
        assertThat(TokenAnswers.bogusCode("n", answer(200, "application/json", null, "{\"ok\":true}"), null, TARGET)
                        .outcome())
                .isEqualTo(Outcome.FAIL);
    }

    @Test
    void basicCredentialsAreFormEncodedBeforeBase64() {
        // RFC 6749 §2.3.1: "a+b" becomes "a%2Bb" before it is joined and base64-encoded.
        assertThat(TokenClient.basic("alexa-skill", "a+b:c"))
                .isEqualTo("Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString(
                                        "alexa-skill:a%2Bb%3Ac".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
