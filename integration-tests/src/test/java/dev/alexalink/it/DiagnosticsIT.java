package dev.alexalink.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.rules.SignInChecks;
import dev.alexalink.testkit.client.AlexaAdminApi;
import dev.alexalink.testkit.server.AlexaServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientPoliciesRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each diagnostic against a real realm: it passes on a well-configured skill, fails once its problem is seeded (the
 * way an admin, a script or an import would cause it), names a fix, and passes again after that fix is applied
 * through the admin API.
 */
@ExtendWith(AlexaServer.class)
class DiagnosticsIT {

    /** A setting changed through the admin API, on the realm or on the skill's client. */
    @FunctionalInterface
    interface Change {
        void apply(RealmResource realm, ClientResource skill) throws Exception;
    }

    static Stream<Arguments> diagnostics() {
        return Stream.of(
                realmCase(
                        "offline-session-idle",
                        realm(r -> r.setOfflineSessionIdleTimeout(30 * 86400)),
                        realm(r -> r.setOfflineSessionIdleTimeout(63072000))),
                realmCase(
                        "offline-session-max",
                        realm(r -> {
                            r.setOfflineSessionMaxLifespanEnabled(true);
                            r.setOfflineSessionMaxLifespan(60 * 86400);
                        }),
                        realm(r -> r.setOfflineSessionMaxLifespanEnabled(false))),
                realmCase(
                        "refresh-token-reuse",
                        realm(r -> {
                            r.setRevokeRefreshToken(true);
                            r.setRefreshTokenMaxReuse(0);
                        }),
                        realm(r -> r.setRevokeRefreshToken(false))),
                realmCase(
                        "sso-session",
                        realm(r -> r.setSsoSessionIdleTimeout(120)),
                        realm(r -> r.setSsoSessionIdleTimeout(1800))),
                realmCase(
                        "ssl-required", realm(r -> r.setSslRequired("none")), realm(r -> r.setSslRequired("external"))),
                realmCase(
                        "frontend-url",
                        frontendUrl("https://auth.example.com:8443"),
                        frontendUrl("https://auth.example.com")),
                realmCase("offline-access-role", offlineAccessRole(false), offlineAccessRole(true)),
                realmCase(
                        "offline-access-scope",
                        DiagnosticsIT::deleteOfflineAccessScope,
                        DiagnosticsIT::recreateOfflineAccessScope),
                realmCase("alexa-policy", alexaPolicy(false), alexaPolicy(true)),
                clientCase("policy-coverage", alexaPolicy(false), alexaPolicy(true)),
                clientCase(
                        "redirect-uris",
                        withoutAlexaPolicy(client(c -> c.setRedirectUris(List.of(
                                AlexaRegion.NORTH_AMERICA.redirectUri(ExistingRealmIT.VENDOR),
                                AlexaRegion.EUROPE.redirectUri("M2OTHERVENDOR9"),
                                AlexaRegion.FAR_EAST.redirectUri(ExistingRealmIT.VENDOR))))),
                        client(c -> c.setRedirectUris(allRegions()))),
                clientCase("scopes", withoutAlexaPolicy(defaultScope("email", true)), defaultScope("email", false)),
                clientCase(
                        "access-token-lifespan",
                        withoutAlexaPolicy(attribute("access.token.lifespan", "300")),
                        attribute("access.token.lifespan", "3600")),
                clientCase(
                        "offline-access",
                        withoutAlexaPolicy(defaultScope("offline_access", false)),
                        defaultScope("offline_access", true)),
                clientCase(
                        "refresh-tokens",
                        withoutAlexaPolicy(attribute("use.refresh.tokens", "false")),
                        attribute("use.refresh.tokens", "true")),
                clientCase(
                        "client-offline-session",
                        withoutAlexaPolicy(attribute("client.offline.session.idle.timeout", "2592000")),
                        attribute("client.offline.session.idle.timeout", "")),
                clientCase(
                        "client-authentication",
                        withoutAlexaPolicy(client(c -> c.setClientAuthenticatorType("client-jwt"))),
                        client(c -> c.setClientAuthenticatorType("client-secret"))),
                clientCase(
                        "client-secret",
                        withoutAlexaPolicy(client(c -> c.setSecret("short-secret"))),
                        (realm, skill) -> skill.generateNewSecret()),
                clientCase(
                        "standard-flow",
                        withoutAlexaPolicy(client(c -> c.setStandardFlowEnabled(false))),
                        client(c -> c.setStandardFlowEnabled(true))),
                clientCase(
                        "implicit-flow",
                        withoutAlexaPolicy(client(c -> c.setImplicitFlowEnabled(true))),
                        client(c -> c.setImplicitFlowEnabled(false))),
                clientCase(
                        "direct-grants",
                        withoutAlexaPolicy(client(c -> c.setDirectAccessGrantsEnabled(true))),
                        client(c -> c.setDirectAccessGrantsEnabled(false))),
                clientCase(
                        "consent",
                        withoutAlexaPolicy(client(c -> c.setConsentRequired(false))),
                        client(c -> c.setConsentRequired(true))),
                clientCase("theme", attribute("login_theme", "keycloak.v2"), attribute("login_theme", "alexa")),
                clientCase("languages", internationalization(false), internationalization(true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("diagnostics")
    void failsOnItsSeededProblemAndPassesAfterTheNamedFix(String id, boolean ofTheClient, Change seed, Change fix)
            throws Exception {
        String realmName = ExistingRealmIT.existingRealm();
        AlexaAdminApi api = AlexaAdminApi.asAdmin(realmName);
        assertThat(api.enableSkill(ExistingRealmIT.SKILL, ExistingRealmIT.skill())
                        .status())
                .isEqualTo(201);
        RealmResource realm = AlexaServer.admin().realm(realmName);
        ClientResource skill = realm.clients()
                .get(realm.clients()
                        .findByClientId(ExistingRealmIT.SKILL)
                        .get(0)
                        .getId());
        // The realm settings Alexa needs and a new realm lacks (its offline sessions idle out after 30 days).
        frontendUrl("https://auth.example.com").apply(realm, skill);
        realm(r -> r.setOfflineSessionIdleTimeout(63072000)).apply(realm, skill);
        internationalization(true).apply(realm, skill);
        String clientId = ofTheClient ? ExistingRealmIT.SKILL : null;
        if (!id.equals("policy-coverage")) {
            assertThat(status(api, clientId, id)).as("before seeding").isEqualTo("PASS");
        }

        seed.apply(realm, skill);
        JsonNode seeded = check(api, clientId, id);
        assertThat(seeded.get("status").asText())
                .as(seeded.toString())
                .isEqualTo(List.of("theme", "languages").contains(id) ? "WARN" : "FAIL");
        assertThat(seeded.get("fix").asText()).as("a named fix").isNotBlank();

        fix.apply(realm, skill);
        if (id.equals("policy-coverage")) {
            assertThat(allCheckIds(api)).as("covered again: no coverage check").doesNotContain("policy-coverage");
        } else {
            assertThat(status(api, clientId, id)).as("after the fix").isEqualTo("PASS");
        }
    }

    private static String status(AlexaAdminApi api, String clientId, String id) throws Exception {
        return check(api, clientId, id).get("status").asText();
    }

    private static JsonNode check(AlexaAdminApi api, String clientId, String id) throws Exception {
        AlexaAdminApi.Answer report = api.diagnostics();
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return AlexaAdminApi.check(report.json(), clientId, id);
    }

    private static List<String> allCheckIds(AlexaAdminApi api) throws Exception {
        return api.diagnostics().json().findValuesAsText("id");
    }

    private static Arguments realmCase(String id, Change seed, Change fix) {
        return Arguments.of(id, false, seed, fix);
    }

    private static Arguments clientCase(String id, Change seed, Change fix) {
        return Arguments.of(id, true, seed, fix);
    }

    private static Change realm(Consumer<RealmRepresentation> change) {
        return (realm, skill) -> {
            RealmRepresentation representation = realm.toRepresentation();
            change.accept(representation);
            realm.update(representation);
        };
    }

    /** Internationalization on with the 'alexa' theme's languages, as enableLanguages sets it, or off. */
    private static Change internationalization(boolean enabled) {
        return realm(r -> {
            r.setInternationalizationEnabled(enabled);
            if (enabled) {
                r.setSupportedLocales(new java.util.HashSet<>(SignInChecks.ALEXA_THEME_LOCALES));
            }
        });
    }

    private static Change frontendUrl(String url) {
        return realm(r -> {
            Map<String, String> attributes = new HashMap<>(r.getAttributesOrEmpty());
            attributes.put("frontendUrl", url);
            r.setAttributes(attributes);
        });
    }

    private static Change client(Consumer<ClientRepresentation> change) {
        return (realm, skill) -> {
            ClientRepresentation representation = skill.toRepresentation();
            change.accept(representation);
            skill.update(representation);
        };
    }

    private static Change attribute(String name, String value) {
        return client(c -> {
            Map<String, String> attributes = new HashMap<>(c.getAttributes());
            attributes.put(name, value);
            c.setAttributes(attributes);
        });
    }

    private static Change defaultScope(String name, boolean add) {
        return (realm, skill) -> {
            String scopeId = realm.clientScopes().findAll().stream()
                    .filter(s -> s.getName().equals(name))
                    .findFirst()
                    .orElseThrow()
                    .getId();
            if (add) {
                skill.addDefaultClientScope(scopeId);
            } else {
                skill.removeDefaultClientScope(scopeId);
            }
        };
    }

    /** The problem arrives while the Alexa policy is off, as with an import or a change made before it was enabled. */
    private static Change withoutAlexaPolicy(Change change) {
        return (realm, skill) -> {
            alexaPolicy(false).apply(realm, skill);
            change.apply(realm, skill);
            alexaPolicy(true).apply(realm, skill);
        };
    }

    private static Change alexaPolicy(boolean enabled) {
        return (realm, skill) -> {
            ClientPoliciesRepresentation policies =
                    realm.clientPoliciesPoliciesResource().getPolicies(false);
            policies.getPolicies().stream()
                    .filter(p -> p.getName().equals("alexa-account-linking"))
                    .forEach(p -> p.setEnabled(enabled));
            realm.clientPoliciesPoliciesResource().updatePolicies(policies);
        };
    }

    private static Change offlineAccessRole(boolean granted) {
        return (realm, skill) -> {
            RealmRepresentation representation = realm.toRepresentation();
            RoleRepresentation offlineAccess =
                    realm.roles().get("offline_access").toRepresentation();
            var defaultRoles = realm.roles().get(representation.getDefaultRole().getName());
            if (granted) {
                defaultRoles.addComposites(List.of(offlineAccess));
            } else {
                defaultRoles.deleteComposites(List.of(offlineAccess));
            }
        };
    }

    private static void deleteOfflineAccessScope(RealmResource realm, ClientResource skill) {
        ClientScopeRepresentation scope = realm.clientScopes().findAll().stream()
                .filter(s -> s.getName().equals("offline_access"))
                .findFirst()
                .orElseThrow();
        realm.getDefaultOptionalClientScopes().stream()
                .filter(s -> s.getName().equals("offline_access"))
                .forEach(s -> realm.removeDefaultOptionalClientScope(s.getId()));
        realm.clientScopes().get(scope.getId()).remove();
    }

    /** The named fix: a client scope 'offline_access' carrying the realm role 'offline_access'. */
    private static void recreateOfflineAccessScope(RealmResource realm, ClientResource skill) {
        ClientScopeRepresentation scope = new ClientScopeRepresentation();
        scope.setName("offline_access");
        scope.setProtocol("openid-connect");
        scope.setAttributes(Map.of("include.in.token.scope", "true", "display.on.consent.screen", "true"));
        try (var response = realm.clientScopes().create(scope)) {
            assertThat(response.getStatus()).isEqualTo(201);
        }
        String scopeId = realm.clientScopes().findAll().stream()
                .filter(s -> s.getName().equals("offline_access"))
                .findFirst()
                .orElseThrow()
                .getId();
        realm.clientScopes()
                .get(scopeId)
                .getScopeMappings()
                .realmLevel()
                .add(List.of(realm.roles().get("offline_access").toRepresentation()));
    }

    private static List<String> allRegions() {
        List<String> uris = new ArrayList<>();
        for (AlexaRegion region : AlexaRegion.values()) {
            uris.add(region.redirectUri(ExistingRealmIT.VENDOR));
        }
        return uris;
    }
}
