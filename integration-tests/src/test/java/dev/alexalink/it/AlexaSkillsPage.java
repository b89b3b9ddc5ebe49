package dev.alexalink.it;

import dev.alexalink.testkit.server.AlexaServer;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;

import java.util.List;
import java.util.Map;

/**
 * The items of the admin console's "Alexa skills" page as the console reads and writes them: components of the
 * realm, through {@code /admin/realms/{realm}/components}.
 */
final class AlexaSkillsPage {

    static final String TYPE = "org.keycloak.services.ui.extend.UiPageProvider";
    static final String PROVIDER_ID = "alexa-skills";

    private AlexaSkillsPage() {}

    /** Saves a new item, as the console's Save on the "add" page does; returns the HTTP response. */
    static Response add(String realm, Map<String, List<String>> config) {
        ComponentRepresentation item = new ComponentRepresentation();
        item.setProviderId(PROVIDER_ID);
        item.setProviderType(TYPE);
        item.setParentId(resource(realm).toRepresentation().getId());
        item.setConfig(new MultivaluedHashMap<>(config));
        return resource(realm).components().add(item);
    }

    static List<ComponentRepresentation> items(String realm) {
        String realmId = resource(realm).toRepresentation().getId();
        return resource(realm).components().query(realmId, TYPE).stream()
                .filter(item -> PROVIDER_ID.equals(item.getProviderId()))
                .toList();
    }

    static ComponentRepresentation item(String realm, String clientId) {
        return items(realm).stream()
                .filter(item -> clientId.equals(value(item, "client")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Alexa skill item for " + clientId + " in " + realm));
    }

    static String value(ComponentRepresentation item, String field) {
        List<String> values = item.getConfig().get(field);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static RealmResource resource(String realm) {
        return AlexaServer.admin().realm(realm);
    }
}
