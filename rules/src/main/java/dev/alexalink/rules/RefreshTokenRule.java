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
            return Optional.of(new Violation(
                    NAME,
                    "no refresh token would be issued: Alexa needs one;"
                            + " turn on 'Use refresh tokens' for the client"));
        }
        if (!OFFLINE_TYPE.equals(refreshTokenType)) {
            return Optional.of(new Violation(
                    NAME,
                    "the refresh token would be of type '" + refreshTokenType
                            + "', which dies with the SSO session; make 'offline_access' a default client scope of the client"
                            + " and grant the user the 'offline_access' role (part of default-roles)"));
        }
        return Optional.empty();
    }

    /** Checks the client's "use refresh tokens" switch (attribute {@code use.refresh.tokens}, default on). */
    public Optional<Violation> checkUseRefreshTokens(String attributeValue) {
        if ("false".equalsIgnoreCase(attributeValue)) {
            return Optional.of(
                    new Violation(NAME, "'Use refresh tokens' is off: Alexa needs a refresh token; turn it on"));
        }
        return Optional.empty();
    }

    private static String days(int seconds) {
        return seconds / 86400 + " days (" + seconds + " s)";
    }

    static final String USE_REFRESH_TOKENS = "use.refresh.tokens";
    static final String CLIENT_OFFLINE_IDLE = "client.offline.session.idle.timeout";
    static final String CLIENT_OFFLINE_MAX = "client.offline.session.max.lifespan";

    /** The report's checks of the realm settings that end links: expiring offline sessions, single-use refresh tokens. */
    public static List<Check> realmChecks(RealmSettings realm) {
        List<Check> checks = new ArrayList<>();
        int idle = realm.offlineSessionIdleTimeout();
        checks.add(
                idle >= MINIMUM_OFFLINE_IDLE_SECONDS
                        ? Check.pass(
                                "offline-session-idle",
                                "'Offline Session Idle' is " + days(idle)
                                        + ": links of users who rarely use a skill survive")
                        : Check.fail(
                                "offline-session-idle",
                                "'Offline Session Idle' is " + days(idle)
                                        + ": users who do not use the skill for that long are unlinked",
                                "Realm settings > Sessions > Offline Session Idle: 730 days (offlineSessionIdleTimeout=63072000)"));
        checks.add(
                !realm.offlineSessionMaxLifespanEnabled() || realm.offlineSessionMaxLifespan() <= 0
                        ? Check.pass(
                                "offline-session-max",
                                "'Offline Session Max Limited' is off: active links never expire")
                        : Check.fail(
                                "offline-session-max",
                                "'Offline Session Max Limited' is on: every link ends after "
                                        + days(realm.offlineSessionMaxLifespan()) + ", however active",
                                "Realm settings > Sessions > Offline Session Max Limited: off (offlineSessionMaxLifespanEnabled=false)"));
        checks.add(refreshTokenReuse(realm));
        return checks;
    }

    private static Check refreshTokenReuse(RealmSettings realm) {
        if (!realm.revokeRefreshToken()) {
            return Check.pass(
                    "refresh-token-reuse",
                    "'Revoke Refresh Token' is off: a refresh Alexa retries after a lost answer still works");
        }
        if (realm.refreshTokenMaxReuse() >= 1) {
            return Check.pass(
                    "refresh-token-reuse",
                    "refresh tokens rotate, and each may be reused " + realm.refreshTokenMaxReuse()
                            + " time(s): a retried refresh still works");
        }
        return Check.fail(
                "refresh-token-reuse",
                "'Revoke Refresh Token' is on with max reuse 0: when Alexa retries a refresh"
                        + " whose answer was lost, the link ends",
                "Realm settings > Tokens > Revoke Refresh Token: off (revokeRefreshToken=false), or Refresh Token Max Reuse: 1 or more");
    }

    /** The report's checks that the realm can give users offline tokens at all. */
    public static List<Check> offlineAccessChecks(RealmSettings realm) {
        return List.of(
                realm.defaultRolesGrantOfflineAccess()
                        ? Check.pass(
                                "offline-access-role",
                                "new users get the 'offline_access' role through the realm's default roles")
                        : Check.fail(
                                "offline-access-role",
                                "the realm's default roles do not include 'offline_access': users get no"
                                        + " offline token, and their link dies with the SSO session",
                                "Realm settings > User registration > Default roles: assign 'offline_access'"),
                realm.offlineAccessScopeExists()
                        ? Check.pass("offline-access-scope", "the realm has the 'offline_access' client scope")
                        : Check.fail(
                                "offline-access-scope",
                                "the realm has no 'offline_access' client scope: no refresh token can be offline",
                                "Client scopes > Create client scope: name 'offline_access', type None, with the realm role 'offline_access' in its scope"));
    }

    /** The report's checks that a client gets offline refresh tokens whose sessions it does not shorten. */
    public static List<Check> clientChecks(RealmSettings realm, ClientSettings client) {
        List<String> offline = new ArrayList<>();
        if (!client.defaultScopes().contains(ScopeRule.OFFLINE_ACCESS)) {
            offline.add("'offline_access' is not a default client scope of the client");
        }
        if (!realm.defaultRolesGrantOfflineAccess()) {
            offline.add("users do not get the 'offline_access' role by default");
        }
        if (!realm.offlineAccessScopeExists()) {
            offline.add("the realm has no 'offline_access' client scope");
        }
        Check offlineAccess = offline.isEmpty()
                ? Check.pass("offline-access", "refresh tokens are offline tokens: the link outlives SSO sessions")
                : Check.fail(
                        "offline-access",
                        String.join("; ", offline) + ": refresh tokens die with the SSO session and users are unlinked",
                        "Clients > " + client.clientId()
                                + " > Client scopes > Add client scope: 'offline_access' as Default;"
                                + " Realm settings > User registration > Default roles: 'offline_access'");
        Check refreshTokens = Check.of(
                "refresh-tokens",
                new RefreshTokenRule().checkUseRefreshTokens(client.attributes().get(USE_REFRESH_TOKENS)),
                "Clients > " + client.clientId() + " > Advanced > Use refresh tokens: on (attribute "
                        + USE_REFRESH_TOKENS + "=true)",
                "refresh tokens are issued");
        List<String> shortened = new ArrayList<>();
        AlexaDiagnostics.positive(client.attributes().get(CLIENT_OFFLINE_IDLE))
                .filter(idle -> idle < MINIMUM_OFFLINE_IDLE_SECONDS)
                .ifPresent(idle -> shortened.add("its own 'Client Offline Session Idle' of " + days(idle)
                        + " unlinks users who do not use the skill for that long"));
        AlexaDiagnostics.positive(client.attributes().get(CLIENT_OFFLINE_MAX))
                .ifPresent(max -> shortened.add(
                        "its own 'Client Offline Session Max' of " + days(max) + " ends every link after that time"));
        Check sessions = shortened.isEmpty()
                ? Check.pass("client-offline-session", "the client does not shorten the realm's offline sessions")
                : Check.fail(
                        "client-offline-session",
                        String.join("; ", shortened),
                        "Clients > " + client.clientId()
                                + " > Advanced > Advanced settings: clear Client Offline Session Idle and Max (attributes "
                                + CLIENT_OFFLINE_IDLE + ", " + CLIENT_OFFLINE_MAX + ")");
        return List.of(offlineAccess, refreshTokens, sessions);
    }
}
