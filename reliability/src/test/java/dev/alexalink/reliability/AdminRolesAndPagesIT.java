package dev.alexalink.reliability;

import dev.alexalink.server.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A review of our own surface as an attacker with some access would try it: admins with partial roles at the Alexa
 * admin API and the skills page's components, markup in a skill's name and URLs reaching the sign-in and consent
 * pages, and markup in the parameters our pages reflect.
 */
@ExtendWith(AttackSuiteServer.class)
class AdminRolesAndPagesIT {

    private static final String NA = AttackSuiteServer.REDIRECT_URIS.get(0);
    private static final String MARKUP = "<img src=x onerror=alert(1)>'\"";
    private static final String PASSWORD = "Review-Pass-7";
    private static final List<String> FIGURES = new ArrayList<>();
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();

    @BeforeAll
    static void admins() {
        RealmResource alexa = AttackSuiteServer.realm();
        TOKENS.put("view-clients + view-realm", token(AttackSuiteServer.REALM, admin(alexa, "viewer", "view-clients", "view-realm")));
        TOKENS.put("manage-clients only", token(AttackSuiteServer.REALM, admin(alexa, "client-manager", "manage-clients")));
        TOKENS.put("no admin role", token(AttackSuiteServer.REALM, admin(alexa, "plain-user")));
        RealmRepresentation other = new RealmRepresentation();
        other.setRealm("review-other");
        other.setEnabled(true);
        AttackSuiteServer.admin().realms().create(other);
        TOKENS.put("realm-admin of another realm", token("review-other", admin(AttackSuiteServer.admin().realm("review-other"), "other-admin", "realm-admin")));
    }

    @AfterAll
    static void writeFigures() {
        AttackSuiteReport.write("admin-and-pages.txt", "Admin roles, markup and reflected parameters\n" + String.join("\n", FIGURES) + "\n");
    }

    /** A user of the realm with these realm-management roles; returns the username. */
    static String admin(RealmResource realm, String prefix, String... roles) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        Users.create(realm, username, PASSWORD, "Review", prefix);
        String userId = realm.users().search(username, true).get(0).getId();
        String management = realm.clients().findByClientId("realm-management").get(0).getId();
        List<RoleRepresentation> granted = new ArrayList<>();
        for (String role : roles) {
            granted.add(realm.clients().get(management).roles().get(role).toRepresentation());
        }
        if (!granted.isEmpty()) {
            realm.users().get(userId).roles().clientLevel(management).add(granted);
        }
        return username;
    }

    /** An access token of admin-cli by the password grant (an admin client's close() would end its session). */
    static String token(String realm, String username) {
        try {
            HttpResponse<String> response = AttackSuiteHttp.HTTP.send(HttpRequest.newBuilder(URI.create(AttackSuiteServer.server().realmUrl(realm)
                            + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(AttackSuiteHttp.form(Map.of("grant_type", "password", "client_id", "admin-cli",
                            "username", username, "password", PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return AttackSuiteHttp.JSON.readTree(response.body()).path("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(AttackSuiteServer.server().baseUrl() + "/admin/realms/"
                + AttackSuiteServer.REALM + path)).timeout(Duration.ofMinutes(1)).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return AttackSuiteHttp.HTTP.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void adminsWithPartialRolesGetOnlyWhatTheirRolesAllowAndChangeNothing() throws Exception {
        String profilesBefore = AttackSuiteServer.realm().clientPoliciesProfilesResource().getProfiles(false).toString();
        String skill = "{\"vendorIds\":[\"" + AttackSuiteServer.VENDOR_ID + "\"],\"scopes\":[\"profile\"]}";
        Map<String, Map<String, Integer>> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String> admin : TOKENS.entrySet()) {
            Map<String, Integer> statuses = new LinkedHashMap<>();
            statuses.put("GET skills", call("GET", "/alexa/skills", admin.getValue(), null).statusCode());
            statuses.put("GET skill", call("GET", "/alexa/skills/" + AttackSuiteServer.CLIENT_ID, admin.getValue(), null).statusCode());
            statuses.put("GET diagnostics", call("GET", "/alexa/diagnostics", admin.getValue(), null).statusCode());
            statuses.put("PUT new skill", call("PUT", "/alexa/skills/review-new", admin.getValue(), skill).statusCode());
            statuses.put("PUT alexa-skill", call("PUT", "/alexa/skills/" + AttackSuiteServer.CLIENT_ID, admin.getValue(), skill).statusCode());
            statuses.put("POST skills page item", call("POST", "/components", admin.getValue(), "{\"name\":\"review-page\",\"providerId\":"
                    + "\"alexa-skills\",\"providerType\":\"org.keycloak.services.ui.extend.UiPageProvider\",\"config\":{}}").statusCode());
            answers.put(admin.getKey(), statuses);
        }
        FIGURES.add("partial roles (HTTP status per call): " + answers);

        Map<String, Integer> viewer = answers.get("view-clients + view-realm");
        assertThat(viewer).containsEntry("GET skills", 200).containsEntry("GET skill", 200).containsEntry("GET diagnostics", 200)
                .containsEntry("PUT new skill", 403).containsEntry("PUT alexa-skill", 403);
        assertThat(viewer.get("POST skills page item")).isIn(403);
        for (String denied : List.of("manage-clients only", "no admin role", "realm-admin of another realm")) {
            assertThat(answers.get(denied).values()).as(denied).containsOnly(403);
        }
        assertThat(AttackSuiteServer.realm().clients().findByClientId("review-new")).as("no skill created").isEmpty();
        assertThat(AttackSuiteServer.realm().clientPoliciesProfilesResource().getProfiles(false).toString())
                .as("profiles unchanged").isEqualTo(profilesBefore);
    }

    @Test
    void markupInTheSkillsNameAndUrlsIsEscapedOrLeftOutOfTheSignInAndConsentPages() throws Exception {
        String id = "review-markup";
        ProtocolAbuseIT.skill(id);
        String clientId = AttackSuiteServer.realm().clients().findByClientId(id).get(0).getId();
        ClientRepresentation client = AttackSuiteServer.realm().clients().get(clientId).toRepresentation();
        client.setName(MARKUP);
        client.getAttributes().put("logoUri", "data:text/html,x");
        client.getAttributes().put("policyUri", "https://example.com/privacy?a=1&b=2");
        HttpResponse<String> updated = HostileInputIT.adminSend("PUT", "/clients/" + clientId, AttackSuiteHttp.JSON.writeValueAsString(client));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
        String user = AttackSuiteServer.createUser("review");

        AttackSuiteHttp.WebView view = new AttackSuiteHttp.WebView();
        AttackSuiteHttp.Page login = view.open(URI.create(AttackSuiteHttp.authorizationUrl(id, AttackSuiteHttp.encode(NA), "s", "profile")));
        AttackSuiteHttp.Page consent = view.submit(login, "form#kc-form-login", Map.of("username", user, "password", AttackSuiteServer.USER_PASSWORD), null);

        FIGURES.add("skill name " + MARKUP + ", logo data: URL, https privacy URL: sign-in page " + login.status() + " (raw <img: "
                + login.body().contains("<img src=x") + ", data: URL: " + login.body().contains("data:text") + "), consent page "
                + consent.status() + " (raw <img: " + consent.body().contains("<img src=x") + ", escaped name: "
                + consent.body().contains("&lt;img src=x onerror=alert(1)&gt;") + ", privacy links: " + consent.document().select("a[href^=https://example.com/privacy]").size() + ")");
        for (AttackSuiteHttp.Page page : List.of(login, consent)) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("<img src=x").doesNotContain("data:text/html").contains("&lt;img src=x onerror=alert(1)&gt;");
            assertThat(page.document().select("img[onerror], script:containsData(alert)")).isEmpty();
        }
        assertThat(consent.document().select("a[href^=https://example.com/privacy]")).as("the https privacy link").hasSize(1);
    }

    @Test
    void reflectedParametersAreEscapedOnOurPages() throws Exception {
        String markup = "\"><script>alert(7)</script>";
        String url = AttackSuiteServer.realmUrl() + "/protocol/openid-connect/auth?response_type=code&client_id=" + AttackSuiteServer.CLIENT_ID
                + "&redirect_uri=" + AttackSuiteHttp.encode(NA) + "&scope=profile&state=" + AttackSuiteHttp.encode(markup)
                + "&login_hint=" + AttackSuiteHttp.encode(markup) + "&ui_locales=" + AttackSuiteHttp.encode(markup);
        HttpResponse<String> login = AttackSuiteHttp.get(URI.create(url));
        HttpResponse<String> badRedirect = AttackSuiteHttp.get(URI.create(AttackSuiteHttp.authorizationUrl(AttackSuiteServer.CLIENT_ID,
                AttackSuiteHttp.encode("https://evil.example/" + markup), "s", "profile")));
        HttpResponse<String> badClient = AttackSuiteHttp.get(URI.create(AttackSuiteHttp.authorizationUrl(markup, AttackSuiteHttp.encode(NA), "s", "profile")));
        HttpResponse<String> badScope = AttackSuiteHttp.get(URI.create(AttackSuiteHttp.authorizationUrl(AttackSuiteServer.CLIENT_ID,
                AttackSuiteHttp.encode(NA), "s", "profile " + markup)));

        Map<String, String> outcomes = new LinkedHashMap<>();
        outcomes.put("state, login_hint, ui_locales", login.statusCode() + " raw=" + login.body().contains("<script>alert(7)"));
        outcomes.put("redirect_uri", badRedirect.statusCode() + " raw=" + badRedirect.body().contains("<script>alert(7)"));
        outcomes.put("client_id", badClient.statusCode() + " raw=" + badClient.body().contains("<script>alert(7)"));
        outcomes.put("scope", badScope.statusCode() + " " + badScope.headers().firstValue("Location").map(l -> "redirect").orElse("page")
                + " raw=" + badScope.body().contains("<script>alert(7)"));
        FIGURES.add("reflected markup " + markup + ": " + outcomes);
        for (HttpResponse<String> response : List.of(login, badRedirect, badClient, badScope)) {
            assertThat(response.body()).doesNotContain("<script>alert(7)");
        }
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("value=\"&quot;&gt;&lt;script&gt;alert(7)&lt;/script&gt;\"");
    }
}
