package dev.alexalink.keycloak.clientpolicy;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

abstract class AbstractAlexaExecutorFactory implements ClientPolicyExecutorProviderFactory {

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
