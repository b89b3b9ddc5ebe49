package dev.alexalink.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Alexa keeps one refresh token for months and retries a refresh whose answer it lost. So the refresh token must be
 * an offline token (it outlives the SSO session), must not die when used twice, and the offline session must not
 * expire while the user simply does not talk to the skill.
 */
public final class RefreshTokenRule {

    public static final String NAME = "alexa-refresh-tokens";
    public static final String OFFLINE_TYPE = "Offline";
    /** Links of users who do not use a skill for a while must survive; Home Assistant's 90 days were not enough. */
    public static final int MINIMUM_OFFLINE_IDLE_SECONDS = 365 * 24 * 3600;

    /** Checks the type ({@code typ}) of a refresh token about to be issued to an Alexa client. */
    public Optional<Violation> checkIssued(String refreshTokenType) {
        if (refreshTokenType == null) {
            return Optional.of(new Violation(NAME, "no refresh token would be issued: Alexa needs one;"
                    + " turn on 'Use refresh tokens' for the client"));
        }
        if (!OFFLINE_TYPE.equals(refreshTokenType)) {
            return Optional.of(new Violation(NAME, "the refresh token would be of type '" + refreshTokenType
                    + "', which dies with the SSO session; make 'offline_access' a default client scope of the client"
                    + " and grant the user the 'offline_access' role (part of default-roles)"));
        }
        return Optional.empty();
    }

    /** Checks the client's "use refresh tokens" switch (attribute {@code use.refresh.tokens}, default on). */
    public Optional<Violation> checkUseRefreshTokens(String attributeValue) {
        if ("false".equalsIgnoreCase(attributeValue)) {
            return Optional.of(new Violation(NAME, "'Use refresh tokens' is off: Alexa needs a refresh token; turn it on"));
        }
        return Optional.empty();
    }

    /** Realm settings that end links: single-use refresh tokens and offline sessions that expire. */
    public List<Violation> checkRealm(boolean revokeRefreshToken, int refreshTokenMaxReuse, int offlineSessionIdleSeconds,
                                      boolean offlineSessionMaxEnabled, int offlineSessionMaxSeconds) {
        List<Violation> violations = new ArrayList<>();
        if (revokeRefreshToken && refreshTokenMaxReuse < 1) {
            violations.add(new Violation(NAME, "'Revoke Refresh Token' is on with max reuse " + refreshTokenMaxReuse
                    + ": when Alexa retries a refresh whose answer was lost, the link ends; turn it off or allow reuse"));
        }
        if (offlineSessionIdleSeconds < MINIMUM_OFFLINE_IDLE_SECONDS) {
            violations.add(new Violation(NAME, "'Offline Session Idle' is " + days(offlineSessionIdleSeconds)
                    + ": users who do not use the skill for that long are unlinked; set it to at least "
                    + days(MINIMUM_OFFLINE_IDLE_SECONDS)));
        }
        if (offlineSessionMaxEnabled && offlineSessionMaxSeconds > 0) {
            violations.add(new Violation(NAME, "'Offline Session Max Limited' is on: every link ends after "
                    + days(offlineSessionMaxSeconds) + " however active; turn it off"));
        }
        return violations;
    }

    private static String days(int seconds) {
        return seconds / 86400 + " days (" + seconds + " s)";
    }
}
