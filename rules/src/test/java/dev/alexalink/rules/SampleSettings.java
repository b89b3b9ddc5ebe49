package dev.alexalink.rules;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A realm and a client that pass every check, and copies of them with one setting changed, for the checks' tests. */
final class SampleSettings {

    static final String VENDOR = "M2VENDOR0001";
    static final PolicyRules RULES = new PolicyRules(
            new RedirectUriRule(List.of(VENDOR), List.of(), List.of(), false),
            new ScopeRule(List.of("profile")),
            new TokenLifetimeRule(360),
            new ClientShapeRule(true, false, false));

    static RealmSettings goodRealm() {
        return new RealmSettings(
                "shop",
                300,
                1800,
                36000,
                false,
                0,
                63072000,
                false,
                0,
                true,
                true,
                "external",
                URI.create("https://auth.example.com"),
                true,
                true,
                Set.copyOf(SignInChecks.ALEXA_THEME_LOCALES));
    }

    static ClientSettings goodClient() {
        return new ClientSettings(
                "alexa-skill",
                List.of(
                        AlexaRegion.NORTH_AMERICA.redirectUri(VENDOR),
                        AlexaRegion.EUROPE.redirectUri(VENDOR),
                        AlexaRegion.FAR_EAST.redirectUri(VENDOR)),
                false,
                false,
                "client-secret",
                "A".repeat(20) + "b".repeat(20),
                true,
                false,
                false,
                true,
                Set.of("basic", "acr", "offline_access"),
                Set.of("profile"),
                Map.of("access.token.lifespan", "3600"),
                "alexa",
                List.of(new TokenAudienceRule.AudienceMapper("alexa-skill", null, true, true)),
                null);
    }

    static Check find(List<Check> checks, String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static RealmSettings realmWith(RealmSettings r, String setting, Object value) {
        return new RealmSettings(
                r.name(),
                r.accessTokenLifespan(),
                setting.equals("ssoSessionIdleTimeout") ? (int) value : r.ssoSessionIdleTimeout(),
                r.ssoSessionMaxLifespan(),
                setting.equals("revokeRefreshToken") || r.revokeRefreshToken(),
                r.refreshTokenMaxReuse(),
                setting.equals("offlineSessionIdleTimeout") ? (int) value : r.offlineSessionIdleTimeout(),
                setting.equals("offlineSessionMax") || r.offlineSessionMaxLifespanEnabled(),
                setting.equals("offlineSessionMax") ? (int) value : r.offlineSessionMaxLifespan(),
                !setting.equals("defaultRoles") && r.defaultRolesGrantOfflineAccess(),
                !setting.equals("offlineScope") && r.offlineAccessScopeExists(),
                setting.equals("sslRequired") ? (String) value : r.sslRequired(),
                setting.equals("frontendUrl") ? URI.create((String) value) : r.frontendUrl(),
                !setting.equals("policy") && r.alexaPolicyEnabled(),
                !setting.equals("internationalizationOff") && r.internationalizationEnabled(),
                setting.equals("supportedLocales") ? (Set<String>) value : r.supportedLocales());
    }

    @SuppressWarnings("unchecked")
    static ClientSettings clientWith(ClientSettings c, String setting, Object value) {
        Map<String, String> attributes =
                setting.equals("attribute") ? new HashMap<>((Map<String, String>) value) : c.attributes();
        return new ClientSettings(
                c.clientId(),
                setting.equals("redirectUris") ? (List<String>) value : c.redirectUris(),
                setting.equals("publicClient") ? (boolean) value : c.publicClient(),
                c.bearerOnly(),
                setting.equals("authenticator") ? (String) value : c.clientAuthenticatorType(),
                setting.equals("secret") ? (String) value : c.secret(),
                setting.equals("standardFlow") ? (boolean) value : c.standardFlowEnabled(),
                setting.equals("implicit") ? (boolean) value : c.implicitFlowEnabled(),
                setting.equals("direct") ? (boolean) value : c.directAccessGrantsEnabled(),
                setting.equals("consent") ? (boolean) value : c.consentRequired(),
                setting.equals("defaultScopes") ? (Set<String>) value : c.defaultScopes(),
                c.optionalScopes(),
                attributes,
                setting.equals("theme") ? (String) value : c.loginTheme(),
                setting.equals("audienceMappers")
                        ? (List<TokenAudienceRule.AudienceMapper>) value
                        : c.audienceMappers(),
                setting.equals("resourceAudience") ? (String) value : c.resourceAudience());
    }
}
