package dev.alexalink.keycloak;

import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.rules.ClientSecretGuessingRule;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import java.util.List;

public class AlexaClientSecretGuardExecutorFactory extends AbstractAlexaExecutorFactory {

    public static final String PROVIDER_ID = "alexa-client-secret-guard";
    public static final String MAX_FAILURES = "max-failures";
    public static final String FAILURE_WINDOW_SECONDS = "failure-window-seconds";
    public static final String LOCKOUT_SECONDS = "lockout-seconds";

    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(MAX_FAILURES).label("Failures before lockout")
            .helpText("Failed client authentications of one Alexa client from one source address, within the window,"
                    + " that lock this source out of the client (1 to 10000).")
            .type(KeycloakApi.integerType()).defaultValue(ClientSecretGuessingRule.DEFAULT_MAX_FAILURES).add()
            .property().name(FAILURE_WINDOW_SECONDS).label("Failure window (seconds)")
            .helpText("The sliding window in which failures are counted (1 to 86400).")
            .type(KeycloakApi.integerType()).defaultValue(ClientSecretGuessingRule.DEFAULT_WINDOW_SECONDS).add()
            .property().name(LOCKOUT_SECONDS).label("Lockout (seconds)")
            .helpText("How long a locked-out source is refused, even with the right secret (1 to 86400). Other sources,"
                    + " such as Amazon's servers, are not affected.")
            .type(KeycloakApi.integerType()).defaultValue(ClientSecretGuessingRule.DEFAULT_LOCKOUT_SECONDS).add()
            .build();

    @Override
    public ClientPolicyExecutorProvider<?> create(KeycloakSession session) {
        return new AlexaClientSecretGuardExecutor(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Locks a source address out of an Alexa client after repeated failed client authentications (secret"
                + " guessing). Counted per server node, in memory. Enforced by the client authenticator "
                + AlexaClientSecretGuard.PROVIDER_ID + " in the realm's client authentication flow.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }
}
