package dev.alexalink.keycloak.clientpolicy;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import java.util.List;

public class AlexaClientShapeExecutorFactory extends AbstractAlexaExecutorFactory {

    public static final String PROVIDER_ID = "alexa-client-shape";
    public static final String AUTO_CONFIGURE = "auto-configure";
    public static final String ALLOW_IMPLICIT_FLOW = "allow-implicit-flow";
    public static final String ALLOW_DIRECT_ACCESS_GRANTS = "allow-direct-access-grants";

    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(AUTO_CONFIGURE)
            .label("Auto-configure")
            .helpText(
                    "On: switch on the authorization code flow and consent, and switch off implicit flow and direct"
                            + " access grants, when a client is created or updated (each change is logged). Off: refuse such clients.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(true)
            .add()
            .property()
            .name(ALLOW_IMPLICIT_FLOW)
            .label("Allow implicit flow")
            .helpText("Alexa never uses the implicit flow. Leave off.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(false)
            .add()
            .property()
            .name(ALLOW_DIRECT_ACCESS_GRANTS)
            .label("Allow direct access grants")
            .helpText("Alexa never uses the password grant. Leave off.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(false)
            .add()
            .build();

    @Override
    public ClientPolicyExecutorProvider<?> create(KeycloakSession session) {
        return new AlexaClientShapeExecutor(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Alexa clients are confidential (client secret of letters and digits), use the authorization code flow"
                + " and require consent; implicit flow and direct access grants are refused unless allowed.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }
}
