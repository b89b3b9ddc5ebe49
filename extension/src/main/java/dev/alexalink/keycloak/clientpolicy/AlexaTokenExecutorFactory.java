package dev.alexalink.keycloak.clientpolicy;

import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.rules.TokenLifetimeRule;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import java.util.List;

public class AlexaTokenExecutorFactory extends AbstractAlexaExecutorFactory {

    public static final String PROVIDER_ID = "alexa-tokens";
    public static final String MINIMUM_ACCESS_TOKEN_LIFESPAN = "minimum-access-token-lifespan";

    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(MINIMUM_ACCESS_TOKEN_LIFESPAN)
            .label("Minimum access token lifespan (seconds)")
            .helpText("Access tokens issued to Alexa clients live at least this long, whatever the realm default."
                    + " Alexa requires " + TokenLifetimeRule.ALEXA_MINIMUM_SECONDS + " s or more.")
            .type(KeycloakApi.integerType())
            .defaultValue(TokenLifetimeRule.ALEXA_MINIMUM_SECONDS)
            .add()
            .build();

    @Override
    public ClientPolicyExecutorProvider<?> create(KeycloakSession session) {
        return new AlexaTokenExecutor(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Tokens for Alexa clients: access tokens live at least the minimum lifespan (expires_in is always sent),"
                + " refresh tokens are offline tokens, and client settings that would break this are refused.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }
}
