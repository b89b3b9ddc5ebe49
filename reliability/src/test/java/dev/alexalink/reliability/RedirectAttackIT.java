package dev.alexalink.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alexalink.rules.ForgedRedirectUris;
import dev.alexalink.rules.SafeText;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.webview.Forms;
import jakarta.ws.rs.WebApplicationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientInitialAccessCreatePresentation;
import org.keycloak.representations.idm.ClientRepresentation;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every forged redirect URI of the corpus, through every channel that takes a redirect URI: the admin REST update of
 * the Alexa client, OpenID Connect dynamic client registration, and the authorization endpoint (URL-encoded, and raw
 * where the URI can be sent raw). None may be accepted, and no response may redirect anywhere but to exactly one of
 * the three registered Amazon URLs.
 */
@ExtendWith(AlexaServer.class)
class RedirectAttackIT {

    private static final List<String> FIGURES = new ArrayList<>();
    /** Content types of the refusals: Keycloak's HTML error page, or its JSON error where it refuses the request itself. */
    private static final Map<String, Integer> CONTENT_TYPES = new TreeMap<>();

    private static final List<ForgedRedirectUris.Entry> CORPUS = AttackSuiteCorpus.forged();

    private static String user;

    @BeforeAll
    static void corpusIsLargeEnough() {
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(150);
        user = AlexaServer.createUser("redirect");
    }

    @AfterAll
    static void writeFigures() {
        Map<String, Integer> perClass = new TreeMap<>();
        CORPUS.forEach(entry -> perClass.merge(entry.attackClass(), 1, Integer::sum));
        StringBuilder text = new StringBuilder(
                "Redirect URI attacks: " + CORPUS.size() + " forged URIs (vendor " + AlexaServer.VENDOR_ID + ")\n");
        FIGURES.forEach(line -> text.append(line).append('\n'));
        text.append("corpus per attack class:\n");
        perClass.forEach((name, count) -> text.append(String.format("  %3d  %s%n", count, name)));
        AttackSuiteReport.write("redirect-attacks.txt", text.toString());
    }

    @Test
    void genuineUrlsGetTheLoginPage() throws Exception {
        for (String uri : AttackSuiteHttp.REDIRECT_URIS) {
            HttpResponse<String> response = AttackSuiteHttp.get(URI.create(
                    AttackSuiteHttp.authorizationUrl(AlexaServer.CLIENT_ID, Forms.encode(uri), "s", "profile")));
            assertThat(response.statusCode()).as("login page for %s", uri).isEqualTo(200);
            assertThat(response.body()).contains("kc-form-login");
        }
        FIGURES.add("positive control: " + AttackSuiteHttp.REDIRECT_URIS.size() + " genuine URLs, "
                + AttackSuiteHttp.REDIRECT_URIS.size() + " login pages");
    }

    @Test
    void authorizationEndpointRedirectsNowhereForAnyForgedUri() throws Exception {
        int encodedTried = 0;
        int rawTried = 0;
        int rawNotSendable = 0;
        int rawReducedToGenuine = 0;
        List<String> accepted = new ArrayList<>();
        List<String> wrongRedirects = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (ForgedRedirectUris.Entry entry : CORPUS) {
            encodedTried++;
            check(
                    entry.uri(),
                    Forms.encode(entry.uri()),
                    "encoded " + entry.asWritten(),
                    accepted,
                    wrongRedirects,
                    statuses);

            URI raw;
            try {
                raw = URI.create(AttackSuiteHttp.authorizationUrl(AlexaServer.CLIENT_ID, entry.uri(), "s", "profile"));
            } catch (IllegalArgumentException notAUri) {
                rawNotSendable++;
                continue;
            }
            rawTried++;
            // What the server receives as redirect_uri once HTTP has split the query and dropped any fragment.
            String received = AttackSuiteHttp.serverQuery(raw).get("redirect_uri");
            check(received, raw, "raw " + entry.asWritten(), accepted, wrongRedirects, statuses);
            if (AttackSuiteHttp.REDIRECT_URIS.contains(received)) {
                // The rest of the forged URI never reached the server as part of redirect_uri. Prove where the code
                // goes.
                rawReducedToGenuine++;
                URI target = AttackSuiteHttp.signInAndConsent(raw, user).redirectedTo();
                String base = target.toString().split("\\?")[0];
                if (!base.equals(received)) {
                    wrongRedirects.add("raw " + entry.asWritten() + " -> after sign-in " + target);
                }
            }
        }
        FIGURES.add("authorization endpoint, URL-encoded: " + encodedTried + " tried");
        FIGURES.add("authorization endpoint, raw: " + rawTried + " tried (" + rawNotSendable
                + " not sendable raw as a URI; "
                + rawReducedToGenuine
                + " reached the server as a genuine URL once HTTP split the query at '&' or ';' or dropped the fragment:"
                + " each got the login page, and after sign-in and consent the code went to exactly that genuine URL)");
        FIGURES.add("authorization endpoint: " + accepted.size() + " forged URIs accepted, " + wrongRedirects.size()
                + " redirects to anything but a registered URL; statuses " + statuses + "; refusals by content type "
                + CONTENT_TYPES);
        assertThat(accepted).as("forged redirect URIs accepted").isEmpty();
        assertThat(wrongRedirects).as("redirects elsewhere").isEmpty();
    }

    private static void check(
            String received,
            String encodedParameter,
            String label,
            List<String> accepted,
            List<String> wrongRedirects,
            Map<Integer, Integer> statuses)
            throws Exception {
        check(
                received,
                URI.create(AttackSuiteHttp.authorizationUrl(AlexaServer.CLIENT_ID, encodedParameter, "s", "profile")),
                label,
                accepted,
                wrongRedirects,
                statuses);
    }

    private static void check(
            String received,
            URI url,
            String label,
            List<String> accepted,
            List<String> wrongRedirects,
            Map<Integer, Integer> statuses)
            throws Exception {
        HttpResponse<String> response = AttackSuiteHttp.get(url);
        statuses.merge(response.statusCode(), 1, Integer::sum);
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isPresent()) {
            String target = location.get();
            int query = target.indexOf('?');
            if (!AttackSuiteHttp.REDIRECT_URIS.contains(query < 0 ? target : target.substring(0, query))) {
                wrongRedirects.add(label + " -> " + target);
            }
        }
        boolean loginPage = response.statusCode() == 200 && response.body().contains("kc-form-login");
        boolean genuine = AttackSuiteHttp.REDIRECT_URIS.contains(received);
        if (loginPage && !genuine) {
            accepted.add(label);
        }
        if (!genuine) {
            assertThat(response.statusCode()).as("%s: refused with 400", label).isEqualTo(400);
            String type = response.headers()
                    .firstValue("Content-Type")
                    .orElse("(none)")
                    .split(";")[0];
            CONTENT_TYPES.merge(type, 1, Integer::sum);
        }
    }

    @Test
    void adminUpdateRefusesEveryForgedUriNamingItAndLeavesTheClientUnchanged() {
        ClientResource resource = AlexaServer.realm()
                .clients()
                .get(AlexaServer.realm()
                        .clients()
                        .findByClientId(AlexaServer.CLIENT_ID)
                        .get(0)
                        .getId());
        List<String> before = resource.toRepresentation().getRedirectUris();
        int tried = 0;
        List<String> accepted = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        for (ForgedRedirectUris.Entry entry : CORPUS) {
            tried++;
            ClientRepresentation client = resource.toRepresentation();
            List<String> uris = new ArrayList<>(client.getRedirectUris());
            uris.add(entry.uri());
            client.setRedirectUris(uris);
            try {
                resource.update(client);
                accepted.add(entry.asWritten());
                ClientRepresentation restore = resource.toRepresentation();
                restore.setRedirectUris(before);
                resource.update(restore);
            } catch (WebApplicationException refused) {
                int status = refused.getResponse().getStatus();
                String body = refused.getResponse().readEntity(String.class);
                if (status != 400
                        || !body.contains(
                                SafeText.of(entry.uri()).replace("\\", "\\\\").replace("\"", "\\\""))) {
                    unnamed.add(entry.asWritten() + " -> HTTP " + status + " " + body);
                }
            }
        }
        List<String> after = resource.toRepresentation().getRedirectUris();
        FIGURES.add("admin REST update of " + AlexaServer.CLIENT_ID + ": " + tried + " tried, " + accepted.size()
                + " accepted, " + unnamed.size()
                + " refused without naming the URI with a 400; client redirect URIs unchanged: "
                + after.equals(before));
        assertThat(accepted).as("accepted by the admin update").isEmpty();
        assertThat(unnamed).as("refusals that are not a 400 naming the URI").isEmpty();
        assertThat(after).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void dynamicClientRegistrationRefusesEveryForgedUriNextToAGenuineOne() throws Exception {
        String token = AlexaServer.realm()
                .clientInitialAccess()
                .create(new ClientInitialAccessCreatePresentation(3600, CORPUS.size() + 5))
                .getToken();
        int tried = 0;
        List<String> accepted = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        for (ForgedRedirectUris.Entry entry : CORPUS) {
            tried++;
            // The genuine URL makes the registered client an Alexa client, so the forged one must be refused.
            ObjectNode metadata = AttackSuiteHttp.JSON.createObjectNode().put("client_name", "dcr-attack-" + tried);
            metadata.putArray("redirect_uris")
                    .add(AttackSuiteHttp.REDIRECT_URIS.get(0))
                    .add(entry.uri());
            HttpResponse<String> response = AttackSuiteHttp.HTTP.send(
                    HttpRequest.newBuilder(URI.create(AlexaServer.realmUrl() + "/clients-registrations/openid-connect"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(metadata.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                accepted.add(entry.asWritten());
                continue;
            }
            JsonNode error = AttackSuiteHttp.JSON.readTree(response.body());
            if (response.statusCode() != 400
                    || !"invalid_redirect_uri".equals(error.path("error").asText())
                    || !error.path("error_description").asText().contains(SafeText.of(entry.uri()))) {
                unnamed.add(entry.asWritten() + " -> HTTP " + response.statusCode() + " " + response.body());
            }
        }
        long registered = AlexaServer.realm().clients().findAll().stream()
                .filter(c -> c.getClientId() != null
                        && c.getName() != null
                        && c.getName().startsWith("dcr-attack-"))
                .count();
        FIGURES.add("dynamic client registration (with a genuine URL next to the forged one): " + tried + " tried, "
                + accepted.size() + " accepted, " + unnamed.size()
                + " refused without invalid_redirect_uri naming the URI; clients registered: " + registered);
        assertThat(accepted).as("accepted by dynamic client registration").isEmpty();
        assertThat(unnamed).isEmpty();
        assertThat(registered).isZero();
    }
}
