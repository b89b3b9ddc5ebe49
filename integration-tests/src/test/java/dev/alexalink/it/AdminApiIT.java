package dev.alexalink.it;

import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.Secrets;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Alexa clients created and updated through the admin REST API, as an identity admin or a script does it. */
@ExtendWith(AlexaServer.class)
class AdminApiIT {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://pitangui.amazon.com/*",
                "http://pitangui.amazon.com/api/skill/link/M2TESTVENDOR01",
                "https://pitangui.amazon.com.evil.example/api/skill/link/M2TESTVENDOR01",
                "https://layla.amazon.com/api/skill/link/M2OTHERVENDOR9",
                "https://alexa.amazon.co.jp:443/api/skill/link/M2TESTVENDOR01",
                "https://pitangui.amazon.com/api/skill/link/M2TESTVENDOR01?next=https://evil.example"
            })
    void refusesABadRedirectUriNamingIt(String badUri) {
        ClientRepresentation client = alexaClient();
        client.setRedirectUris(List.of(AlexaRegion.NORTH_AMERICA.redirectUri(AlexaServer.VENDOR_ID), badUri));

        try (Response response = AlexaServer.realm().clients().create(client)) {
            assertThat(response.getStatus()).isEqualTo(400);
            Map<?, ?> body = response.readEntity(Map.class);
            assertThat(body.get("error")).isEqualTo("invalid_redirect_uri");
            assertThat((String) body.get("error_description"))
                    .contains("'" + badUri + "'")
                    .contains("is refused:");
        }
        assertThat(AlexaServer.realm().clients().findByClientId(client.getClientId()))
                .as("nothing created")
                .isEmpty();
    }

    @Test
    void repairsWhatItCanAndLeavesTheRealmDefaultsOut() {
        ClientRepresentation client = alexaClient();
        client.setImplicitFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setConsentRequired(false);

        ClientRepresentation created = create(client);

        assertThat(created.isImplicitFlowEnabled()).isFalse();
        assertThat(created.isDirectAccessGrantsEnabled()).isFalse();
        assertThat(created.isConsentRequired()).isTrue();
        assertThat(created.isStandardFlowEnabled()).isTrue();
        assertThat(created.getDefaultClientScopes())
                .contains("offline_access", "basic")
                .doesNotContain("email", "roles", "profile");
        assertThat(created.getOptionalClientScopes()).containsExactly("profile");
        AlexaServer.assertLogContains("Alexa rules repaired client '" + client.getClientId() + "'");
    }

    @Test
    void refusesASecretThatAlexaMightEncodeDifferently() {
        ClientRepresentation client = alexaClient();
        String secret = "Abcdefghijklmnopqrstuvwxyz01234+56789";
        client.setSecret(secret);

        try (Response response = AlexaServer.realm().clients().create(client)) {
            assertThat(response.getStatus()).isEqualTo(400);
            String description = (String) response.readEntity(Map.class).get("error_description");
            assertThat(description).contains("letter or digit at position 32").doesNotContain(secret);
        }
    }

    @Test
    void refusesAnExplicitAccessTokenLifespanBelow360Seconds() {
        ClientRepresentation client = alexaClient();
        client.getAttributes().put("access.token.lifespan", "300");

        try (Response response = AlexaServer.realm().clients().create(client)) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat((String) response.readEntity(Map.class).get("error_description"))
                    .contains("300 s")
                    .contains("360");
        }
    }

    @Test
    void refusesAPublicClient() {
        ClientRepresentation client = alexaClient();
        client.setPublicClient(true);

        try (Response response = AlexaServer.realm().clients().create(client)) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat((String) response.readEntity(Map.class).get("error_description"))
                    .contains("the client is public");
        }
    }

    @Test
    void refusesAnUpdateToABadRedirectUriAndKeepsTheClientAsItWas() {
        ClientRepresentation created = create(alexaClient());
        ClientResource resource = AlexaServer.realm().clients().get(created.getId());
        ClientRepresentation update = resource.toRepresentation();
        update.setRedirectUris(List.of("https://pitangui.amazon.com/api/skill/link/*"));
        update.setDescription("changed");

        try (Response response = responseOf(() -> resource.update(update))) {
            assertThat(response.getStatus()).isEqualTo(400);
        }
        ClientRepresentation after = resource.toRepresentation();
        assertThat(after.getRedirectUris()).containsExactlyInAnyOrderElementsOf(created.getRedirectUris());
        assertThat(after.getDescription()).isNotEqualTo("changed");
    }

    @Test
    void leavesOtherClientsOfTheRealmAlone() {
        ClientRepresentation other = new ClientRepresentation();
        other.setClientId("web-app-" + UUID.randomUUID());
        other.setRedirectUris(List.of("https://app.example.com/*"));
        other.setImplicitFlowEnabled(true);
        other.setDirectAccessGrantsEnabled(true);

        ClientRepresentation created = create(other);

        assertThat(created.isImplicitFlowEnabled()).isTrue();
        assertThat(created.isDirectAccessGrantsEnabled()).isTrue();
        assertThat(created.isConsentRequired()).isFalse();
        assertThat(created.getRedirectUris()).containsExactly("https://app.example.com/*");
        assertThat(created.getDefaultClientScopes()).contains("email", "roles");
    }

    /** The admin console builds its client-policy forms from these declarations. */
    @Test
    void declaresEveryOptionForTheAdminConsole() {
        var componentTypes = AlexaServer.admin().serverInfo().getInfo().getComponentTypes();
        Map<String, List<String>> options = new HashMap<>();
        componentTypes.forEach((type, components) -> components.forEach(component -> options.put(
                component.getId(),
                component.getProperties().stream().map(p -> p.getName()).toList())));

        assertThat(options)
                .containsEntry("alexa-client", List.of("is-negative-logic"))
                .containsEntry(
                        "alexa-redirect-uris",
                        List.of("vendor-ids", "regions", "app-redirect-uris", "legacy-status-page"))
                .containsEntry("alexa-scopes", List.of("allowed-scopes"))
                .containsEntry("alexa-tokens", List.of("minimum-access-token-lifespan"))
                .containsEntry(
                        "alexa-client-shape",
                        List.of("auto-configure", "allow-implicit-flow", "allow-direct-access-grants"));
    }

    /** Invalid executor options are refused naming every problem, and nothing of the change is stored. */
    @Test
    void refusesInvalidExecutorOptionsNamingEachProblem() {
        var profiles = AlexaServer.realm().clientPoliciesProfilesResource();
        var before = profiles.getProfiles(false);
        var broken = profiles.getProfiles(false);
        broken.getProfiles().get(0).getExecutors().stream()
                .filter(e -> e.getExecutorProviderId().equals("alexa-redirect-uris"))
                .findFirst()
                .orElseThrow()
                .setConfiguration(new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode()
                        .set(
                                "vendor-ids",
                                new com.fasterxml.jackson.databind.ObjectMapper()
                                        .createArrayNode()
                                        .add("M2-BAD")
                                        .add("${UNSET_VENDOR}")));

        try (Response response = responseOf(() -> profiles.updateProfiles(broken))) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(String.class))
                    .contains("vendor ID 'M2-BAD' must be 1 to 64 letters and digits")
                    .contains("the environment variable UNSET_VENDOR was not set");
        }
        assertThat(profiles.getProfiles(false).getProfiles())
                .usingRecursiveComparison()
                .isEqualTo(before.getProfiles());
    }

    /** POST /admin/realms imports without client policies; an unresolved placeholder still stops it, whole. */
    @Test
    void refusesToImportARealmWhoseAlexaClientKeepsAPlaceholder() {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm("imported-" + UUID.randomUUID());
        realm.setEnabled(true);
        ClientRepresentation client = alexaClient();
        client.setSecret("${SOME_UNSET_SECRET_VARIABLE}");
        realm.setClients(List.of(client));

        try (Response response = responseOf(() -> AlexaServer.admin().realms().create(realm))) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(String.class))
                    .contains("was not imported")
                    .contains("the client secret still holds the placeholder ${SOME_UNSET_SECRET_VARIABLE}");
        }
        assertThat(AlexaServer.admin().realms().findAll())
                .extracting(RealmRepresentation::getRealm)
                .doesNotContain(realm.getRealm());
    }

    static ClientRepresentation alexaClient() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("skill-" + UUID.randomUUID());
        client.setSecret(Secrets.random(40));
        client.setRedirectUris(Arrays.stream(AlexaRegion.values())
                .map(r -> r.redirectUri(AlexaServer.VENDOR_ID))
                .toList());
        client.setAttributes(new HashMap<>(Map.of("alexa.skill", "true")));
        return client;
    }

    static ClientRepresentation create(ClientRepresentation client) {
        try (Response response = AlexaServer.realm().clients().create(client)) {
            assertThat(response.getStatus())
                    .as(response.hasEntity() ? response.readEntity(String.class) : "")
                    .isEqualTo(201);
        }
        String id = AlexaServer.realm()
                .clients()
                .findByClientId(client.getClientId())
                .get(0)
                .getId();
        return AlexaServer.realm().clients().get(id).toRepresentation();
    }

    /** The admin client answers errors with exceptions; this turns a call into the HTTP response it got. */
    static Response responseOf(Runnable adminCall) {
        try {
            adminCall.run();
            return Response.noContent().build();
        } catch (jakarta.ws.rs.WebApplicationException e) {
            return e.getResponse();
        }
    }
}
