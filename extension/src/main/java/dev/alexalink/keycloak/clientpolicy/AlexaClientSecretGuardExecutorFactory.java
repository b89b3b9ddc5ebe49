package dev.alexalink.keycloak.clientpolicy;

import dev.alexalink.keycloak.authentication.AlexaClientSecretGuard;
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
    /** An option of older versions, which locked a source out; now it only earns a warning (see the guard). */
    public static final String OBSOLETE_LOCKOUT_SECONDS = "lockout-seconds";

    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(MAX_FAILURES)
            .label("Failures before a warning")
            .helpText(
                    "Wrong secrets of one Alexa client within the window, from one source or from all, at which the guard"
                            + " logs a warning (1 to 10000). Nothing is refused: the right secret is always accepted.")
            .type(KeycloakApi.integerType())
            .defaultValue(ClientSecretGuessingRule.DEFAULT_MAX_FAILURES)
            .add()
            .property()
            .name(FAILURE_WINDOW_SECONDS)
            .label("Failure window (seconds)")
            .helpText("The window in which failures are counted (1 to 86400).")
            .type(KeycloakApi.integerType())
            .defaultValue(ClientSecretGuessingRule.DEFAULT_WINDOW_SECONDS)
            .add()
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
        return "Counts and reports wrong secrets of Alexa clients (alexa_client_secret_guard_total, bounded warnings);"
                + " never refuses the right secret. Counted per server node, in memory, by the client authenticator "
                + AlexaClientSecretGuard.PROVIDER_ID + " in the realm's client authentication flow.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }
}
