package dev.alexalink.keycloak.startup;

import dev.alexalink.keycloak.admin.AlexaSkillsPageFactory;
import dev.alexalink.keycloak.authentication.AlexaClientSecretGuard;
import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.keycloak.events.AlexaLinkEventListenerProviderFactory;
import dev.alexalink.rules.StateRule;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything the extension does when the server starts, once per server: the refusal line of an unsupported Keycloak
 * version (and nothing else then), the placeholder check of the realm files about to be imported, the one listener of
 * Keycloak's provider events (realm creation and import, realm removal, user deletion), and, once the server has
 * started, the audit of every realm and the note on the server's limit on the state parameter.
 * <p>
 * It runs from {@link dev.alexalink.keycloak.clientpolicy.AlexaClientConditionFactory#postInit}: the condition's
 * factory is loaded on every Keycloak version, supported or not (the admin page and API factories are absent where
 * unsupported, the executors are several factories), and the Alexa rules mean nothing without client policies, whose
 * feature it belongs to.
 */
public final class AlexaStartup {

    private static final Logger LOG = Logger.getLogger("dev.alexalink.startup");
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private AlexaStartup() {}

    public static void start(KeycloakSessionFactory factory) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        if (KeycloakApi.UNSUPPORTED.isPresent()) {
            KeycloakApi.reportUnsupportedVersion();
            return;
        }
        if (!KeycloakApi.hasBearerToken()) {
            LOG.warnf(
                    "The admin console page 'Alexa skills' is absent on Keycloak %s, which does not give providers the"
                            + " admin's token (26.1+); set up skills with PUT /admin/realms/{realm}/alexa/skills/{clientId}",
                    KeycloakApi.RUNNING_VERSION);
        }
        RealmFilePlaceholderCheck.checkImportDirectory();
        factory.register(event -> onEvent(factory, event));
    }

    private static void logConsoleValues(KeycloakSessionFactory factory) {
        ConsoleValuesAtStartup console = ConsoleValuesAtStartup.fromEnvironment();
        if (console.enabled()) {
            KeycloakModelUtils.runJobInTransaction(
                    factory,
                    session -> session.realms().getRealmsStream().forEach(realm -> console.log(session, realm)));
            console.finish();
        }
    }

    private static void onEvent(KeycloakSessionFactory factory, ProviderEvent event) {
        if (event instanceof RealmModel.RealmCreationEvent created) {
            AlexaSkillsPageFactory.realmImportStarted(created.getKeycloakSession(), created.getCreatedRealm());
        } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
            AlexaSkillsPageFactory.realmImportEnded(created.getKeycloakSession(), created.getCreatedRealm());
            AlexaClientSecretGuard.realmImported(created.getKeycloakSession(), created.getCreatedRealm());
            // Last: a placeholder in an Alexa client aborts the import.
            AlexaRealmCheck.checkImportedRealm(created.getKeycloakSession(), created.getCreatedRealm());
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            AlexaClientSecretGuard.forget(removed.getRealm());
        } else if (event instanceof UserModel.UserPreRemovedEvent removed) {
            AlexaLinkEventListenerProviderFactory.userBeingRemoved(
                    removed.getKeycloakSession(), removed.getRealm(), removed.getUser());
        } else if (event instanceof PostMigrationEvent) {
            StateRule.noteOnServerLimit(KeycloakApi.stateLengthLimit())
                    .ifPresent(note -> LOG.warnf("Alexa rule %s: %s", StateRule.NAME, note));
            AlexaRealmCheck.checkAllRealms(factory);
            logConsoleValues(factory);
        }
    }
}
