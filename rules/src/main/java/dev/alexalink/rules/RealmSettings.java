package dev.alexalink.rules;

import java.net.URI;

/**
 * The realm settings that decide whether Alexa links work and last.
 *
 * @param frontendUrl        the base URL Alexa and the phone will call (the realm's frontend URL); null where it is
 *                           not known, as at startup, when no request tells it: its check is then left out
 * @param alexaPolicyEnabled an enabled client policy with the alexa-client condition exists
 */
public record RealmSettings(
        String name,
        int accessTokenLifespan,
        int ssoSessionIdleTimeout,
        int ssoSessionMaxLifespan,
        boolean revokeRefreshToken,
        int refreshTokenMaxReuse,
        int offlineSessionIdleTimeout,
        boolean offlineSessionMaxLifespanEnabled,
        int offlineSessionMaxLifespan,
        boolean defaultRolesGrantOfflineAccess,
        boolean offlineAccessScopeExists,
        String sslRequired,
        URI frontendUrl,
        boolean alexaPolicyEnabled) {}
