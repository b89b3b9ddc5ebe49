package dev.alexalink.keycloak.clientpolicy;

import dev.alexalink.rules.AlexaDiagnostics;
import dev.alexalink.rules.AlexaDiagnostics.Report;
import dev.alexalink.rules.Check;
import dev.alexalink.rules.ClientSettings;
import dev.alexalink.rules.PolicyRules;
import dev.alexalink.rules.RealmSettings;
import dev.alexalink.rules.ScopeRule;
import org.keycloak.common.enums.SslRequired;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.urls.UrlType;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one audit of a realm's Alexa set-up: reads the realm, its Alexa policy and its Alexa clients into the plain
 * settings of {@link AlexaDiagnostics}, whose report the diagnostics API, the console page and the startup log show.
 */
public final class RealmAudit {

    private RealmAudit() {}

    /** The report for the realm and every Alexa client in it (also clients that arrived through a realm import). */
    public static Report audit(KeycloakSession session, RealmModel realm) {
        return audit(session, realm, alexaClients(realm));
    }

    /** The report for these clients of the realm, with the realm's URL as the current request sees it. */
    public static Report audit(KeycloakSession session, RealmModel realm, List<ClientModel> clients) {
        return audit(session, realm, clients, frontendUrl(session, realm), new ArrayList<>());
    }

    public static List<ClientModel> alexaClients(RealmModel realm) {
        return realm.getClientsStream()
                .filter(AlexaClientCondition::isAlexaClient)
                .toList();
    }

    /**
     * @param frontendUrl null where no request tells it (at startup): its check is left out
     * @param unreadable  gets what of the realm's client policies cannot be read; an executor whose configuration
     *                    cannot be read enforces nothing, so the report's policy check names it
     */
    public static Report audit(
            KeycloakSession session,
            RealmModel realm,
            List<ClientModel> clients,
            URI frontendUrl,
            List<String> unreadable) {
        PolicyRules rules;
        try {
            rules = AlexaPolicy.rules(session, realm, unreadable);
        } catch (ClientPolicyException e) {
            unreadable.add("cannot read the realm's client policies: " + e.getErrorDetail());
            rules = null;
        }
        RealmSettings settings = new RealmSettings(
                realm.getName(),
                realm.getAccessTokenLifespan(),
                realm.getSsoSessionIdleTimeout(),
                realm.getSsoSessionMaxLifespan(),
                realm.isRevokeRefreshToken(),
                realm.getRefreshTokenMaxReuse(),
                realm.getOfflineSessionIdleTimeout(),
                realm.isOfflineSessionMaxLifespanEnabled(),
                realm.getOfflineSessionMaxLifespan(),
                defaultRolesGrantOfflineAccess(realm),
                hasClientScope(realm, ScopeRule.OFFLINE_ACCESS),
                sslRequired(realm),
                frontendUrl,
                rules != null && unreadable.isEmpty(),
                realm.isInternationalizationEnabled(),
                realm.getSupportedLocalesStream().collect(Collectors.toSet()));
        List<ClientSettings> clientSettings =
                clients.stream().map(client -> settingsOf(realm, client)).toList();
        Report report = AlexaDiagnostics.diagnose(settings, unreadable.isEmpty() ? rules : null, clientSettings);
        if (unreadable.isEmpty()) {
            return report;
        }
        List<Check> realmChecks = new ArrayList<>(report.realmChecks());
        realmChecks.set(
                0,
                Check.fail(
                        "alexa-policy",
                        String.join("; ", unreadable),
                        "Realm settings > Client policies > Profiles > alexa-account-linking: correct the executor configuration named"));
        return new Report(report.realm(), realmChecks, report.clients());
    }

    static ClientSettings settingsOf(RealmModel realm, ClientModel client) {
        String theme = client.getAttribute("login_theme");
        if (theme == null || theme.isBlank()) {
            theme = realm.getLoginTheme();
        }
        return new ClientSettings(
                client.getClientId(),
                List.copyOf(client.getRedirectUris()),
                client.isPublicClient(),
                client.isBearerOnly(),
                client.getClientAuthenticatorType(),
                client.getSecret(),
                client.isStandardFlowEnabled(),
                client.isImplicitFlowEnabled(),
                client.isDirectAccessGrantsEnabled(),
                client.isConsentRequired(),
                client.getClientScopes(true).keySet(),
                client.getClientScopes(false).keySet(),
                withoutNullValues(client.getAttributes()),
                theme,
                AudienceMappers.of(client),
                AudienceMappers.resourceAudienceOf(client).orElse(null));
    }

    /** Keycloak keeps some attributes with null values (older versions, databases storing '' as NULL). */
    private static Map<String, String> withoutNullValues(Map<String, String> attributes) {
        Map<String, String> copy = new HashMap<>();
        attributes.forEach((name, value) -> {
            if (value != null) {
                copy.put(name, value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** The realm's base URL as browsers and Alexa see it: its Frontend URL, else the server's hostname. */
    public static URI frontendUrl(KeycloakSession session, RealmModel realm) {
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            return session.getContext().getUri(UrlType.FRONTEND).getBaseUri();
        } finally {
            session.getContext().setRealm(previous);
        }
    }

    public static boolean hasClientScope(RealmModel realm, String name) {
        return realm.getClientScopesStream().anyMatch(scope -> name.equals(scope.getName()));
    }

    private static boolean defaultRolesGrantOfflineAccess(RealmModel realm) {
        RoleModel offlineAccess = realm.getRole(Constants.OFFLINE_ACCESS_ROLE);
        return offlineAccess != null
                && realm.getDefaultRole() != null
                && realm.getDefaultRole().hasRole(offlineAccess);
    }

    private static String sslRequired(RealmModel realm) {
        SslRequired required = realm.getSslRequired();
        return required == null ? "external" : required.name().toLowerCase();
    }
}
