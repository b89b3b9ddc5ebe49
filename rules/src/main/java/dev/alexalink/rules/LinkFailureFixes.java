package dev.alexalink.rules;

import java.util.Optional;

/**
 * What an admin can do about a failed link step, for the failures whose cause lies in the realm's configuration rather
 * than with the user. Keycloak's own reasons say what happened ("Offline tokens not allowed for the user or client"),
 * not where to change it. The errors and reasons are the ones Keycloak 26 records in its events.
 */
public final class LinkFailureFixes {

    static final String OFFLINE_NOT_ALLOWED = "Offline tokens not allowed";
    static final String OFFLINE_SESSION_EXPIRED = "Offline session not active";

    private LinkFailureFixes() {}

    /**
     * @param link   the failed step
     * @param reason the reason Keycloak recorded with the event, or null
     * @return the fix, or empty when the failure is no configuration problem (a wrong password, a denied consent, a
     *         link the user ended) or not one this class knows
     */
    public static Optional<String> fixFor(LinkEvent link, String reason) {
        if (!link.failed()) {
            return Optional.empty();
        }
        String why = reason == null ? "" : reason;
        switch (link.error()) {
            case "not_allowed":
                if (why.startsWith(OFFLINE_NOT_ALLOWED)) {
                    return Optional.of(
                            "give the user the realm role 'offline_access' (Users > the user > Role mapping), or"
                                    + " make sure it is among the realm's default roles and the user has them: users imported from"
                                    + " a realm file get only the roles the file lists");
                }
                return Optional.empty();
            case "invalid_client_credentials":
                return Optional.of(
                        "the secret Alexa sent is not the client's: copy Clients > '" + SafeText.of(link.skill())
                                + "' > Credentials > Client Secret into the Alexa developer console (Account Linking > Your Secret)");
            case "invalid_token":
                if (link.action() == LinkAction.REFRESH && why.startsWith(OFFLINE_SESSION_EXPIRED)) {
                    return Optional.of(
                            "the link's offline session timed out and the user must link again; to keep links"
                                    + " alive, set Realm settings > Sessions > Offline Session Idle to 730 days and turn off"
                                    + " Offline Session Max Limited");
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }
}
