package dev.alexalink.keycloak.startup;

import dev.alexalink.rules.Placeholders;
import org.keycloak.models.ClientModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds realm-import placeholders ({@code ${VAR}}) that were never replaced in a client's settings. */
public final class ClientPlaceholders {

    private ClientPlaceholders() {}

    public static List<String> unresolved(ClientModel client) {
        List<String> found = new ArrayList<>();
        Placeholders.unresolvedVariable(client.getSecret())
                .ifPresent(v -> found.add(Placeholders.explain(v, "the client secret")));
        for (String uri : client.getRedirectUris()) {
            Placeholders.unresolvedVariable(uri)
                    .ifPresent(v -> found.add(Placeholders.explain(v, "redirect URI '" + uri + "'")));
        }
        Placeholders.unresolvedVariable(client.getRootUrl())
                .ifPresent(v -> found.add(Placeholders.explain(v, "the root URL")));
        Placeholders.unresolvedVariable(client.getBaseUrl())
                .ifPresent(v -> found.add(Placeholders.explain(v, "the home URL")));
        for (Map.Entry<String, String> attribute : client.getAttributes().entrySet()) {
            Placeholders.unresolvedVariable(attribute.getValue())
                    .ifPresent(v -> found.add(Placeholders.explain(v, "attribute " + attribute.getKey())));
        }
        return found;
    }
}
