package dev.alexalink.keycloak.admin;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts the Alexa admin page ({@link AlexaAdminPageResource}) at {@code /realms/{adminRealm}/alexa-admin/}. */
public final class AlexaAdminPageProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "alexa-admin";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new AlexaAdminPageResource(session);
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
