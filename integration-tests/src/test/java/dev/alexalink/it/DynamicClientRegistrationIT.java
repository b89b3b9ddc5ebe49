package dev.alexalink.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.ClientInitialAccessCreatePresentation;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenID Connect dynamic client registration (RFC 7591) is held to the same redirect rules as the admin API. */
@ExtendWith(AlexaServer.class)
class DynamicClientRegistrationIT {

    @Test
    void refusesAWildcardAlexaRedirectUriNamingIt() throws Exception {
        ClientInitialAccessCreatePresentation request = new ClientInitialAccessCreatePresentation(600, 1);
        String initialAccessToken =
                AlexaServer.realm().clientInitialAccess().create(request).getToken();
        String metadata =
                "{\"client_name\":\"dcr-skill\",\"redirect_uris\":[\"https://layla.amazon.com/api/skill/link/*\"]}";

        HttpResponse<String> response = Http.client()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(AlexaServer.realmUrl() + "/clients-registrations/openid-connect"))
                                .header("Authorization", "Bearer " + initialAccessToken)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(metadata))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = new ObjectMapper().readTree(response.body());
        assertThat(error.get("error").asText()).isEqualTo("invalid_redirect_uri");
        assertThat(error.get("error_description").asText())
                .contains("'https://layla.amazon.com/api/skill/link/*'")
                .contains("wildcard");
    }
}
