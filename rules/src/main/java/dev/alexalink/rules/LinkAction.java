package dev.alexalink.rules;

/** The steps in the life of an Alexa account link that Keycloak's events record. */
public enum LinkAction {
    /** The user signed in and consented in the Alexa app; Alexa got an authorization code. */
    SIGN_IN("sign-in"),
    /** Alexa exchanged the code for tokens: the account is linked. */
    LINK("link"),
    /** Alexa refreshed its tokens. */
    REFRESH("refresh"),
    /** The user revoked the skill's access, in the account console or through the account API. */
    UNLINK_BY_USER("unlink-by-user"),
    /** An admin revoked the user's consent for the skill. */
    UNLINK_BY_ADMIN("unlink-by-admin"),
    /** The skill revoked its own refresh token (RFC 7009 token revocation). */
    UNLINK_BY_SKILL("unlink-by-skill"),
    /** The user was deleted, by an admin or by themselves, and with them every link. */
    UNLINK_BY_USER_DELETION("unlink-by-user-deletion");

    private final String id;

    LinkAction(String id) {
        this.id = id;
    }

    /** The name in event details, metric tags and logs. */
    public String id() {
        return id;
    }
}
