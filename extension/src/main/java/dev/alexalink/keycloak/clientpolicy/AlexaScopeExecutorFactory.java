package dev.alexalink.keycloak.clientpolicy;

import dev.alexalink.rules.ScopeRule;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import java.util.List;

public class AlexaScopeExecutorFactory extends AbstractAlexaExecutorFactory {

    public static final String PROVIDER_ID = "alexa-scopes";
    public static final String ALLOWED_SCOPES = "allowed-scopes";

    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(ALLOWED_SCOPES)
            .label("Allowed scopes")
            .helpText("The scopes the skill asks for, exactly as entered in the Alexa developer console (at most "
                    + ScopeRule.MAX_SCOPES
                    + "). Anything else is refused with invalid_scope. offline_access is always allowed.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .add()
            .build();

    @Override
    public ClientPolicyExecutorProvider<?> create(KeycloakSession session) {
        return new AlexaScopeExecutor(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Alexa clients grant only the skill's allowed scopes (at most " + ScopeRule.MAX_SCOPES + "), a refresh"
                + " never widens them, and offline_access is a default scope so that links outlive SSO sessions.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }
}
