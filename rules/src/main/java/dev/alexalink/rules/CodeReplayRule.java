package dev.alexalink.rules;

/**
 * RFC 6749 §4.1.2: an authorization code used twice must be refused, and the tokens already issued for it should be
 * revoked. Keycloak refuses the second use and detaches the online client session, but an Alexa link's tokens belong
 * to the offline session created by the first exchange, so without this rule they keep working. A second use is the
 * token request refused with {@code invalid_code} for a code whose user session is known.
 */
public final class CodeReplayRule {

    public static final String NAME = "alexa-code-replay";

    private CodeReplayRule() {}

    /** Whether this code-exchange failure is a replayed code whose first exchange's tokens are to be revoked. */
    public static boolean revokesFirstExchange(String eventType, String error, String userSessionId) {
        return "CODE_TO_TOKEN_ERROR".equals(eventType)
                && "invalid_code".equals(error)
                && userSessionId != null
                && !userSessionId.isBlank();
    }
}
