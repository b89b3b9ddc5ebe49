package dev.alexalink.keycloak.admin;

import dev.alexalink.keycloak.authentication.AlexaClientSecretGuard;
import dev.alexalink.keycloak.clientpolicy.AlexaClientCondition;
import dev.alexalink.keycloak.clientpolicy.AlexaPolicy;
import dev.alexalink.keycloak.clientpolicy.AudienceMappers;
import dev.alexalink.keycloak.clientpolicy.RealmAudit;
import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.keycloak.events.AlexaLinkEventListenerProviderFactory;
import dev.alexalink.rules.AlexaSkill;
import dev.alexalink.rules.InvalidRuleConfigurationException;
import dev.alexalink.rules.PkceRule;
import dev.alexalink.rules.SafeText;
import dev.alexalink.rules.ScopeRule;
import dev.alexalink.rules.SignInChecks;
import dev.alexalink.rules.TokenAudienceRule;
import dev.alexalink.rules.TokenLifetimeRule;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AdminClientRegisterContext;
import org.keycloak.services.clientpolicy.context.AdminClientUpdateContext;
import org.keycloak.services.resources.admin.AdminAuth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Enables one Alexa skill in an existing realm: creates or updates its client, and merges the Alexa client profile and
 * policy into the realm's own, leaving every other client, profile and policy as it was. Running it again with the
 * same skill changes nothing. Everything is checked before anything is changed.
 */
final class SkillSetup {

    record Outcome(ClientModel client, boolean created, List<String> changes) {}

    private SkillSetup() {}

    /**
     * @param adminAuth the admin making the change: the realm's own client policies judge the client as they judge
     *                  any admin's create or update
     */
    static Outcome apply(KeycloakSession session, RealmModel realm, AlexaSkill skill, AdminAuth adminAuth)
            throws ClientPolicyException {
        ClientModel existing = realm.getClientByClientId(skill.clientId());
        checkAgainstRealm(realm, skill, existing);

        List<String> changes = new ArrayList<>();
        ClientModel client = existing;
        if (client == null) {
            client = realm.addClient(skill.clientId());
            client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
            client.setFullScopeAllowed(false);
            client.setFrontchannelLogout(false);
            KeycloakModelUtils.generateSecret(client);
            changes.add("client '" + skill.clientId() + "' created with a new secret");
        }
        configureClient(realm, client, skill, changes);
        // The profile first: the client is then judged by the rules that include this skill's vendor IDs, regions and
        // scopes. A refusal rolls the whole transaction back, the profile change with it.
        AlexaPolicy.enable(session, realm, skill, changes);
        ClientRepresentation proposed = ModelToRepresentation.toRepresentation(client, session);
        if (existing == null) {
            session.clientPolicy().triggerOnEvent(new AdminClientRegisterContext(proposed, adminAuth));
        } else {
            KeycloakApi.triggerOnClientChange(
                    session, new AdminClientUpdateContext(proposed, client, adminAuth), client);
        }
        addEventListener(realm, changes);
        addClientSecretGuard(realm, changes);
        if (skill.enableLanguages()) {
            enableLanguages(realm, changes);
        }
        return new Outcome(client, existing == null, changes);
    }

    /** A refusal by the realm's client policies, in the words of a problem list. */
    static String refusedByPolicies(ClientPolicyException e) {
        return "the realm's client policies refused the change: " + e.getErrorDetail();
    }

    private static void checkAgainstRealm(RealmModel realm, AlexaSkill skill, ClientModel existing) {
        List<String> problems = new ArrayList<>();
        if (existing != null && !AlexaClientCondition.isAlexaClient(existing)) {
            problems.add("client '" + skill.clientId() + "' already exists and is not an Alexa client (no attribute "
                    + "alexa.skill=true, no Alexa redirect URL): choose another client ID, so that another application's"
                    + " client is not changed");
        }
        if (!RealmAudit.hasClientScope(realm, ScopeRule.OFFLINE_ACCESS)) {
            problems.add("realm '" + realm.getName()
                    + "' has no 'offline_access' client scope, which Alexa's refresh tokens need");
        }
        for (String scope : skill.scopes()) {
            if (AlexaSkill.DEFAULT_SCOPES.contains(scope)) {
                problems.add(
                        "scope '" + scope + "' is granted to every Alexa client as a default scope; do not list it");
            } else if (!RealmAudit.hasClientScope(realm, scope)) {
                problems.add("scope '" + scope + "' is not a client scope of realm '" + realm.getName()
                        + "': create it first (Client scopes > Create client scope), or leave it out");
            } else if (!isOpenIdConnect(realm, scope)) {
                problems.add("scope '" + scope + "' is not an OpenID Connect client scope of realm '" + realm.getName()
                        + "': Alexa links with OpenID Connect");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleConfigurationException(AlexaSkill.NAME, problems);
        }
    }

    private static boolean isOpenIdConnect(RealmModel realm, String scope) {
        return realm.getClientScopesStream()
                .filter(s -> scope.equals(s.getName()))
                .anyMatch(s -> s.getProtocol() == null || OIDCLoginProtocol.LOGIN_PROTOCOL.equals(s.getProtocol()));
    }

    private static void configureClient(RealmModel realm, ClientModel client, AlexaSkill skill, List<String> changes) {
        set(changes, "name", client.getName(), skill.name(), client::setName);
        set(changes, "enabled", client.isEnabled(), true, client::setEnabled);
        set(changes, "publicClient", client.isPublicClient(), false, client::setPublicClient);
        set(changes, "bearerOnly", client.isBearerOnly(), false, client::setBearerOnly);
        set(
                changes,
                "clientAuthenticatorType",
                client.getClientAuthenticatorType(),
                "client-secret",
                client::setClientAuthenticatorType);
        set(changes, "standardFlowEnabled", client.isStandardFlowEnabled(), true, client::setStandardFlowEnabled);
        set(changes, "implicitFlowEnabled", client.isImplicitFlowEnabled(), false, client::setImplicitFlowEnabled);
        set(
                changes,
                "directAccessGrantsEnabled",
                client.isDirectAccessGrantsEnabled(),
                false,
                client::setDirectAccessGrantsEnabled);
        set(
                changes,
                "serviceAccountsEnabled",
                client.isServiceAccountsEnabled(),
                false,
                client::setServiceAccountsEnabled);
        set(changes, "consentRequired", client.isConsentRequired(), true, client::setConsentRequired);
        set(
                changes,
                "redirectUris",
                Set.copyOf(client.getRedirectUris()),
                Set.copyOf(skill.redirectUris()),
                uris -> client.setRedirectUris(new HashSet<>(uris)));
        set(
                changes,
                "webOrigins",
                Set.copyOf(client.getWebOrigins()),
                Set.<String>of(),
                origins -> client.setWebOrigins(new HashSet<>()));
        attribute(client, "alexa.skill", "true", changes);
        attribute(client, "login_theme", SignInChecks.ALEXA_THEME, changes);
        attribute(client, OIDCConfigAttributes.USE_REFRESH_TOKEN, "true", changes);
        String lifespan = client.getAttribute(OIDCConfigAttributes.ACCESS_TOKEN_LIFESPAN);
        if (lifespan == null || lifespan.isBlank() || parse(lifespan) < TokenLifetimeRule.ALEXA_MINIMUM_SECONDS) {
            attribute(client, OIDCConfigAttributes.ACCESS_TOKEN_LIFESPAN, "3600", changes);
        }
        for (String attribute : List.of("client.offline.session.idle.timeout", "client.offline.session.max.lifespan")) {
            if (client.getAttribute(attribute) != null
                    && !client.getAttribute(attribute).isBlank()) {
                client.removeAttribute(attribute);
                changes.add(attribute + " removed (the realm's offline session settings apply)");
            }
        }
        Set<String> defaults = new LinkedHashSet<>();
        AlexaSkill.DEFAULT_SCOPES.stream()
                .filter(scope -> RealmAudit.hasClientScope(realm, scope))
                .sorted()
                .forEach(defaults::add);
        scopes(realm, client, defaults, new LinkedHashSet<>(skill.scopes()), changes);
        String pkce = client.getAttribute(PkceRule.CLIENT_ATTRIBUTE);
        if (skill.requirePkce()) {
            attribute(client, PkceRule.CLIENT_ATTRIBUTE, PkceRule.REQUIRED, changes);
        } else if (pkce != null && !pkce.isEmpty()) {
            client.removeAttribute(PkceRule.CLIENT_ATTRIBUTE);
            changes.add(PkceRule.CLIENT_ATTRIBUTE + " removed (PKCE is accepted with S256, not required)");
        }
        audienceMappers(client, skill, changes);
    }

    /** The skill's client ID, and its resource audience when it has one, in the aud of its access tokens. */
    private static void audienceMappers(ClientModel client, AlexaSkill skill, List<String> changes) {
        mapper(
                client,
                TokenAudienceRule.CLIENT_AUDIENCE_MAPPER,
                AudienceMappers.clientAudience(client.getClientId()),
                changes);
        mapper(
                client,
                TokenAudienceRule.RESOURCE_AUDIENCE_MAPPER,
                skill.resourceAudience() == null ? null : AudienceMappers.resourceAudience(skill.resourceAudience()),
                changes);
    }

    /** Makes the client's protocol mapper of this name exactly {@code wanted}, or removes it when null. */
    private static void mapper(
            ClientModel client, String name, ProtocolMapperRepresentation wanted, List<String> changes) {
        ProtocolMapperModel current = client.getProtocolMapperByName(OIDCLoginProtocol.LOGIN_PROTOCOL, name);
        if (current != null
                && wanted != null
                && wanted.getProtocolMapper().equals(current.getProtocolMapper())
                && wanted.getConfig().equals(current.getConfig())) {
            return;
        }
        if (current != null) {
            client.removeProtocolMapper(current);
        }
        if (wanted != null) {
            client.addProtocolMapper(AudienceMappers.toModel(wanted));
            changes.add("protocol mapper '" + name + "' " + (current == null ? "added" : "updated") + ": "
                    + wanted.getConfig());
        } else if (current != null) {
            changes.add("protocol mapper '" + name + "' removed");
        }
    }

    /** Makes the client's default and optional client scopes exactly these. */
    private static void scopes(
            RealmModel realm, ClientModel client, Set<String> defaults, Set<String> optionals, List<String> changes) {
        for (boolean asDefault : new boolean[] {true, false}) {
            Set<String> wanted = asDefault ? defaults : optionals;
            for (Map.Entry<String, ClientScopeModel> current :
                    client.getClientScopes(asDefault).entrySet()) {
                if (!wanted.contains(current.getKey())) {
                    client.removeClientScope(current.getValue());
                    changes.add(
                            (asDefault ? "default" : "optional") + " client scope '" + current.getKey() + "' removed");
                }
            }
        }
        for (boolean asDefault : new boolean[] {true, false}) {
            Set<String> wanted = asDefault ? defaults : optionals;
            Set<String> present = client.getClientScopes(asDefault).keySet();
            for (String name : wanted) {
                if (!present.contains(name)) {
                    ClientScopeModel scope = realm.getClientScopesStream()
                            .filter(s -> name.equals(s.getName()))
                            .findFirst()
                            .orElseThrow();
                    client.addClientScope(scope, asDefault);
                    changes.add((asDefault ? "default" : "optional") + " client scope '" + name + "' added");
                }
            }
        }
    }

    /** Adds the alexa-linking event listener (log lines and metrics of Alexa clients only) to the realm's listeners. */
    private static void addEventListener(RealmModel realm, List<String> changes) {
        Set<String> listeners = realm.getEventsListenersStream().collect(Collectors.toCollection(LinkedHashSet::new));
        if (listeners.add(AlexaLinkEventListenerProviderFactory.PROVIDER_ID)) {
            realm.setEventsListeners(listeners);
            changes.add(
                    "event listener '" + AlexaLinkEventListenerProviderFactory.PROVIDER_ID + "' added to the realm's");
        }
    }

    /**
     * Puts the secret-guessing guard first in the realm's client authentication flow. It acts on Alexa clients only;
     * for every other client the flow decides as before.
     */
    private static void addClientSecretGuard(RealmModel realm, List<String> changes) {
        if (AlexaClientSecretGuard.install(realm)) {
            changes.add("client authenticator '" + AlexaClientSecretGuard.PROVIDER_ID
                    + "' added first to the client authentication flow '" + AlexaClientSecretGuard.flowName(realm)
                    + "' (it acts on Alexa clients only)");
        }
    }

    /**
     * Turns on the realm's Internationalization and adds the 'alexa' theme's languages to its supported locales,
     * keeping the ones it has and its default locale: asked for explicitly ({@code enableLanguages}), as it changes
     * every sign-in page of the realm.
     */
    private static void enableLanguages(RealmModel realm, List<String> changes) {
        set(
                changes,
                "internationalizationEnabled",
                realm.isInternationalizationEnabled(),
                true,
                realm::setInternationalizationEnabled);
        Set<String> locales = realm.getSupportedLocalesStream().collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> added = SignInChecks.ALEXA_THEME_LOCALES.stream()
                .filter(locale -> !locales.contains(locale))
                .toList();
        if (!added.isEmpty()) {
            locales.addAll(added);
            realm.setSupportedLocales(locales);
            changes.add("supportedLocales: added " + String.join(", ", added)
                    + " (the 'alexa' theme's languages; the default locale is unchanged)");
        }
    }

    private static void attribute(ClientModel client, String name, String value, List<String> changes) {
        set(changes, name, client.getAttribute(name), value, v -> client.setAttribute(name, v));
    }

    private static <T> void set(List<String> changes, String setting, T current, T desired, Consumer<T> setter) {
        if (!Objects.equals(current, desired)) {
            setter.accept(desired);
            // The old value was set elsewhere and never checked: quoted safely, as it goes into logs.
            changes.add(setting + ": " + SafeText.of(String.valueOf(current)) + " -> " + desired);
        }
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
