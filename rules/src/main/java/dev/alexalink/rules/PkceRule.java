package dev.alexalink.rules;

import java.util.Optional;

/**
 * Proof Key for Code Exchange on an Alexa client: when a challenge is sent, only {@code S256} (RFC 7636 §4.2). Alexa
 * sends S256 when PKCE is on in the skill's console; RFC 9700 §2.1.1 and the OAuth 2.1 profile of Alexa+ refuse
 * {@code plain}, which protects nothing once the authorization request is seen. A challenge without a method means
 * plain (RFC 7636 §4.3), so it is refused too. A skill can require PKCE (app-to-app linking, where the code passes
 * through the user's phone): then a request without a challenge is refused.
 */
public final class PkceRule {

    public static final String NAME = "alexa-pkce";
    public static final String S256 = "S256";
    /** Keycloak's client attribute "Proof Key for Code Exchange Code Challenge Method": S256 means PKCE is required. */
    public static final String CLIENT_ATTRIBUTE = "pkce.code.challenge.method";
    /** What the client's {@code pkce.code.challenge.method} attribute holds when PKCE is required. */
    public static final String REQUIRED = S256;

    private PkceRule() {}

    /**
     * @param challenge the {@code code_challenge} parameter, null when absent
     * @param method    the {@code code_challenge_method} parameter, null when absent
     * @param required  whether this skill requires PKCE
     */
    public static Optional<Violation> checkRequest(String challenge, String method, boolean required) {
        boolean hasChallenge = challenge != null && !challenge.isEmpty();
        boolean hasMethod = method != null && !method.isEmpty();
        if (!hasChallenge && hasMethod) {
            return Optional.of(new Violation(
                    NAME,
                    "code_challenge_method '" + SafeText.of(method)
                            + "' is sent without a code_challenge (RFC 7636 §4.3); send both, or neither"));
        }
        if (hasChallenge && !hasMethod) {
            return Optional.of(new Violation(
                    NAME,
                    "code_challenge is sent without code_challenge_method, which means"
                            + " 'plain'; Alexa clients accept PKCE only with code_challenge_method=S256"));
        }
        if (hasChallenge && !S256.equals(method)) {
            return Optional.of(new Violation(
                    NAME,
                    "code_challenge_method '" + SafeText.of(method)
                            + "' is refused; Alexa clients accept PKCE only with code_challenge_method=S256"));
        }
        if (!hasChallenge && required) {
            return Optional.of(
                    new Violation(
                            NAME,
                            "this skill requires PKCE: send code_challenge with"
                                    + " code_challenge_method=S256 (turn PKCE on in the Alexa console's account linking page)"));
        }
        return Optional.empty();
    }

    /** Checks the client's {@code pkce.code.challenge.method} attribute: unset (PKCE optional) or S256 (required). */
    public static Optional<Violation> checkClientSetting(String configured) {
        if (configured == null || configured.isBlank() || S256.equals(configured)) {
            return Optional.empty();
        }
        return Optional.of(new Violation(
                NAME,
                "PKCE method '" + SafeText.of(configured) + "' is refused for Alexa"
                        + " clients; set 'S256' to require PKCE, or clear it to accept S256 when the skill sends it"));
    }

    public static boolean isRequired(String configured) {
        return S256.equals(configured);
    }

    /** The report's check of a client's PKCE setting. */
    public static Check check(ClientSettings client) {
        String pkce = client.attributes().get(CLIENT_ATTRIBUTE);
        return Check.of(
                "pkce",
                checkClientSetting(pkce),
                "Clients > " + client.clientId()
                        + " > Advanced > Proof Key for Code Exchange Code Challenge Method: S256 or empty",
                isRequired(pkce)
                        ? "PKCE is required, with S256"
                        : "PKCE is accepted with S256 when the skill sends it");
    }
}
