package dev.alexalink.keycloak.clientpolicy;

import dev.alexalink.keycloak.startup.AlexaStartup;
import dev.alexalink.rules.AlexaClientRule;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
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

    /** The extension's one start-up hook: {@link AlexaStartup} says why here. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        AlexaStartup.start(factory);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Matches Alexa skill clients: clients with a redirect URI on an Alexa host (pitangui.amazon.com,"
                + " layla.amazon.com, alexa.amazon.co.jp) or the attribute " + AlexaClientRule.MARKER_ATTRIBUTE
                + "=true."
                + " Also decides on client registration.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }

    @Override
    public void init(Config.Scope config) {}
}
