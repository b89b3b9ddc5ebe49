package dev.alexalink.keycloak.admin;

import dev.alexalink.keycloak.clientpolicy.AlexaClientCondition;
import dev.alexalink.keycloak.clientpolicy.AudienceMappers;
import dev.alexalink.keycloak.clientpolicy.AlexaPolicy;

import dev.alexalink.rules.AlexaDiagnostics;
import dev.alexalink.rules.AlexaDiagnostics.ClientSettings;
import dev.alexalink.rules.AlexaDiagnostics.RealmSettings;
import dev.alexalink.rules.AlexaDiagnostics.Report;
import dev.alexalink.rules.AlexaDiagnostics.Rules;
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
import java.util.List;
import java.util.Map;

/** Reads a realm and its Alexa clients into {@link AlexaDiagnostics}' snapshots and diagnoses them. */
final class RealmDiagnosis {

    private RealmDiagnosis() {
    }

    /** The report for the realm and every Alexa client in it (also clients that arrived through a realm import). */
    static Report diagnose(KeycloakSession session, RealmModel realm) {
        return diagnose(session, realm, realm.getClientsStream().filter(AlexaClientCondition::isAlexaClient).toList());
    }

    static Report diagnose(KeycloakSession session, RealmModel realm, List<ClientModel> clients) {
        List<String> unreadable = new ArrayList<>();
        Rules rules;
        try {
            rules = AlexaPolicy.rules(session, realm, unreadable);
        } catch (ClientPolicyException e) {
            unreadable.add("cannot read the realm's client policies: " + e.getErrorDetail());
            rules = null;
        }
        RealmSettings settings = new RealmSettings(realm.getName(), realm.getAccessTokenLifespan(),
                realm.getSsoSessionIdleTimeout(), realm.getSsoSessionMaxLifespan(), realm.isRevokeRefreshToken(),
                realm.getRefreshTokenMaxReuse(), realm.getOfflineSessionIdleTimeout(),
                realm.isOfflineSessionMaxLifespanEnabled(), realm.getOfflineSessionMaxLifespan(),
                defaultRolesGrantOfflineAccess(realm), hasClientScope(realm, ScopeRule.OFFLINE_ACCESS),
                sslRequired(realm), frontendUrl(session, realm), rules != null && unreadable.isEmpty());
        List<ClientSettings> clientSettings = clients.stream().map(client -> settingsOf(realm, client)).toList();
        Report report = AlexaDiagnostics.diagnose(settings, unreadable.isEmpty() ? rules : null, clientSettings);
        if (unreadable.isEmpty()) {
            return report;
        }
        // An executor whose configuration cannot be read enforces nothing: say which, in place of the policy check.
        List<AlexaDiagnostics.Check> realmChecks = new ArrayList<>(report.realmChecks());
        realmChecks.set(0, new AlexaDiagnostics.Check("alexa-policy", AlexaDiagnostics.Status.FAIL,
                String.join("; ", unreadable), "Realm settings > Client policies > Profiles > alexa-account-linking: correct the executor configuration named"));
        return new Report(report.realm(), realmChecks, report.clients());
    }

    static ClientSettings settingsOf(RealmModel realm, ClientModel client) {
        String theme = client.getAttribute("login_theme");
        if (theme == null || theme.isBlank()) {
            theme = realm.getLoginTheme();
        }
        return new ClientSettings(client.getClientId(), List.copyOf(client.getRedirectUris()), client.isPublicClient(),
                client.isBearerOnly(), client.getClientAuthenticatorType(), client.getSecret(), client.isStandardFlowEnabled(),
                client.isImplicitFlowEnabled(), client.isDirectAccessGrantsEnabled(), client.isConsentRequired(),
                client.getClientScopes(true).keySet(), client.getClientScopes(false).keySet(),
                withoutNullValues(client.getAttributes()), theme, AudienceMappers.of(client));
    }

    /** Keycloak keeps some attributes with null values (older versions, databases storing '' as NULL). */
    private static Map<String, String> withoutNullValues(Map<String, String> attributes) {
        Map<String, String> copy = new java.util.HashMap<>();
        attributes.forEach((name, value) -> {
            if (value != null) {
                copy.put(name, value);
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** The realm's base URL as browsers and Alexa see it: its Frontend URL, else the server's hostname. */
    static URI frontendUrl(KeycloakSession session, RealmModel realm) {
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            return session.getContext().getUri(UrlType.FRONTEND).getBaseUri();
        } finally {
            session.getContext().setRealm(previous);
        }
    }

    static boolean hasClientScope(RealmModel realm, String name) {
        return realm.getClientScopesStream().anyMatch(scope -> name.equals(scope.getName()));
    }

    private static boolean defaultRolesGrantOfflineAccess(RealmModel realm) {
        RoleModel offlineAccess = realm.getRole(Constants.OFFLINE_ACCESS_ROLE);
        return offlineAccess != null && realm.getDefaultRole() != null && realm.getDefaultRole().hasRole(offlineAccess);
    }

    private static String sslRequired(RealmModel realm) {
        SslRequired required = realm.getSslRequired();
        return required == null ? "external" : required.name().toLowerCase();
    }
}
