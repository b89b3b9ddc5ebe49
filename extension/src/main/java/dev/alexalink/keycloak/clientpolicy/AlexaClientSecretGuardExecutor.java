package dev.alexalink.keycloak.clientpolicy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.alexalink.rules.ClientSecretGuessingRule;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.clientpolicy.ClientPolicyContext;

/**
 * The validated settings of {@link ClientSecretGuessingRule}. The client authenticator {@link AlexaClientSecretGuard}
 * enforces them: client authentication runs before any client-policy event of the token endpoint, so this executor
 * has nothing to do on events. Its place in an enabled policy's profile turns the guard on for that realm.
 */
public class AlexaClientSecretGuardExecutor
        extends RuleExecutor<AlexaClientSecretGuardExecutor.Configuration, ClientSecretGuessingRule.Settings> {

    public AlexaClientSecretGuardExecutor(KeycloakSession session) {
        super(session, Configuration.class, Configuration::new);
    }

    /** Strings, so that a value that is not a number is named by the rule instead of failing to map. */
    public static class Configuration extends RuleConfiguration<ClientSecretGuessingRule.Settings> {
        @JsonProperty(AlexaClientSecretGuardExecutorFactory.MAX_FAILURES)
        public String maxFailures;

        @JsonProperty(AlexaClientSecretGuardExecutorFactory.FAILURE_WINDOW_SECONDS)
        public String failureWindowSeconds;
        /** Obsolete: read only so that the guard can say it has no effect (older realm files carry it). */
        @JsonProperty(AlexaClientSecretGuardExecutorFactory.OBSOLETE_LOCKOUT_SECONDS)
        public String lockoutSeconds;

        @Override
        protected ClientSecretGuessingRule.Settings rule() {
            return ClientSecretGuessingRule.settings(maxFailures, failureWindowSeconds);
        }
    }

    @Override
    public String getProviderId() {
        return AlexaClientSecretGuardExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) {}
}
