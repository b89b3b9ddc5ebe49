package dev.alexalink.rules;

/**
 * Revoking an Alexa client's access token (RFC 7009) ends the user's link to the skill. When a user disables the skill,
 * Amazon deletes the tokens and asks the skill to revoke them too, but the skill's backend only ever holds the access
 * token; Keycloak alone would revoke just that token and leave the link (consent, offline session, refresh token)
 * alive. RFC 7009 §2.1 lets the server revoke the underlying grant along with an access token. Refresh and offline
 * tokens already end the link in Keycloak itself.
 */
public final class LinkRevocationRule {

    public static final String NAME = "alexa-link-revocation";

    private LinkRevocationRule() {}

    /** Whether revoking a token of this {@code typ} claim ends the link here (Keycloak handles the others). */
    public static boolean endsLinkOnRevocation(String tokenType) {
        return "Bearer".equalsIgnoreCase(tokenType) || "DPoP".equalsIgnoreCase(tokenType);
    }
}
