package dev.alexalink.bench.load;

import dev.alexalink.rules.AlexaClientRule;
import dev.alexalink.testkit.server.Secrets;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A client the benchmark drives: the realm's Alexa skill client, with every Alexa rule active, or the control client,
 * a copy of it that no Alexa policy applies to. The copy differs only in what makes a client an Alexa client (the
 * marker attribute and Amazon's redirect hosts: it redirects to a host of its own) and in its id and secret.
 */
public record ClientUnderTest(String label, String clientId, String secret, String redirectUri) {

    public static final String ALEXA_LABEL = "Alexa";
    public static final String CONTROL_LABEL = "control";
    static final String ALEXA_CLIENT_ID = "alexa-skill";
    static final String CONTROL_CLIENT_ID = "bench-control";
    static final String CONTROL_REDIRECT_HOST = "https://control.bench.example.com";

    public static ClientUnderTest alexa(String secret) {
        return new ClientUnderTest(
                ALEXA_LABEL,
                ALEXA_CLIENT_ID,
                secret,
                "https://pitangui.amazon.com/api/skill/link/" + BenchServer.VENDOR_ID);
    }

    /** Creates the control client from the Alexa client's current settings. */
    public static ClientUnderTest createControl(RealmResource realm) {
        ClientRepresentation alexa = realm.clients().findByClientId(ALEXA_CLIENT_ID).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The realm has no client " + ALEXA_CLIENT_ID));
        ClientRepresentation control = realm.clients().get(alexa.getId()).toRepresentation();
        String secret = Secrets.random(40);
        String redirectUri = CONTROL_REDIRECT_HOST + "/api/skill/link/" + BenchServer.VENDOR_ID;
        control.setId(null);
        control.setClientId(CONTROL_CLIENT_ID);
        control.setName("Benchmark control (no Alexa policy)");
        control.setSecret(secret);
        control.setRedirectUris(List.of(redirectUri));
        Map<String, String> attributes = new HashMap<>(control.getAttributes());
        attributes.remove(AlexaClientRule.MARKER_ATTRIBUTE);
        control.setAttributes(attributes);
        control.setProtocolMappers(null);
        if (AlexaClientRule.isAlexaClient(control.getRedirectUris(), attributes)) {
            throw new IllegalStateException(
                    "The control client would still count as an Alexa client: " + control.getRedirectUris());
        }
        try (Response response = realm.clients().create(control)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("Creating the control client: HTTP " + response.getStatus() + " "
                        + response.readEntity(String.class));
            }
        }
        return new ClientUnderTest(CONTROL_LABEL, CONTROL_CLIENT_ID, secret, redirectUri);
    }

    /** The simulation's settings for this client. */
    Map<String, String> settings() {
        return Map.of("sim.clientId", clientId, "sim.secret", secret, "sim.redirectUri", redirectUri);
    }
}
