package dev.alexalink.keycloak.startup;

import dev.alexalink.keycloak.clientpolicy.RealmAudit;
import dev.alexalink.keycloak.clientpolicy.Refusals;
import dev.alexalink.rules.AlexaDiagnostics;
import dev.alexalink.rules.AlexaDiagnostics.ClientReport;
import dev.alexalink.rules.AlexaDiagnostics.Report;
import dev.alexalink.rules.Check;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Realm import (at startup, by POST /admin/realms, or partial import) never runs client-policy executors. This check
 * logs the realm's diagnostics report (the one the diagnostics API shows) for its Alexa clients: when a realm is
 * imported, and for every realm once the server has started. It leaves out the realm's URL, which no request tells
 * at startup.
 * <p>
 * An unresolved {@code ${VAR}} placeholder in an Alexa client, or an executor configuration that cannot be read,
 * fails the import, so that nothing of the realm is stored and the server does not start with it. One already in the
 * database (from an older version, or a partial import) is reported, and {@link ClientPlaceholders} makes the
 * executors refuse every request for that client.
 */
final class AlexaRealmCheck {

    private static final Logger LOG = Logger.getLogger("dev.alexalink.startup");

    /** Realms imported during this start were checked as they were imported; the start-up pass skips them. */
    private static final Set<String> CHECKED_ON_IMPORT = ConcurrentHashMap.newKeySet();

    private AlexaRealmCheck() {}

    /** Checks a realm being imported, inside the import's transaction: a placeholder aborts the whole import. */
    static void checkImportedRealm(KeycloakSession session, RealmModel realm) {
        List<String> fatal = check(session, realm);
        CHECKED_ON_IMPORT.add(realm.getId());
        if (!fatal.isEmpty()) {
            // An HTTP error response alone would not undo the import of POST /admin/realms.
            session.getTransactionManager().setRollbackOnly();
            throw new Refusals.InvalidConfigurationException(
                    "Realm '" + realm.getName() + "' was not imported: " + String.join(" | ", fatal));
        }
    }

    /** Checks every realm once the server has started. */
    static void checkAllRealms(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(
                factory,
                session -> session.realms()
                        .getRealmsStream()
                        .filter(realm -> !CHECKED_ON_IMPORT.remove(realm.getId()))
                        .forEach(realm -> {
                            for (String problem : check(session, realm)) {
                                LOG.errorf("%s. Alexa linking in this realm cannot work until this is fixed.", problem);
                            }
                        }));
    }

    /** Logs the report of the realm's Alexa clients; returns the unresolved placeholders and unreadable executors. */
    private static List<String> check(KeycloakSession session, RealmModel realm) {
        List<ClientModel> alexaClients = RealmAudit.alexaClients(realm);
        List<String> fatal = new ArrayList<>();
        if (alexaClients.isEmpty()) {
            return fatal;
        }
        for (ClientModel client : alexaClients) {
            ClientPlaceholders.unresolved(client)
                    .forEach(p -> fatal.add(
                            "Alexa client '" + client.getClientId() + "' in realm '" + realm.getName() + "': " + p));
        }
        List<String> unreadable = new ArrayList<>();
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        Report report;
        try {
            report = RealmAudit.audit(session, realm, alexaClients, null, unreadable);
        } finally {
            session.getContext().setRealm(previous);
        }
        unreadable.forEach(problem ->
                fatal.add(problem.startsWith("realm '") ? problem : "realm '" + realm.getName() + "': " + problem));
        int problems = fatal.size();
        for (ClientReport client : report.clients()) {
            problems += log(
                    "Alexa client '" + client.clientId() + "' in realm '" + realm.getName() + "'", client.problems());
        }
        problems += log("Realm '" + realm.getName() + "'", report.realmProblems());
        LOG.infof(
                "Alexa rules check of realm '%s': %d Alexa client(s) %s, %d problem(s)",
                realm.getName(),
                alexaClients.size(),
                alexaClients.stream().map(ClientModel::getClientId).toList(),
                problems);
        return fatal;
    }

    /** One line for what does not pass: ERROR when something fails, WARN when there are only warnings. */
    private static int log(String subject, List<Check> problems) {
        if (problems.isEmpty()) {
            return 0;
        }
        boolean fails = problems.stream().anyMatch(check -> check.status() == Check.Status.FAIL);
        LOG.logf(
                fails ? Logger.Level.ERROR : Logger.Level.WARN, "%s: %s", subject, AlexaDiagnostics.describe(problems));
        return problems.size();
    }
}
