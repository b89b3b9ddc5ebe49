package dev.alexalink.keycloak.clientpolicy;

import dev.alexalink.keycloak.startup.AlexaRealmCheck;
import dev.alexalink.keycloak.startup.RealmFilePlaceholderCheck;

import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.rules.AlexaClientRule;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.condition.AbstractClientPolicyConditionProviderFactory;
import org.keycloak.services.clientpolicy.condition.ClientPolicyConditionProvider;

import java.util.ArrayList;
import java.util.List;

public class AlexaClientConditionFactory extends AbstractClientPolicyConditionProviderFactory {

    public static final String PROVIDER_ID = "alexa-client";

    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES = new ArrayList<>();

    static {
        addCommonConfigProperties(CONFIG_PROPERTIES);
    }

    @Override
    public ClientPolicyConditionProvider create(KeycloakSession session) {
        return new AlexaClientCondition(session);
    }

    /**
     * Realm import bypasses client policies, so realm files are checked before they are imported, imported realms as
     * they are imported, and all realms once the server has started. On an unsupported Keycloak version, the one
     * line that says so is logged instead.
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (KeycloakApi.UNSUPPORTED.isPresent()) {
            KeycloakApi.reportUnsupportedVersion();
            return;
        }
        RealmFilePlaceholderCheck.checkImportDirectory();
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                AlexaRealmCheck.checkImportedRealm(created.getKeycloakSession(), created.getCreatedRealm());
            } else if (event instanceof PostMigrationEvent) {
                AlexaRealmCheck.checkAllRealms(factory);
            }
        });
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Matches Alexa skill clients: clients with a redirect URI on an Alexa host (pitangui.amazon.com,"
                + " layla.amazon.com, alexa.amazon.co.jp) or the attribute " + AlexaClientRule.MARKER_ATTRIBUTE + "=true."
                + " Also decides on client registration.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }

    @Override
    public void init(Config.Scope config) {
    }
}
