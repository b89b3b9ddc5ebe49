package dev.alexalink.rules;

import java.net.URI;
import java.util.Set;

/**
 * The realm settings that decide whether Alexa links work and last.
 *
 * @param frontendUrl        the base URL Alexa and the phone will call (the realm's frontend URL); null where it is
 *                           not known, as at startup, when no request tells it: its check is then left out
 * @param alexaPolicyEnabled an enabled client policy with the alexa-client condition exists
 * @param internationalizationEnabled the realm's Internationalization (Realm settings > Localization): off, its pages
 *                           show only English
 * @param supportedLocales   the realm's supported locales (only used when Internationalization is on)
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
        boolean alexaPolicyEnabled,
        boolean internationalizationEnabled,
        Set<String> supportedLocales) {

    public RealmSettings {
        supportedLocales = supportedLocales == null ? Set.of() : Set.copyOf(supportedLocales);
    }
}
