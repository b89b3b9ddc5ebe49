package dev.alexalink.checker;

/**
 * What Amazon needs from the token endpoint's answer to a code it cannot redeem: an OAuth error as JSON, and, when the
 * skill's credentials are right, {@code invalid_grant}, never an HTML page, a redirect or a refused client.
 */
public final class TokenAnswers {

    /** The errors of RFC 6749 §5.2 (and server errors) whose fix {@link OAuthErrors} knows for a code exchange. */
    private static final java.util.Set<String> KNOWN_ERRORS = java.util.Set.of(
            "invalid_request",
            "unauthorized_client",
            "unsupported_grant_type",
            "invalid_scope",
            "server_error",
            "temporarily_unavailable");

    private TokenAnswers() {}

    /** Judges the answer to a bogus code; scheme null means the request carried no client credentials. */
    public static Check bogusCode(String name, TokenClient.Answer answer, Target.ClientAuth scheme, Target target) {
        Check shape = oauthJson(name, answer);
        if (shape != null) {
            return shape;
        }
        String error = answer.field("error");
        if (scheme == null) {
            return Check.pass(
                    name,
                    answer.summary()
                            + " (an OAuth error as JSON; give --client-id and --client-secret to check for invalid_grant)");
        }
        if ("invalid_grant".equals(error)) {
            return Check.pass(name, answer.summary());
        }
        if ("invalid_client".equals(error) || answer.status() == 401) {
            return Check.fail(
                    name,
                    "the skill's credentials were refused: " + answer.summary(),
                    scheme == Target.ClientAuth.BASIC
                            ? "check the client ID and secret; with HTTP Basic, Amazon form-urlencodes both before base64 (RFC 6749 §2.3.1), "
                                    + "so use a secret of letters and digits only, and let the client accept client_secret_basic (Keycloak: Client "
                                    + "Authenticator 'Client Id and Secret')"
                            : "check the client ID and secret; the client must accept credentials in the body (client_secret_post; Keycloak's "
                                    + "Client Authenticator 'Client Id and Secret' accepts both)");
        }
        if (KNOWN_ERRORS.contains(error)) {
            return Check.fail(
                    name,
                    "expected error invalid_grant for a code that was never issued, got " + answer.summary(),
                    OAuthErrors.fix(OAuthErrors.Step.CODE_EXCHANGE, error, answer.field("error_description"), target));
        }
        return Check.fail(
                name,
                "expected error invalid_grant for a code that was never issued, got " + answer.summary(),
                "the token endpoint must reject an unknown code with invalid_grant (RFC 6749 §5.2); check what sits in front of it");
    }

    /** Null when the answer is an OAuth JSON error; otherwise the failure that says what came instead. */
    static Check oauthJson(String name, TokenClient.Answer answer) {
        if (answer.failure() != null) {
            return Check.fail(
                    name,
                    answer.failure(),
                    "make the token endpoint reachable from the internet on the issuer's host and port");
        }
        if (answer.status() >= 300 && answer.status() < 400) {
            return Check.fail(
                    name,
                    "a redirect instead of JSON: " + answer.summary(),
                    "Amazon does not follow redirects at the token endpoint: publish the exact URL from the discovery document (no "
                            + "http->https or trailing-slash redirects, no single sign-on or login wall of the proxy in front of it)");
        }
        if (!answer.isJson()) {
            return Check.fail(
                    name,
                    "not JSON: " + answer.summary(),
                    "the token endpoint must answer application/json; an HTML "
                            + "answer usually is a proxy's error or login page: pass /realms/{realm}/protocol/openid-connect/token straight "
                            + "through to Keycloak (proxy_pass with the full path; no auth_request or WAF page on it)");
        }
        if (answer.field("error") == null) {
            return Check.fail(
                    name,
                    "JSON without an OAuth 'error' for a code that was never issued: " + answer.summary(),
                    "this is not an OAuth 2.0 token endpoint: check the Access Token URI");
        }
        return null;
    }
}
