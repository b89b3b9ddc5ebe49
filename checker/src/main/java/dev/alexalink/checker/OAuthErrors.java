package dev.alexalink.checker;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fix for each OAuth error Amazon can be given (RFC 6749 §4.1.2.1 and §5.2), and for Keycloak's own error pages,
 * at the step where it came: the authorization request, the code exchange or a refresh.
 */
final class OAuthErrors {

    /** Where the error came. */
    enum Step {
        AUTHORIZATION,
        CODE_EXCHANGE,
        REFRESH
    }

    /** Keycloak's "Invalid scopes: a b" and the alexa-scopes rule's "scope a b is not allowed …". */
    private static final Pattern REFUSED_SCOPE =
            Pattern.compile("(?i)(?:invalid scopes?:\\s*(.+)|scopes? (.+?) (?:is|are) not allowed)");

    private OAuthErrors() {}

    /** The fix for an OAuth error; the description (may be null) is the server's error_description. */
    static String fix(Step step, String error, String description, Target target) {
        String client = "client " + target.clientId();
        String said = description == null || description.isBlank() ? "" : " (" + description + ")";
        return switch (error == null ? "" : error) {
            case "invalid_scope" -> invalidScope(description, target);
            case "invalid_request" ->
                step == Step.AUTHORIZATION
                        ? "the authorization request was refused as malformed" + said
                                + ": Alexa sends response_type=code, "
                                + "client_id, redirect_uri, a state of several hundred characters and the console's scopes, "
                                + "without PKCE; so " + client
                                + " must not require PKCE (Keycloak: Client > Advanced > Proof Key "
                                + "for Code Exchange Code Challenge Method empty) and no proxy may cut or rewrite the query"
                        : "the token request was refused as malformed" + said
                                + ": a proxy in front of the token endpoint "
                                + "must pass the form body (application/x-www-form-urlencoded) and the Authorization header "
                                + "unchanged";
            case "unauthorized_client" ->
                client
                        + " may not use the authorization code grant: enable Standard flow (Keycloak: Client > Settings > "
                        + "Capability config > Standard flow)";
            case "invalid_client" ->
                "the skill's credentials were refused" + said + ": --client-id and the secret must be the Alexa "
                        + "console's Client ID and Client Secret, " + client + " must have Client authentication on, "
                        + "and accept the console's Authentication Scheme (Keycloak: Client Authenticator 'Client Id and Secret')";
            case "invalid_grant" -> invalidGrant(step, description, target);
            case "access_denied" ->
                "the test user was denied access" + said + ": it must accept the consent, and the realm's browser flow "
                        + "or a client policy must let it use " + client
                        + " (required roles or groups, a condition in the flow)";
            case "unsupported_response_type" ->
                client + " must accept response_type=code, the only one Alexa sends (Keycloak: Standard flow enabled)";
            case "unsupported_grant_type" ->
                client + " must accept grant_type " + (step == Step.REFRESH ? "refresh_token" : "authorization_code")
                        + " (Keycloak: Standard flow enabled)";
            case "server_error" ->
                "Keycloak failed on the request" + said + ": its log has the error and stack trace at the time of this "
                        + "run; fix that (often the database or a provider)";
            case "temporarily_unavailable" ->
                "Keycloak is overloaded or still starting" + said + ": check its log, CPU and database, then run again";
            default ->
                "the server refused with error " + error + said
                        + ": Keycloak's log names the reason (events LOGIN_ERROR, "
                        + "CODE_TO_TOKEN_ERROR or REFRESH_TOKEN_ERROR)";
        };
    }

    /** The fix for a token endpoint's OAuth error; a 401 is a refused client, whatever the error says. */
    static String tokenFix(Step step, TokenClient.Answer answer, Target target) {
        String error = answer.status() == 401 ? "invalid_client" : answer.field("error");
        return fix(step, error, answer.field("error_description"), target);
    }

    /** The fix for a Keycloak error page shown instead of the sign-in page, from the page's text. */
    static String errorPageFix(String pageText, Target target) {
        String text = pageText == null ? "" : pageText.toLowerCase(Locale.ROOT);
        String client = "client " + target.clientId();
        if (text.contains("redirect_uri") || text.contains("redirect uri")) {
            return client + " must list the three Alexa Redirect URLs of vendor " + target.vendorId()
                    + " exactly (Keycloak: Client > Settings > Valid redirect URIs)";
        }
        if (text.contains("client not found")) {
            return "there is no " + client + " in this realm: --client-id must be the Alexa console's Client ID, "
                    + "the Client ID of a client of the realm of ISSUER";
        }
        if (text.contains("disabled")) {
            return text.contains("standard flow")
                    ? fix(Step.AUTHORIZATION, "unauthorized_client", null, target)
                    : "enable " + client + " (Keycloak: Client > Settings > Enabled)";
        }
        if (text.contains("scope")) {
            return invalidScope(pageText, target);
        }
        if (text.contains("missing parameter")
                || text.contains("invalid request")
                || text.contains("invalid parameter")) {
            return fix(Step.AUTHORIZATION, "invalid_request", pageText, target);
        }
        return "check that " + client + " exists, is enabled, has the standard flow and lists the three Alexa Redirect "
                + "URLs of vendor " + target.vendorId()
                + " exactly; Keycloak's log names the reason (event LOGIN_ERROR)";
    }

    private static String invalidScope(String description, Target target) {
        String named = refusedScope(description);
        String scopes = named != null
                ? "the scopes " + named + " named in the error"
                : "the scopes of the Alexa console"
                        + (target.scope() == null ? "" : " (--scope '" + target.scope() + "')");
        return scopes + " must be allowed for client " + target.clientId() + ": each must be a default or optional "
                + "client scope of the client (Keycloak: Client > Client scopes) and in the allowed-scopes of the realm's "
                + "alexa-scopes executor (Realm settings > Client policies > Profiles > alexa-account-linking), or be removed from the "
                + "skill's scopes in the Alexa console";
    }

    /** The scope names an error description gives, or null. */
    static String refusedScope(String description) {
        if (description == null) {
            return null;
        }
        Matcher matcher = REFUSED_SCOPE.matcher(description);
        if (!matcher.find()) {
            return null;
        }
        String scope = (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)).trim();
        return scope.isEmpty() ? null : "'" + scope + "'";
    }

    private static String invalidGrant(Step step, String description, Target target) {
        String said = description == null || description.isBlank() ? "" : " (" + description + ")";
        String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if (step == Step.AUTHORIZATION) {
            return "the authorization was refused" + said + ": Keycloak's log names the reason (event LOGIN_ERROR)";
        }
        if (step == Step.CODE_EXCHANGE) {
            return "the fresh code was refused" + said + ": the exchange must name the same redirect_uri as the "
                    + "authorization, come within the realm's Client Login Timeout (Realm settings > Tokens) and reach a "
                    + "Keycloak node that shares the sessions of the one that issued the code (cluster caches, sticky sessions)";
        }
        if (text.contains("reuse")) {
            return "let refresh tokens be used more than once: Alexa retries refreshes (Keycloak: Realm settings > Tokens > "
                    + "Revoke Refresh Token off, or Refresh Token Max Reuse above 0)";
        }
        if (text.contains("session")) {
            return "the offline session ended" + said + ": raise Offline Session Idle to 365 days or more and leave "
                    + "Offline Session Max Limited off (Keycloak: Realm settings > Sessions; per client: Client > Advanced)";
        }
        return "the refresh token was refused" + said
                + ": Keycloak's log names the reason (event REFRESH_TOKEN_ERROR); "
                + "check Realm settings > Sessions (offline session idle and max) and Tokens (Revoke Refresh Token)";
    }
}
