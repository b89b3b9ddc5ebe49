package dev.alexalink.testkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.Http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The Alexa admin API ({@code /admin/realms/{realm}/alexa}) over plain HTTP, as a script or the admin console calls it. */
public final class AlexaAdminApi {

    public record Answer(int status, JsonNode json) {
        public JsonNode get(String field) {
            return json.get(field);
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + json;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = Http.client();
    private final String baseUrl;
    private final String realm;
    private final String token;

    public AlexaAdminApi(String baseUrl, String realm, String token) {
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.token = token;
    }

    /** As the master realm's admin of the test server. */
    public static AlexaAdminApi asAdmin(String realm) {
        return new AlexaAdminApi(
                AlexaServer.server().baseUrl(),
                realm,
                AlexaServer.admin().tokenManager().getAccessTokenString());
    }

    public Answer enableSkill(String clientId, Object body) throws IOException, InterruptedException {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return send(request("skills/" + clientId)
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .build());
    }

    public Answer skill(String clientId) throws IOException, InterruptedException {
        return send(request("skills/" + clientId).GET().build());
    }

    public Answer diagnostics() throws IOException, InterruptedException {
        return send(request("diagnostics").GET().build());
    }

    /** The check with this id in a diagnostics report: of the realm, or of the given client. */
    public static JsonNode check(JsonNode report, String clientId, String id) {
        JsonNode checks = report.get("realmChecks");
        if (clientId != null) {
            checks = null;
            for (JsonNode client : report.get("clients")) {
                if (client.get("clientId").asText().equals(clientId)) {
                    checks = client.get("checks");
                }
            }
        }
        for (JsonNode check : checks) {
            if (check.get("id").asText().equals(id)) {
                return check;
            }
        }
        throw new AssertionError(
                "no check '" + id + "' for " + (clientId == null ? "the realm" : clientId) + " in " + report);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + "/alexa/" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json);
    }
}
