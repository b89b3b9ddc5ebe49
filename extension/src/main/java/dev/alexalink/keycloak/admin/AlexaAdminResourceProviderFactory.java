package dev.alexalink.keycloak.admin;

import dev.alexalink.keycloak.compat.KeycloakApi;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

import java.util.Map;

/**
 * Mounts {@link AlexaAdminResource} at {@code /admin/realms/{realm}/alexa}. On an unsupported Keycloak version each
 * call answers 503, naming the version.
 */
public final class AlexaAdminResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "alexa";

    private static final AdminRealmResourceProvider PROVIDER =
            KeycloakApi.adminResourceProvider((session, realm, auth, adminEvent) -> {
                if (KeycloakApi.UNSUPPORTED.isPresent()) {
                    throw new WebApplicationException(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                            .type(MediaType.APPLICATION_JSON)
                            .entity(Map.of(
                                    "error",
                                    "unsupported_keycloak_version",
                                    "error_description",
                                    KeycloakApi.UNSUPPORTED.get()))
                            .build());
                }
                return new AlexaAdminResource(session, realm, auth, adminEvent);
            });

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return PROVIDER;
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
