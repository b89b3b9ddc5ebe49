package dev.alexalink.keycloak.clientpolicy;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import java.util.function.Supplier;

/** An executor that hands Keycloak's client-policy events to one rule built from its configuration. */
abstract class RuleExecutor<C extends RuleConfiguration<R>, R> implements ClientPolicyExecutorProvider<C> {

    protected final KeycloakSession session;
    protected R rule;
    private final Class<C> configurationClass;
    private final Supplier<C> defaults;

    RuleExecutor(KeycloakSession session, Class<C> configurationClass, Supplier<C> defaults) {
        this.session = session;
        this.configurationClass = configurationClass;
        this.defaults = defaults;
    }

    @Override
    public void setupConfiguration(C config) {
        this.rule = (config == null ? defaults.get() : config).toRule();
    }

    @Override
    public Class<C> getExecutorConfigurationClass() {
        return configurationClass;
    }
}
