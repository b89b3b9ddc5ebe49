package dev.alexalink.keycloak.startup;

import dev.alexalink.keycloak.clientpolicy.AlexaClientCondition;
import dev.alexalink.keycloak.clientpolicy.AlexaPolicy;
import dev.alexalink.keycloak.clientpolicy.AlexaClientConditionFactory;
import dev.alexalink.keycloak.clientpolicy.AudienceMappers;
import dev.alexalink.keycloak.clientpolicy.Refusals;

import dev.alexalink.rules.InputLimits;
import dev.alexalink.rules.AlexaDiagnostics.Rules;
import dev.alexalink.rules.ClientSecretRule;
import dev.alexalink.rules.ClientShapeRule;
import dev.alexalink.rules.PkceRule;
import dev.alexalink.rules.TokenAudienceRule;
import dev.alexalink.rules.Placeholders;
import dev.alexalink.rules.RefreshTokenRule;
import dev.alexalink.rules.Violation;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.services.clientpolicy.ClientPolicyException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Realm import (at startup, by POST /admin/realms, or partial import) never runs client-policy executors. This check
 * applies the same rules to the Alexa clients of a realm and reports what they break: when a realm is imported, and
 * for every realm once the server has started.
 * <p>
 * An unresolved {@code ${VAR}} placeholder in an Alexa client fails the import, so that nothing of the realm is
 * stored and the server does not start with it. One already in the database (from an older version, or a partial
 * import) is reported, and {@link ClientPlaceholders} makes the executors refuse every request for that client.
 */
public final class AlexaRealmCheck {

    private static final Logger LOG = Logger.getLogger("dev.alexalink.startup");

    /** Realms imported during this start were checked as they were imported; the start-up pass skips them. */
    private static final Set<String> CHECKED_ON_IMPORT = ConcurrentHashMap.newKeySet();

    private AlexaRealmCheck() {
    }

    /** Checks a realm being imported, inside the import's transaction: a placeholder aborts the whole import. */
    static void checkImportedRealm(KeycloakSession session, RealmModel realm) {
        List<String> fatal = check(session, realm);
        CHECKED_ON_IMPORT.add(realm.getId());
        if (!fatal.isEmpty()) {
            // An HTTP error response alone would not undo the import of POST /admin/realms.
            session.getTransactionManager().setRollbackOnly();
            throw new Refusals.InvalidConfigurationException("Realm '" + realm.getName()
                    + "' was not imported: " + String.join(" | ", fatal));
        }
    }

    /** Checks every realm once the server has started. */
    static void checkAllRealms(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream()
                .filter(realm -> !CHECKED_ON_IMPORT.remove(realm.getId())).forEach(realm -> {
            for (String problem : check(session, realm)) {
                LOG.errorf("%s. Alexa linking in this realm cannot work until this is fixed.", problem);
            }
        }));
    }

    /** Logs every rule violation of the realm's Alexa clients; returns the unresolved placeholders. */
    private static List<String> check(KeycloakSession session, RealmModel realm) {
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        List<String> fatal = new ArrayList<>();
        try {
            checkRealm(session, realm, fatal);
        } catch (ClientPolicyException e) {
            fatal.add("realm '" + realm.getName() + "': cannot read its client policies: " + e.getErrorDetail());
        } finally {
            session.getContext().setRealm(previous);
        }
        return fatal;
    }

    private static void checkRealm(KeycloakSession session, RealmModel realm, List<String> fatal) throws ClientPolicyException {
        List<ClientModel> alexaClients = realm.getClientsStream().filter(AlexaClientCondition::isAlexaClient).toList();
        if (alexaClients.isEmpty()) {
            return;
        }
        int problems = 0;
        for (ClientModel client : alexaClients) {
            List<String> placeholders = ClientPlaceholders.unresolved(client);
            placeholders.forEach(p -> fatal.add("Alexa client '" + client.getClientId() + "' in realm '" + realm.getName() + "': " + p));
            problems += placeholders.size();
        }
        Rules rules = AlexaPolicy.rules(session, realm, fatal);
        if (rules == null) {
            alexaClients.forEach(client -> LOG.warnf("Alexa client '%s' in realm '%s' is not covered by any enabled client"
                            + " policy with the '%s' condition: none of the Alexa rules apply to it",
                    client.getClientId(), realm.getName(), AlexaClientConditionFactory.PROVIDER_ID));
            return;
        }
        for (ClientModel client : alexaClients) {
            List<Violation> violations = check(client, rules);
            for (Violation violation : InputLimits.firstListed(violations)) {
                LOG.errorf("Alexa client '%s' in realm '%s' breaks rule %s: %s",
                        client.getClientId(), realm.getName(), violation.rule(), violation.message());
            }
            if (violations.size() > InputLimits.MAX_PROBLEMS_LISTED) {
                LOG.errorf("Alexa client '%s' in realm '%s' has %d more problem(s); the diagnostics list them (%s logs at most %d)",
                        client.getClientId(), realm.getName(), violations.size() - InputLimits.MAX_PROBLEMS_LISTED,
                        InputLimits.NAME, InputLimits.MAX_PROBLEMS_LISTED);
            }
            problems += violations.size();
            if (rules.redirectUris() != null) {
                for (String missing : rules.redirectUris().missingRegionalUris(client.getRedirectUris())) {
                    LOG.warnf("Alexa client '%s' in realm '%s' does not register %s: users of that region cannot link",
                            client.getClientId(), realm.getName(), missing);
                }
            }
        }
        List<Violation> realmViolations = new RefreshTokenRule().checkRealm(realm.isRevokeRefreshToken(),
                realm.getRefreshTokenMaxReuse(), realm.getOfflineSessionIdleTimeout(),
                realm.isOfflineSessionMaxLifespanEnabled(), realm.getOfflineSessionMaxLifespan());
        for (Violation violation : realmViolations) {
            LOG.errorf("Realm '%s' breaks rule %s for its Alexa clients: %s", realm.getName(), violation.rule(), violation.message());
        }
        if (rules.tokens() != null) {
            rules.tokens().noteOnRealmDefault(realm.getAccessTokenLifespan())
                    .ifPresent(note -> LOG.infof("Realm '%s': %s", realm.getName(), note));
        }
        problems += realmViolations.size();
        LOG.infof("Alexa rules check of realm '%s': %d Alexa client(s) %s, %d problem(s)", realm.getName(),
                alexaClients.size(), alexaClients.stream().map(ClientModel::getClientId).toList(), problems);
    }

    static List<Violation> check(ClientModel client, Rules rules) {
        List<Violation> violations = new ArrayList<>();
        if (rules.redirectUris() != null) {
            violations.addAll(rules.redirectUris().checkRegistered(client.getRedirectUris()));
        }
        if (rules.scopes() != null) {
            violations.addAll(rules.scopes().checkClientScopes(client.getClientScopes(true).keySet(),
                    client.getClientScopes(false).keySet()));
        }
        if (rules.tokens() != null) {
            rules.tokens().checkClientLifespan(client.getAttribute(OIDCConfigAttributes.ACCESS_TOKEN_LIFESPAN)).ifPresent(violations::add);
            new RefreshTokenRule().checkUseRefreshTokens(client.getAttribute(OIDCConfigAttributes.USE_REFRESH_TOKEN)).ifPresent(violations::add);
        }
        if (rules.tokens() != null) {
            TokenAudienceRule.check(client.getClientId(), AudienceMappers.of(client)).ifPresent(violations::add);
            AudienceMappers.resourceAudienceOf(client).flatMap(TokenAudienceRule::resourceAudienceProblem)
                    .ifPresent(problem -> violations.add(new Violation(TokenAudienceRule.NAME, problem)));
        }
        if (rules.shape() != null) {
            PkceRule.checkClientSetting(client.getAttribute(PkceRule.CLIENT_ATTRIBUTE)).ifPresent(violations::add);
            ClientShapeRule.Result result = rules.shape().evaluate(new ClientShapeRule.Shape(client.isPublicClient(),
                    client.isBearerOnly(), client.getClientAuthenticatorType(), client.isStandardFlowEnabled(),
                    client.isImplicitFlowEnabled(), client.isDirectAccessGrantsEnabled(), client.isConsentRequired()));
            violations.addAll(result.violations());
            // Imported clients are not changed behind the admin's back: what create/update would repair is reported.
            result.repairs().forEach(r -> violations.add(new Violation(ClientShapeRule.NAME, r.setting() + " should be "
                    + r.value() + ": " + r.reason())));
            if (!client.isPublicClient()) {
                ClientSecretRule.check(client.getSecret())
                        .filter(v -> Placeholders.unresolvedVariable(client.getSecret()).isEmpty())
                        .ifPresent(violations::add);
            }
        }
        return violations;
    }
}
