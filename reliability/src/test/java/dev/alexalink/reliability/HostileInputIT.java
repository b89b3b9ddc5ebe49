package dev.alexalink.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alexalink.rules.InputLimits;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.webview.Forms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.ClientInitialAccessCreatePresentation;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every oversized input our code reads from outside, sent as an attacker would: the answer names the limit
 * ({@link InputLimits}), the request adds at most a few log lines, nothing is applied, and the server keeps serving.
 */
@ExtendWith(AlexaServer.class)
class HostileInputIT {

    private static final String NA = AttackSuiteHttp.REDIRECT_URIS.get(0);
    /** Lines a refused request may add to the log: ours, Keycloak's event line, and Keycloak's own warnings. */
    private static final int MAX_LOG_LINES = 5;

    private static final List<String> FIGURES = new ArrayList<>();

    @AfterAll
    static void writeFigures() {
        AttackSuiteReport.write("hostile-input.txt", "Hostile input\n" + String.join("\n", FIGURES) + "\n");
    }

    record Answer(int status, String body, long logLines, long logBytes, double seconds) {}

    interface Request {
        HttpResponse<String> send() throws Exception;
    }

    /** Sends the request and measures what it added to the log; then checks the server still serves a login page. */
    static Answer measure(String name, Request request) throws Exception {
        String before = AlexaServer.server().logText();
        long start = System.nanoTime();
        HttpResponse<String> response = request.send();
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(300); // lines logged after the answer (events after commit)
        String added = AlexaServer.server().logText().substring(before.length());
        Answer answer =
                new Answer(response.statusCode(), response.body(), added.lines().count(), added.length(), seconds);
        int loginPage = AttackSuiteHttp.get(URI.create(
                        AttackSuiteHttp.authorizationUrl(AlexaServer.CLIENT_ID, Forms.encode(NA), "s", "profile")))
                .statusCode();
        String body = answer.body().length() > 300 ? answer.body().substring(0, 300) + "…" : answer.body();
        FIGURES.add(String.format(
                "%s: HTTP %d in %.2f s, %d bytes; log +%d line(s), %d bytes; login page afterwards %d; answer: %s",
                name,
                answer.status(),
                seconds,
                answer.body().length(),
                answer.logLines(),
                answer.logBytes(),
                loginPage,
                body));
        assertThat(answer.logLines()).as("%s: log lines added", name).isLessThanOrEqualTo(MAX_LOG_LINES);
        assertThat(answer.logBytes()).as("%s: log bytes added", name).isLessThan(16_000);
        assertThat(loginPage).as("%s: the server still serves", name).isEqualTo(200);
        return answer;
    }

    static HttpResponse<String> adminSend(String method, String path, String body) throws Exception {
        return AttackSuiteHttp.HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                AlexaServer.server().baseUrl() + "/admin/realms/" + AlexaServer.REALM + path))
                        .timeout(Duration.ofMinutes(2))
                        .header("Authorization", "Bearer " + AlexaServer.adminToken())
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<String> forged(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "https://evil.example/callback/" + i)
                .toList();
    }

    @Test
    void anAdminUpdateWith100000RedirectUrisIsRefusedWholeNamingTheLimit() throws Exception {
        String id = AlexaServer.realm()
                .clients()
                .findByClientId(AlexaServer.CLIENT_ID)
                .get(0)
                .getId();
        ObjectNode client = (ObjectNode) AttackSuiteHttp.JSON.readTree(
                adminSend("GET", "/clients/" + id, "").body());
        JsonNode before = client.get("redirectUris").deepCopy();
        ArrayNode uris = client.putArray("redirectUris");
        before.forEach(uris::add);
        forged(100_000).forEach(uris::add);

        Answer answer = measure(
                "admin update with 100,000 redirect URIs (" + client.toString().length() / 1_000_000 + " MB)",
                () -> adminSend("PUT", "/clients/" + id, client.toString()));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body())
                .contains("the client has 100003 redirect URIs, over the limit of " + InputLimits.MAX_REDIRECT_URIS
                        + " (alexa-input-limits)");
        JsonNode after = AttackSuiteHttp.JSON
                .readTree(adminSend("GET", "/clients/" + id, "").body())
                .get("redirectUris");
        assertThat(after).as("redirect URIs unchanged").isEqualTo(before);
    }

    @Test
    void aDynamicRegistrationWith10000RedirectUrisIsRefusedNamingTheLimit() throws Exception {
        String token = AlexaServer.realm()
                .clientInitialAccess()
                .create(new ClientInitialAccessCreatePresentation(3600, 2))
                .getToken();
        ObjectNode metadata = AttackSuiteHttp.JSON.createObjectNode().put("client_name", "hostile-dcr");
        ArrayNode uris = metadata.putArray("redirect_uris").add(NA);
        forged(10_000).forEach(uris::add);

        Answer answer = measure(
                "dynamic client registration with 10,001 redirect URIs",
                () -> AttackSuiteHttp.HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create(AlexaServer.realmUrl() + "/clients-registrations/openid-connect"))
                                .timeout(Duration.ofMinutes(2))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(metadata.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body())
                .contains("invalid_redirect_uri")
                .contains("10001 redirect URIs, over the limit of " + InputLimits.MAX_REDIRECT_URIS);
        assertThat(AlexaServer.realm().clients().findByClientId("hostile-dcr")).isEmpty();
    }

    @Test
    void skillApiBodiesOverTheirLimitsAreRefusedNamingEachLimit() throws Exception {
        String huge = "{\"vendorIds\":[\"" + "A".repeat(2_000_000) + "\"]}";
        Answer tooBig = measure("skills API body of 2 MB", () -> adminSend("PUT", "/alexa/skills/hostile-skill", huge));
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.body())
                .contains("alexa_skill_body_too_large")
                .contains("the body is " + huge.length() + " bytes, over the limit of "
                        + InputLimits.MAX_SKILL_BODY_BYTES + " bytes (alexa-input-limits)");

        ObjectNode lists = AttackSuiteHttp.JSON.createObjectNode();
        ArrayNode vendors = lists.putArray("vendorIds");
        IntStream.range(0, 1_000).forEach(i -> vendors.add("M2" + i));
        ArrayNode apps = lists.putArray("appRedirectUris");
        forged(1_000).forEach(apps::add);
        ArrayNode scopes = lists.putArray("scopes");
        IntStream.range(0, 200).forEach(i -> scopes.add("scope" + i));
        Answer tooMany = measure(
                "skills API with 1,000 vendor IDs, 1,000 app URLs and 200 scopes",
                () -> adminSend("PUT", "/alexa/skills/hostile-skill", lists.toString()));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body())
                .contains("1000 vendor IDs, over the limit of " + InputLimits.MAX_VENDOR_IDS)
                .contains("1000 app-to-app redirect URLs, over the limit of " + InputLimits.MAX_REDIRECT_URIS)
                .contains("200 scopes, over the limit of " + InputLimits.MAX_LIST_ENTRIES);

        ObjectNode unknown = AttackSuiteHttp.JSON.createObjectNode();
        unknown.putArray("vendorIds").add(AlexaServer.VENDOR_ID);
        IntStream.range(0, 2_000).forEach(i -> unknown.put("field" + i, i));
        Answer fields = measure(
                "skills API with 2,000 unknown fields",
                () -> adminSend("PUT", "/alexa/skills/hostile-skill", unknown.toString()));
        assertThat(fields.status()).isEqualTo(400);
        assertThat(fields.body())
                .contains("and 1990 more problem(s) (alexa-input-limits lists at most "
                        + InputLimits.MAX_PROBLEMS_LISTED + ")");
        assertThat(AttackSuiteHttp.JSON.readTree(fields.body()).get("problems"))
                .hasSize(InputLimits.MAX_PROBLEMS_LISTED);
        assertThat(AlexaServer.realm().clients().findByClientId("hostile-skill"))
                .as("nothing applied")
                .isEmpty();
    }

    @Test
    void anExecutorWith100000VendorIdsIsRefusedNamingTheLimit() throws Exception {
        String profiles = adminSend("GET", "/client-policies/profiles", "").body();
        ObjectNode changed = (ObjectNode) AttackSuiteHttp.JSON.readTree(profiles);
        for (JsonNode profile : changed.withArray("profiles")) {
            for (JsonNode executor : profile.withArray("executors")) {
                if ("alexa-redirect-uris".equals(executor.path("executor").asText())) {
                    ArrayNode vendors = ((ObjectNode) executor.get("configuration")).putArray("vendor-ids");
                    IntStream.range(0, 100_000).forEach(i -> vendors.add("M2VENDOR" + i));
                }
            }
        }

        Answer answer = measure(
                "client profile with 100,000 vendor IDs",
                () -> adminSend("PUT", "/client-policies/profiles", changed.toString()));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body())
                .contains(
                        "100000 vendor IDs, over the limit of " + InputLimits.MAX_VENDOR_IDS + " (alexa-input-limits)");
        assertThat(AttackSuiteHttp.JSON.readTree(
                        adminSend("GET", "/client-policies/profiles", "").body()))
                .as("profiles unchanged")
                .isEqualTo(AttackSuiteHttp.JSON.readTree(profiles));
    }

    /** 900, because RESTEasy refuses a form of over 1,000 parameters itself, with a 500, before any provider code runs. */
    @Test
    void anAuthorizationRequestRepeatingRedirectUri900TimesGetsAShortRefusal() throws Exception {
        String body = "response_type=code&client_id=" + AlexaServer.CLIENT_ID + "&state=s&scope=profile"
                + IntStream.range(0, 900)
                        .mapToObj(i -> "&redirect_uri=" + Forms.encode("https://evil.example/" + i))
                        .collect(Collectors.joining());

        Answer answer = measure(
                "authorization request with redirect_uri 900 times (" + body.length() / 1000 + " KB)",
                () -> AttackSuiteHttp.HTTP.send(
                        HttpRequest.newBuilder(URI.create(AlexaServer.realmUrl() + "/protocol/openid-connect/auth"))
                                .timeout(Duration.ofMinutes(1))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));

        assertThat(answer.status()).as("refused on the page, not redirected").isEqualTo(400);
        assertThat(answer.body().length()).as("the error page").isLessThan(20_000);
    }
}
