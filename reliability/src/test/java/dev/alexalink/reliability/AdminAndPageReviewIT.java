package dev.alexalink.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alexalink.reliability.AttackSuiteHttp.Reply;
import dev.alexalink.testkit.client.Phone;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.KeycloakServer;
import dev.alexalink.testkit.server.Users;
import dev.alexalink.webview.Forms;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RoleRepresentation;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An independent review of who may use the Alexa admin API and the "Alexa skills" page (admins with partial roles,
 * admins of another realm), of markup in what the theme renders (skill names, logo, terms and privacy URLs, the
 * ALEXA_THEME_* values), and of request parameters reflected on the login and error pages.
 */
@ExtendWith(AlexaServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminAndPageReviewIT {

    static final String MARKUP = "<img src=x onerror=alert(1)>\"'";
    static final String FILE_MARKUP = "<img src=x onerror=alert(1)>'";
    private static final String REALM = AlexaServer.REALM;
    private static final String VENDOR = AlexaServer.VENDOR_ID;
    private static final String NA = AttackSuiteHttp.REDIRECT_URIS.get(0);
    private static final String PAGE_TYPE = "org.keycloak.services.ui.extend.UiPageProvider";
    private static final String OTHER = "review-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PASSWORD = AlexaServer.USER_PASSWORD;
    private static final String APP = "https://app.example.com/callback";
    private static final List<String> FIGURES = Collections.synchronizedList(new ArrayList<>());
    private static CompletableFuture<KeycloakServer> envServer;
    private static String user;

    @BeforeAll
    static void setUp() throws Exception {
        user = AlexaServer.createUser("review");
        envServer = CompletableFuture.supplyAsync(AdminAndPageReviewIT::startEnvServer);
        // Another realm: its admins must not reach the alexa realm; its display name and client carry markup.
        ObjectNode realm = AttackSuiteHttp.JSON
                .createObjectNode()
                .put("realm", OTHER)
                .put("enabled", true)
                .put("displayName", MARKUP);
        realm.putArray("users")
                .add(userJson("other-admin")
                        .set(
                                "clientRoles",
                                AttackSuiteHttp.JSON
                                        .createObjectNode()
                                        .set(
                                                "realm-management",
                                                AttackSuiteHttp.JSON
                                                        .createArrayNode()
                                                        .add("realm-admin"))));
        ((ArrayNode) realm.get("users")).add(userJson("other-user"));
        ((ArrayNode) realm.get("users"))
                .add(userJson("other-realm-manager")
                        .set(
                                "clientRoles",
                                AttackSuiteHttp.JSON
                                        .createObjectNode()
                                        .set(
                                                "realm-management",
                                                AttackSuiteHttp.JSON
                                                        .createArrayNode()
                                                        .add("manage-realm"))));
        ObjectNode app = realm.putArray("clients")
                .addObject()
                .put("clientId", "review-app")
                .put("name", MARKUP)
                .put("enabled", true)
                .put("publicClient", true)
                .put("consentRequired", true);
        app.putArray("redirectUris").add(APP);
        app.putObject("attributes")
                .put("login_theme", "alexa")
                .put("tosUri", "https://example.com/terms")
                .put("policyUri", "https://example.com/privacy");
        assertThat(call("POST", "/admin/realms", admin(), realm.toString()).status())
                .isEqualTo(201);
    }

    @AfterAll
    static void tearDown() {
        AttackSuiteReport.write(
                "admin-and-page-review.txt",
                "Admin roles, markup and reflected parameters\n" + String.join("\n", FIGURES) + "\n");
        envServer.thenAccept(KeycloakServer::close).exceptionally(e -> null).join();
    }

    // ---------------------------------------------------------------- 1. admins with partial roles

    private static final List<String> CASES = List.of(
            "diagnostics",
            "skills",
            "skill",
            "missing-skill",
            "update-skill",
            "create-skill",
            "page-items",
            "page-add",
            "page-save",
            "page-delete",
            "kc-client-secret");

    @Test
    @Order(1)
    void partialAdminsGetNoMoreThanTheirRolesAndChangeNothing() throws Exception {
        String skill = "review-roles-skill";
        assertThat(putSkill(skill, "Roles skill", admin()).status()).isIn(200, 201);
        Reply added = call(
                "POST",
                "/admin/realms/" + REALM + "/components",
                admin(),
                item("review-roles-skill", "Roles skill").toString());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String itemId =
                added.response().headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        String clientUuid =
                AlexaServer.realm().clients().findByClientId(skill).get(0).getId();
        String secret =
                AlexaServer.realm().clients().get(clientUuid).getSecret().getValue();
        JsonNode before = snapshot(clientUuid);

        String otherMasterClient = OTHER + "-realm";
        List<Actor> actors = List.of(
                new Actor(
                        "view-only, alexa realm (view-realm, view-clients)",
                        REALM,
                        adminUser(REALM, "realm-management", "view-realm", "view-clients"),
                        "200 200 200 404 403 403 200 403 403 403 200"),
                new Actor(
                        "view-only, master (alexa-realm: view-realm, view-clients)",
                        "master",
                        adminUser("master", "alexa-realm", "view-realm", "view-clients"),
                        "200 200 200 404 403 403 200 403 403 403 200"),
                new Actor(
                        "view-realm only, alexa realm",
                        REALM,
                        adminUser(REALM, "realm-management", "view-realm"),
                        "403 403 403 403 403 403 200 403 403 403 403"),
                new Actor(
                        "manage-clients only, alexa realm",
                        REALM,
                        adminUser(REALM, "realm-management", "manage-clients"),
                        "403 403 403 403 403 403 403 403 403 403 200"),
                new Actor(
                        "manage-clients only, master (alexa-realm: manage-clients)",
                        "master",
                        adminUser("master", "alexa-realm", "manage-clients"),
                        "403 403 403 403 403 403 403 403 403 403 200"),
                // Keycloak lets manage-realm delete components (page-delete is not tried: it removes an item, never a
                // client).
                new Actor(
                        "manage-realm only, alexa realm",
                        REALM,
                        adminUser(REALM, "realm-management", "manage-realm"),
                        "403 403 403 403 403 403 200 403 403 - 403"),
                new Actor(
                        "admin of realm " + OTHER + " via master (" + otherMasterClient
                                + ": manage-realm, manage-clients, view-*)",
                        "master",
                        adminUser(
                                "master",
                                otherMasterClient,
                                "manage-realm",
                                "manage-clients",
                                "view-realm",
                                "view-clients"),
                        "403 403 403 403 403 403 403 403 403 403 403"),
                new Actor(
                        "realm-admin of realm " + OTHER + " (its own realm-management)",
                        OTHER,
                        "other-admin",
                        "403 403 403 403 403 403 403 403 403 403 403"),
                new Actor(
                        "alexa realm user without admin roles",
                        REALM,
                        adminUser(REALM, "realm-management"),
                        "403 403 403 403 403 403 403 403 403 403 403"),
                new Actor("no token", null, null, "401 401 401 401 401 401 401 401 401 401 401"));

        List<String> mismatches = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<String> secretReaders = new ArrayList<>();
        int calls = 0;
        for (Actor actor : actors) {
            String token = actor.username() == null ? null : token(actor.realm(), actor.username());
            List<String> expected = List.of(actor.expected().split(" "));
            List<String> got = new ArrayList<>();
            for (int i = 0; i < CASES.size(); i++) {
                if (expected.get(i).equals("-")) {
                    got.add("-");
                    continue;
                }
                Reply reply = attempt(CASES.get(i), token, skill, clientUuid, itemId);
                calls++;
                got.add(String.valueOf(reply.status()));
                boolean readsSecret =
                        List.of("skill", "kc-client-secret").contains(CASES.get(i)) && reply.status() == 200;
                if (readsSecret && CASES.get(i).equals("skill") && reply.body().contains(secret)) {
                    secretReaders.add(actor.label());
                }
                if (!readsSecret && reply.body().contains(secret)) {
                    mismatches.add(actor.label() + ": " + CASES.get(i) + " answer carries the client secret");
                }
            }
            if (!got.equals(expected)) {
                mismatches.add(actor.label() + ": expected " + expected + ", got " + got);
            }
            lines.add(String.format("  %-92s %s", actor.label(), String.join(" ", got)));
        }
        // The other realm's admin is a working admin token: its own realm answers.
        String ownRealm = String.valueOf(
                call("GET", "/admin/realms/" + OTHER + "/alexa/diagnostics", token(OTHER, "other-admin"), null)
                        .status());
        JsonNode after = snapshot(clientUuid);

        FIGURES.add("admin API and Alexa skills page, " + actors.size() + " admins x " + CASES.size() + " calls ("
                + calls + " sent; '-' not sent); columns: " + String.join(", ", CASES));
        FIGURES.addAll(lines);
        FIGURES.add("  GET skill carries the client secret for: " + secretReaders
                + " (Keycloak's own GET client-secret needs view-clients too)");
        FIGURES.add("  positive control: realm-admin of " + OTHER + " on its own realm's diagnostics -> " + ownRealm);
        FIGURES.add(
                "  client, secret, client profiles, client policies, page items and client list unchanged afterwards: "
                        + before.equals(after));
        assertThat(mismatches).isEmpty();
        assertThat(ownRealm).isEqualTo("200");
        assertThat(after).as("the alexa realm after the refused calls").isEqualTo(before);
    }

    private record Actor(String label, String realm, String username, String expected) {}

    private static Reply attempt(String name, String token, String skill, String clientUuid, String itemId)
            throws Exception {
        String admin = "/admin/realms/" + REALM;
        return switch (name) {
            case "diagnostics" -> call("GET", admin + "/alexa/diagnostics", token, null);
            case "skills" -> call("GET", admin + "/alexa/skills", token, null);
            case "skill" -> call("GET", admin + "/alexa/skills/" + skill, token, null);
            case "missing-skill" -> call("GET", admin + "/alexa/skills/review-no-such-skill", token, null);
            case "update-skill" -> putSkill(skill, "Renamed by a partial admin", token);
            case "create-skill" -> putSkill("review-roles-new", "New", token);
            case "page-items" -> call("GET", admin + "/components?type=" + PAGE_TYPE, token, null);
            case "page-add" ->
                call(
                        "POST",
                        admin + "/components",
                        token,
                        item("review-roles-page-new", "New").toString());
            case "page-save" -> {
                ObjectNode stored = (ObjectNode) call("GET", admin + "/components/" + itemId, admin(), null)
                        .json();
                ((ObjectNode) stored.get("config")).putArray("name").add("Renamed by a partial admin");
                yield call("PUT", admin + "/components/" + itemId, token, stored.toString());
            }
            case "page-delete" -> call("DELETE", admin + "/components/" + itemId, token, null);
            case "kc-client-secret" -> call("GET", admin + "/clients/" + clientUuid + "/client-secret", token, null);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** What the refused calls could have changed: the client, its secret, the realm's client profiles and policies, the page's items, the clients. */
    private static JsonNode snapshot(String clientUuid) throws Exception {
        String admin = "/admin/realms/" + REALM;
        ObjectNode state = AttackSuiteHttp.JSON.createObjectNode();
        state.set(
                "client",
                call("GET", admin + "/clients/" + clientUuid, admin(), null).json());
        state.set(
                "secret",
                call("GET", admin + "/clients/" + clientUuid + "/client-secret", admin(), null)
                        .json());
        state.set(
                "profiles",
                call("GET", admin + "/client-policies/profiles", admin(), null).json());
        state.set(
                "policies",
                call("GET", admin + "/client-policies/policies", admin(), null).json());
        List<JsonNode> items = new ArrayList<>();
        call("GET", admin + "/components?type=" + PAGE_TYPE, admin(), null)
                .json()
                .forEach(items::add);
        items.sort((a, b) -> a.get("id").asText().compareTo(b.get("id").asText()));
        state.set("items", AttackSuiteHttp.JSON.valueToTree(items));
        List<String> clientIds = new ArrayList<>();
        call("GET", admin + "/clients?first=0&max=1000", admin(), null)
                .json()
                .forEach(c -> clientIds.add(c.get("clientId").asText()));
        Collections.sort(clientIds);
        state.set("clientIds", AttackSuiteHttp.JSON.valueToTree(clientIds));
        return state;
    }

    // ---------------------------------------------------------------- 2. markup in what the theme renders

    @Test
    @Order(2)
    void markupInSkillNamesAndUrlsIsEscapedOnTheLoginAndConsentPages() throws Exception {
        List<String> problems = new ArrayList<>();

        // Through the Alexa skills API.
        Reply api = putSkill("review-markup-api", MARKUP, admin());
        assertThat(api.status()).as(api.body()).isEqualTo(201);
        problems.addAll(checkPages(
                "Alexa skills API name", REALM, "review-markup-api", NA, true, page -> nameShown(page, MARKUP)));

        // Through the Alexa skills page (a component of the realm).
        Reply page = call(
                "POST",
                "/admin/realms/" + REALM + "/components",
                admin(),
                item("review-markup-page", MARKUP).toString());
        assertThat(page.status()).as(page.body()).isEqualTo(201);
        problems.addAll(checkPages(
                "Alexa skills page name", REALM, "review-markup-page", NA, false, p -> nameShown(p, MARKUP)));

        // Through Keycloak's admin API: name, logo, terms and privacy URLs. Values that are no URL, or
        // javascript:/data:, first.
        assertThat(putSkill("review-markup-admin", "Plain", admin()).status()).isEqualTo(201);
        String uuid = AlexaServer.realm()
                .clients()
                .findByClientId("review-markup-admin")
                .get(0)
                .getId();
        String clientPath = "/admin/realms/" + REALM + "/clients/" + uuid;
        JsonNode original = call("GET", clientPath, admin(), null).json();
        Map<String, String> refused = new LinkedHashMap<>();
        List<String[]> bad = List.of(
                new String[] {"tosUri", "javascript:alert(1)"},
                new String[] {"policyUri", "JavaScript:alert(document.domain)"},
                new String[] {"tosUri", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="},
                new String[] {"logoUri", "javascript:alert(1)"},
                new String[] {"logoUri", "https://example.com/l.png\" onerror=\"alert(1)"},
                new String[] {"tosUri", "https://example.com/\"><img src=x onerror=alert(1)>"},
                new String[] {"policyUri", " javascript:alert(1)"});
        for (String[] attempt : bad) {
            ObjectNode changed = original.deepCopy();
            ((ObjectNode) changed.get("attributes")).put(attempt[0], attempt[1]);
            refused.put(
                    attempt[0] + "=" + attempt[1],
                    call("PUT", clientPath, admin(), changed.toString()).status() + "");
        }
        JsonNode afterRefusals = call("GET", clientPath, admin(), null).json();
        FIGURES.add("client URL attributes through Keycloak's admin API, refused values: " + refused);
        assertThat(refused.values())
                .as("javascript:, data:, and values that are no URL")
                .containsOnly("400");
        assertThat(afterRefusals).isEqualTo(original);

        // Valid URLs: a logo and a privacy URL with '&', and terms with single quotes (legal in a URL; the theme may
        // drop it).
        String logo = "https://example.com/logo.png?size=56&v=2";
        String tos = "https://example.com/terms?x='onmouseover='alert(1)'";
        String policy = "https://example.com/privacy?a=1&b=2";
        ObjectNode accepted = original.deepCopy();
        accepted.put("name", MARKUP);
        ((ObjectNode) accepted.get("attributes"))
                .put("logoUri", logo)
                .put("tosUri", tos)
                .put("policyUri", policy);
        Reply updated = call("PUT", clientPath, admin(), accepted.toString());
        assertThat(updated.status()).as(updated.body()).isEqualTo(204);
        List<String> links = new ArrayList<>();
        problems.addAll(checkPages(
                "admin API name, logo, terms, privacy", REALM, "review-markup-admin", NA, true, p -> {
                    List<String> found = nameShown(p, MARKUP);
                    Element img = p.selectFirst("img.alexa-logo");
                    if (img == null
                            || !img.attr("src").equals(logo)
                            || !img.attr("alt").equals(MARKUP)) {
                        found.add("logo not rendered as src=" + logo + " alt=" + MARKUP + ": " + img);
                    }
                    if (p.selectFirst("[name=accept]") != null) {
                        List<String> hrefs = p.select(".alexa-links a").eachAttr("href");
                        links.addAll(hrefs);
                        if (!hrefs.contains(policy) || !List.of(tos, policy).containsAll(hrefs)) {
                            found.add("terms and privacy links are " + hrefs + ", not the URLs as given (or dropped)");
                        }
                    }
                    return found;
                }));
        FIGURES.add("client name " + MARKUP + ", logo " + logo + ", terms " + tos + ", privacy " + policy
                + " -> consent page links " + links
                + (links.contains(tos) ? "" : " (the terms URL with quotes dropped by the theme)"));

        // A plain client of another realm: its realm's display name is the organisation line.
        problems.addAll(checkPages(
                "realm display name, client name (realm " + OTHER + ")", OTHER, "review-app", APP, true, p -> {
                    List<String> found = nameShown(p, MARKUP);
                    Element organisation = p.selectFirst(".alexa-organisation");
                    if (organisation == null || !organisation.text().contains(MARKUP)) {
                        found.add("realm display name not shown as text: " + organisation);
                    }
                    return found;
                }));

        FIGURES.add("markup pages: " + PAGES.size() + " pages rendered (" + String.join("; ", PAGES) + "); problems "
                + problems.size());
        FIGURES.add("  keycloak.v2's header (realm display name as sanitized HTML, Keycloak's design): " + HEADERS);
        problems.forEach(p -> FIGURES.add("  PROBLEM " + p));
        PAGES.clear();
        assertThat(problems).isEmpty();
    }

    /**
     * Keycloak refuses javascript: and data: terms, privacy and logo URLs at its client API, but a partial import
     * (which needs manage-realm only) stores them unchecked. The consent page must still not make them links.
     */
    @Test
    @Order(3)
    void javascriptUrlsStoredByAPartialImportAreNotRenderedAsLinks() throws Exception {
        ObjectNode client = AttackSuiteHttp.JSON
                .createObjectNode()
                .put("clientId", "review-js")
                .put("name", "Review JS")
                .put("enabled", true)
                .put("publicClient", true)
                .put("consentRequired", true);
        client.putArray("redirectUris").add(APP);
        client.putObject("attributes")
                .put("login_theme", "alexa")
                .put("tosUri", "javascript:alert(document.domain)")
                .put("policyUri", "JavaScript:alert(2)")
                .put("logoUri", "javascript:alert(3)");
        ObjectNode partial = AttackSuiteHttp.JSON.createObjectNode().put("ifResourceExists", "FAIL");
        partial.putArray("clients").add(client);
        Reply imported = call(
                "POST",
                "/admin/realms/" + OTHER + "/partialImport",
                token(OTHER, "other-realm-manager"),
                partial.toString());
        Map<String, String> stored = AlexaServer.admin().realm(OTHER).clients().findByClientId("review-js").stream()
                .findFirst()
                .map(c -> c.getAttributes())
                .orElse(Map.of());
        List<String> kept = Stream.of("tosUri", "policyUri", "logoUri")
                .filter(stored::containsKey)
                .map(k -> k + "=" + stored.get(k))
                .toList();
        List<String> problems = kept.isEmpty()
                ? List.of()
                : checkPages(
                        "javascript: URLs stored by a partial import",
                        OTHER,
                        "review-js",
                        APP,
                        true,
                        p -> new ArrayList<>());
        FIGURES.add("javascript: terms/privacy/logo URLs by a partial import into " + OTHER
                + " by an admin with manage-realm only: HTTP " + imported.status() + ", stored " + kept + "; pages "
                + PAGES + "; problems " + problems.size());
        problems.forEach(p -> FIGURES.add("  PROBLEM " + p));
        assertThat(problems)
                .as("javascript: links on the login and consent pages")
                .isEmpty();
    }

    private static final List<String> PAGES = Collections.synchronizedList(new ArrayList<>());
    private static final java.util.Set<String> HEADERS = Collections.synchronizedSet(new java.util.TreeSet<>());

    /** Opens the login page, and with consent also signs in and opens the consent page; returns what is wrong on them. */
    private static List<String> checkPages(
            String label,
            String realm,
            String clientId,
            String redirectUri,
            boolean consent,
            java.util.function.Function<Document, List<String>> expectations)
            throws Exception {
        String username = realm.equals(REALM) ? user : "other-user";
        URI url = URI.create(AlexaServer.server().realmUrl(realm)
                + "/protocol/openid-connect/auth?response_type=code&client_id=" + Forms.encode(clientId)
                + "&redirect_uri=" + Forms.encode(redirectUri) + "&state=s&scope=profile");
        Phone view = AttackSuiteHttp.phone();
        Phone.Page login = view.open(url);
        assertThat(login.status()).as("%s login page: %s", label, login.body()).isEqualTo(200);
        List<String> problems = new ArrayList<>();
        check(label + ", login page", login, expectations, problems);
        if (consent) {
            Phone.Page grant =
                    view.submit(login, "form#kc-form-login", Map.of("username", username, "password", PASSWORD), null);
            assertThat(grant.redirectedTo())
                    .as("%s: consent page expected", label)
                    .isNull();
            assertThat(grant.body()).as("%s consent page", label).contains("name=\"accept\"");
            check(label + ", consent page", grant, expectations, problems);
        }
        return problems;
    }

    private static void check(
            String label,
            Phone.Page page,
            java.util.function.Function<Document, List<String>> expectations,
            List<String> problems) {
        Document document = page.document();
        List<String> found = new ArrayList<>(injected(page.body(), MARKUP));
        found.addAll(expectations.apply(document));
        PAGES.add(label + ": " + (found.isEmpty() ? "escaped" : found.size() + " problems"));
        keep(label, page.body());
        found.forEach(f -> problems.add(label + ": " + f));
    }

    /** Keeps a rendered page next to the figures, as evidence. */
    private static void keep(String label, String body) {
        try {
            Path dir = Path.of(
                    System.getProperty("reliability.report.dir", "target/reliability"), "admin-and-page-review");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(label.replaceAll("[^A-Za-z0-9]+", "-") + ".html"), body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The skill name as text: in the sign-in lead or consent title, the name line and the logo's alt text. */
    private static List<String> nameShown(Document page, String name) {
        List<String> found = new ArrayList<>();
        Element shown = page.selectFirst(".alexa-skill-name");
        if (shown == null || !shown.text().equals(name)) {
            found.add("skill name line is not the name as text: " + shown);
        }
        Element title = page.selectFirst("#kc-page-title");
        boolean consent = page.selectFirst("[name=accept]") != null;
        if (consent && (title == null || !title.text().contains(name))) {
            found.add("consent title does not show the name as text: " + title);
        }
        return found;
    }

    /**
     * Markup that got through: a script or event handler calling alert, an attribute that a quote broke out of, a
     * javascript: or data: link, an element pointing at the attacker's host, the img of the payload, or the raw value.
     */
    static List<String> injected(String body, String raw) {
        List<String> found = new ArrayList<>();
        if (raw != null && raw.contains("<") && body.contains(raw)) {
            found.add("raw value in the page: " + raw);
        }
        Document document = Jsoup.parse(body);
        // keycloak.v2's header renders the realm's display name as HTML through Keycloak's sanitizer, by design
        // (displayNameHtml, else displayName): only script there counts.
        Element header = document.getElementById("kc-header-wrapper");
        if (header != null) {
            if (!header.select("img, a, script, iframe, form").isEmpty()) {
                HEADERS.add(header.html().strip());
            }
            header.select("img, a").remove();
        }
        for (Element element : document.getAllElements()) {
            if (element.tagName().equals("script") && element.data().contains("alert(")) {
                found.add("script: " + element.data());
            }
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                if (key.startsWith("on") && value.contains("alert")) {
                    found.add("event handler " + element.tagName() + "[" + key + "=" + attribute.getValue() + "]");
                } else if (!key.matches("[a-z][a-z0-9_:.-]*")) {
                    found.add("attribute broken by a quote: " + element.tagName() + "[" + attribute.getKey() + "]");
                } else if (List.of("href", "action", "formaction").contains(key)
                                && value.matches("(javascript|vbscript|data):.*")
                        || key.equals("src") && value.matches("(javascript|vbscript):.*")) {
                    found.add(key + " " + attribute.getValue() + " on " + element.tagName());
                } else if (value.contains("evil.example")) {
                    found.add("element pointing at the attacker: <" + element.tagName() + " " + key + "=\""
                            + attribute.getValue() + "\">");
                } else if (element.tagName().equals("img") && key.equals("src") && value.equals("x")) {
                    found.add("the payload's <img src=x>");
                }
            }
        }
        return found;
    }

    // ---------------------------------------------------------------- 3. reflected parameters

    static Stream<Arguments> reflected() {
        String img = "\"><img src=x onerror=alert(1)>";
        return Stream.of(
                Arguments.of("state", img + "'"),
                Arguments.of("scope", "profile " + img),
                Arguments.of("redirect_uri", "https://evil.example/" + img),
                Arguments.of(
                        "redirect_uri",
                        "https://evil.example/</p><a href=\"https://evil.example/phish\">Your link expired: sign in again</a>"),
                // Keycloak's kcSanitize decodes entities before it sanitizes: entity-escaping the message is no fix.
                Arguments.of(
                        "redirect_uri",
                        "https://evil.example/&lt;a href=&quot;https://evil.example/phish&quot;&gt;Sign in again&lt;/a&gt;"),
                Arguments.of("ui_locales", img + "'"),
                Arguments.of("login_hint", img + "'"),
                Arguments.of("client_id", img + "'"),
                Arguments.of("username (failed sign-in)", img + "'"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("reflected")
    @Order(4)
    void reflectedParametersAppearEscapedOrNotAtAll(String parameter, String value) throws Exception {
        Map<String, String> query = new LinkedHashMap<>(Map.of(
                "response_type",
                "code",
                "client_id",
                AlexaServer.CLIENT_ID,
                "redirect_uri",
                NA,
                "state",
                "s",
                "scope",
                "profile"));
        if (!parameter.startsWith("username")) {
            query.put(parameter, value);
        }
        URI url = URI.create(AlexaServer.realmUrl() + "/protocol/openid-connect/auth?" + Forms.form(query));
        int status;
        String body;
        String where;
        String location = null;
        if (parameter.startsWith("username")) {
            Phone view = AttackSuiteHttp.phone();
            Phone.Page failed = view.submit(
                    view.open(url), "form#kc-form-login", Map.of("username", value, "password", "wrong"), null);
            status = failed.status();
            body = failed.body();
            where = "login page after a failed sign-in";
        } else {
            java.net.http.HttpResponse<String> response = AttackSuiteHttp.get(url);
            status = response.statusCode();
            body = response.body();
            location = response.headers().firstValue("Location").orElse(null);
            where = location != null ? "redirect" : body.contains("kc-form-login") ? "login page" : "error page";
        }
        List<String> found = injected(body, value);
        String shown = body.contains(value)
                ? "raw"
                : !found.isEmpty() ? "turned into markup" : body.contains(escape(value)) ? "escaped" : "absent";
        if (location != null && !location.startsWith(NA + "?") && !location.startsWith(AlexaServer.realmUrl())) {
            found.add("redirect to " + location);
        }
        if (parameter.equals("login_hint") || parameter.startsWith("username")) {
            Element username = Jsoup.parse(body).selectFirst("input#username");
            if (username == null || !username.val().equals(value)) {
                found.add("username field does not hold the value as its value: " + username);
            }
        }
        String sanitized = where.equals("error page")
                ? " message: "
                        + Jsoup.parse(body)
                                .select("#kc-error-message, .instruction")
                                .html()
                                .replaceAll("\\s+", " ")
                : "";
        FIGURES.add(String.format(
                "reflected %s=%s -> HTTP %d %s, value %s, %d problems%s%s",
                parameter,
                value,
                status,
                where,
                shown,
                found.size(),
                location == null ? "" : " (to " + location.replaceAll("\\?.*", "?…") + ")",
                found.isEmpty() ? "" : sanitized));
        assertThat(found).as("%s on the %s", parameter, where).isEmpty();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    // ---------------------------------------------------------------- 4. ALEXA_THEME_* and the realm file's names

    private static final Map<String, String> THEME_ENV = Map.of(
            "ALEXA_THEME_ORGANISATION_NAME",
            MARKUP,
            "ALEXA_THEME_LOGO_URL",
            "https://example.com/logo.png\" onerror=\"alert(1)",
            "ALEXA_THEME_PRIMARY_COLOR",
            "red;}</style><script>alert(1)</script>",
            "ALEXA_THEME_ON_PRIMARY_COLOR",
            "#fff\" onmouseover=\"alert(1)",
            // The realm file's placeholders: a double quote is refused at startup (it would break the file's JSON).
            "ALEXA_SKILL_NAME",
            FILE_MARKUP,
            "ALEXA_REALM_DISPLAY_NAME",
            FILE_MARKUP);

    private static KeycloakServer startEnvServer() {
        Path work = Path.of(System.getProperty("test.work.dir", "target/it-work"), "review-env-" + UUID.randomUUID());
        KeycloakServer.Builder builder = KeycloakServer.testServer(work)
                .importRealm()
                .env("ALEXA_VENDOR_ID", VENDOR)
                .env("ALEXA_CLIENT_SECRET", AlexaServer.CLIENT_SECRET);
        THEME_ENV.forEach(builder::env);
        return builder.build().start(Duration.ofMinutes(4));
    }

    @Test
    @Order(5)
    void themeEnvironmentValuesAreEscapedOrDropped() throws Exception {
        KeycloakServer server = envServer.get(4, TimeUnit.MINUTES);
        java.net.http.HttpResponse<String> response = AttackSuiteHttp.HTTP.send(
                HttpRequest.newBuilder(URI.create(server.realmUrl(REALM)
                                + "/protocol/openid-connect/auth?response_type=code&client_id=" + AlexaServer.CLIENT_ID
                                + "&redirect_uri="
                                + Forms.encode(NA) + "&state=s&scope=profile"))
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        keep("theme environment, login page", response.body());
        List<String> found = new ArrayList<>(injected(response.body(), MARKUP));
        found.addAll(injected(response.body(), FILE_MARKUP));
        found.addAll(nameShown(page, FILE_MARKUP));
        Element organisation = page.selectFirst(".alexa-organisation");
        if (organisation == null || !organisation.text().contains(MARKUP)) {
            found.add("organisation name not shown as text: " + organisation);
        }
        Element logo = page.selectFirst("img.alexa-logo");
        if (logo != null && !logo.attr("src").equals(THEME_ENV.get("ALEXA_THEME_LOGO_URL"))) {
            found.add("logo src is neither dropped nor the value as one attribute: " + logo);
        }
        Element frame = page.selectFirst(".alexa-page");
        String style = frame == null ? null : frame.attr("style");
        if (!"--alexa-primary: #0b5cab; --alexa-on-primary: #ffffff;".equals(style)) {
            found.add("colours not dropped for the defaults: style=" + style);
        }
        if (!page.title().contains(FILE_MARKUP)) {
            found.add("realm display name not in the title as text: " + page.title());
        }
        FIGURES.add("ALEXA_THEME_* and realm-file names with markup ("
                + String.join(", ", new java.util.TreeSet<>(THEME_ENV.keySet()))
                + ") on a server started with them: login page HTTP " + response.statusCode() + ", frame style '"
                + style + "', logo "
                + (logo == null ? "dropped" : logo.outerHtml()) + ", problems " + found);
        assertThat(found).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static String admin() {
        return AlexaServer.adminToken();
    }

    private static ObjectNode userJson(String username) {
        ObjectNode user = AttackSuiteHttp.JSON
                .createObjectNode()
                .put("username", username)
                .put("enabled", true)
                .put("email", username + "@example.com")
                .put("emailVerified", true)
                .put("firstName", "Review")
                .put("lastName", "User");
        user.putArray("credentials")
                .addObject()
                .put("type", "password")
                .put("value", PASSWORD)
                .put("temporary", false);
        return user;
    }

    /** A user of the realm with these roles of that realm's client (realm-management, or {realm}-realm in master). */
    private static String adminUser(String realm, String managementClient, String... roles) {
        RealmResource resource = AlexaServer.admin().realm(realm);
        String username = "review-admin-" + UUID.randomUUID().toString().substring(0, 8);
        Users.create(resource, username, PASSWORD, "Review", "Admin");
        if (roles.length > 0) {
            String userId =
                    resource.users().searchByUsername(username, true).get(0).getId();
            String clientId =
                    resource.clients().findByClientId(managementClient).get(0).getId();
            List<RoleRepresentation> granted = Arrays.stream(roles)
                    .map(role ->
                            resource.clients().get(clientId).roles().get(role).toRepresentation())
                    .toList();
            resource.users().get(userId).roles().clientLevel(clientId).add(granted);
        }
        return username;
    }

    /** An access token of admin-cli by the password grant, as the admin console's login would give. */
    private static String token(String realm, String username) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(AlexaServer.server().realmUrl(realm) + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Forms.form(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        username,
                        "password",
                        PASSWORD))))
                .build();
        Reply reply = AttackSuiteHttp.send(AttackSuiteHttp.HTTP, request);
        assertThat(reply.status())
                .as("token of %s in %s: %s", username, realm, reply.body())
                .isEqualTo(200);
        return reply.field("access_token");
    }

    private static ObjectNode item(String clientId, String name) {
        ObjectNode item = AttackSuiteHttp.JSON
                .createObjectNode()
                .put("name", clientId)
                .put("providerId", "alexa-skills")
                .put("providerType", PAGE_TYPE)
                .put("parentId", AlexaServer.realm().toRepresentation().getId());
        ObjectNode config = item.putObject("config");
        config.putArray("client").add(clientId);
        config.putArray("name").add(name);
        config.putArray("vendorIds").add(VENDOR);
        config.putArray("scopes").add("profile");
        return item;
    }

    private static Reply putSkill(String clientId, String name, String token) throws Exception {
        ObjectNode body = AttackSuiteHttp.JSON.createObjectNode().put("name", name);
        body.putArray("vendorIds").add(VENDOR);
        body.putArray("scopes").add("profile");
        return call("PUT", "/admin/realms/" + REALM + "/alexa/skills/" + clientId, token, body.toString());
    }

    private static Reply call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(AlexaServer.server().baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return AttackSuiteHttp.send(AttackSuiteHttp.HTTP, request.build());
    }
}
