package dev.alexalink.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Alexa client's settings.
 *
 * @param loginTheme       the theme its pages use: its own login_theme, else the realm's (null: Keycloak's default)
 * @param resourceAudience the audience its resource-audience mapper adds (null: it has none)
 */
public record ClientSettings(
        String clientId,
        Collection<String> redirectUris,
        boolean publicClient,
        boolean bearerOnly,
        String clientAuthenticatorType,
        String secret,
        boolean standardFlowEnabled,
        boolean implicitFlowEnabled,
        boolean directAccessGrantsEnabled,
        boolean consentRequired,
        Set<String> defaultScopes,
        Set<String> optionalScopes,
        Map<String, String> attributes,
        String loginTheme,
        List<TokenAudienceRule.AudienceMapper> audienceMappers,
        String resourceAudience) {}
