package dev.alexalink.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.rules.SignInChecks;
import dev.alexalink.testkit.client.AlexaAdminApi;
import dev.alexalink.testkit.server.AlexaServer;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentExportRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.alexalink.it.ExistingRealmIT.SKILL;
import static dev.alexalink.it.ExistingRealmIT.VENDOR;
import static dev.alexalink.it.ExistingRealmIT.everythingOf;
import static dev.alexalink.it.ExistingRealmIT.existingRealm;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin console's "Alexa skills" page, at the level of the admin REST API that the console uses
 * ({@code /admin/realms/{realm}/components}): saving an item applies it like the Alexa admin API and stores its
 * settings alone (the console values and diagnostics are the Alexa admin page's, computed when it opens); bad input is
 * refused whole; a realm import checks items but does not apply them.
 */
@ExtendWith(AlexaServer.class)
class AlexaSkillsPageIT {

    @Test
    void savingASkillAppliesItAndStoresOnlyItsSettings() throws Exception {
        String realm = existingRealm();
        JsonNode othersBefore = ExistingRealmIT.othersOf(realm);
        Map<String, List<String>> settings = skill(SKILL);
        // The console saves its page's URL parameters with the fields.
        settings.put("realm", List.of(realm));
        settings.put("providerId", List.of(AlexaSkillsPage.PROVIDER_ID));

        try (Response response = AlexaSkillsPage.add(realm, settings)) {
            assertThat(response.getStatus()).as(body(response)).isEqualTo(201);
        }

        ClientRepresentation client =
                AlexaServer.admin().realm(realm).clients().findByClientId(SKILL).get(0);
        assertThat(client.getRedirectUris())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(AlexaRegion.values())
                        .map(region -> region.redirectUri(VENDOR))
                        .toList());
        assertThat(client.getAttributes()).containsEntry("alexa.skill", "true");
        assertThat(ExistingRealmIT.othersOf(realm))
                .as("other clients, profiles and policies")
                .isEqualTo(othersBefore);

        ComponentRepresentation item = AlexaSkillsPage.item(realm, SKILL);
        JsonNode api = AlexaAdminApi.asAdmin(realm).skill(SKILL).json();
        assertThat(item.getName()).isEqualTo(SKILL);
        assertThat(item.getConfig())
                .doesNotContainKeys("realm", "providerId")
                .containsEntry("name", List.of("Shop skill"));
        assertThat(item.getConfig().get("regions"))
                .as("stored without an order")
                .containsExactlyInAnyOrder("north-america", "europe", "far-east");
        // The item holds the settings only: console values and diagnostics stored at save time went stale, so they
        // are on the Alexa admin page, computed when it opens; the item never holds the secret.
        assertThat(item.getConfig().keySet()).containsAnyElementsOf(List.of("client", "vendorIds"));
        assertThat(item.getConfig().keySet())
                .allSatisfy(field -> assertThat(field)
                        .isIn(
                                "client",
                                "name",
                                "vendorIds",
                                "regions",
                                "scopes",
                                "appRedirectUris",
                                "resourceAudience",
                                "requirePkce",
                                "enableLanguages"));
        String secret = api.get("alexaConsole").get("clientSecret").asText();
        assertThat(item.getConfig().values()).flatMap(values -> values).noneMatch(v -> v.contains(secret));
        assertThat(api.get("adminPage").asText())
                .isEqualTo(AlexaServer.server().baseUrl() + "/realms/master/alexa-admin/#/" + realm + "/" + SKILL);
    }

    @Test
    void savingAgainAppliesTheChangedSettings() {
        String realm = existingRealm();
        assertCreated(realm, skill(SKILL));
        ComponentRepresentation item = AlexaSkillsPage.item(realm, SKILL);

        item.getConfig().put("regions", new ArrayList<>(List.of("europe")));
        item.getConfig().put("name", new ArrayList<>(List.of("Shop skill, Europe")));
        AlexaServer.admin().realm(realm).components().component(item.getId()).update(item);

        ClientRepresentation client =
                AlexaServer.admin().realm(realm).clients().findByClientId(SKILL).get(0);
        assertThat(client.getRedirectUris()).containsExactly(AlexaRegion.EUROPE.redirectUri(VENDOR));
        assertThat(client.getName()).isEqualTo("Shop skill, Europe");
        ComponentRepresentation saved = AlexaSkillsPage.item(realm, SKILL);
        assertThat(saved.getConfig().get("regions")).containsExactly("europe");
    }

    @Test
    void savingWithEnableLanguagesTurnsOnTheThemesLanguages() throws Exception {
        String realm = existingRealm();
        assertCreated(realm, skill(SKILL));
        assertThat(AlexaServer.admin().realm(realm).toRepresentation().isInternationalizationEnabled())
                .as("saved without the option")
                .isNotEqualTo(Boolean.TRUE);
        ComponentRepresentation item = AlexaSkillsPage.item(realm, SKILL);

        item.getConfig().put("enableLanguages", new ArrayList<>(List.of("true")));
        AlexaServer.admin().realm(realm).components().component(item.getId()).update(item);

        RealmRepresentation localized = AlexaServer.admin().realm(realm).toRepresentation();
        assertThat(localized.isInternationalizationEnabled()).isTrue();
        assertThat(localized.getSupportedLocales())
                .containsExactlyInAnyOrderElementsOf(SignInChecks.ALEXA_THEME_LOCALES);
        ComponentRepresentation saved = AlexaSkillsPage.item(realm, SKILL);
        assertThat(saved.getConfig().get("enableLanguages")).containsExactly("true");
        JsonNode languages =
                AlexaAdminApi.check(AlexaAdminApi.asAdmin(realm).diagnostics().json(), SKILL, "languages");
        assertThat(languages.get("status").asText()).isEqualTo("PASS");
    }

    @Test
    void badSettingsAreRefusedWholeNamingEveryProblemAndChangeNothing() {
        String realm = existingRealm();
        JsonNode before = everythingOf(realm);
        Map<String, List<String>> bad = skill(SKILL);
        bad.put("vendorIds", List.of("M2-BAD!"));
        bad.put("regions", List.of("mars"));
        bad.put("vendorID", List.of("M2TYPO"));

        try (Response response = AlexaSkillsPage.add(realm, bad)) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response))
                    .contains("vendor ID 'M2-BAD!' must be 1 to 64 letters and digits")
                    .contains("unknown Alexa region 'mars'")
                    .contains("unknown field 'vendorID'");
        }
        assertThat(everythingOf(realm)).isEqualTo(before);
        assertThat(AlexaSkillsPage.items(realm)).isEmpty();

        assertCreated(realm, skill(SKILL));
        JsonNode applied = everythingOf(realm);
        ComponentRepresentation item = AlexaSkillsPage.item(realm, SKILL);
        item.getConfig().put("vendorIds", new ArrayList<>(List.of(VENDOR, "M2 SPACE")));
        try (Response response = AdminApiIT.responseOf(() -> AlexaServer.admin()
                .realm(realm)
                .components()
                .component(item.getId())
                .update(item))) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response)).contains("vendor ID 'M2 SPACE' must be 1 to 64 letters and digits");
        }
        assertThat(everythingOf(realm)).isEqualTo(applied);
        assertThat(AlexaSkillsPage.item(realm, SKILL).getConfig().get("vendorIds"))
                .containsExactly(VENDOR);
    }

    @Test
    void whatTheRealmCannotHonourIsRefusedBeforeAnythingChanges() {
        String realm = existingRealm();
        JsonNode before = everythingOf(realm);
        Map<String, List<String>> unknownScope = skill(SKILL);
        unknownScope.put("scopes", List.of("orders:read"));

        try (Response otherApplication = AlexaSkillsPage.add(realm, skill("webshop"));
                Response scope = AlexaSkillsPage.add(realm, unknownScope)) {
            assertThat(otherApplication.getStatus()).isEqualTo(400);
            assertThat(body(otherApplication)).contains("client 'webshop' already exists and is not an Alexa client");
            assertThat(scope.getStatus()).isEqualTo(400);
            assertThat(body(scope)).contains("scope 'orders:read' is not a client scope of realm '" + realm + "'");
        }
        assertThat(everythingOf(realm)).isEqualTo(before);
        assertThat(AlexaSkillsPage.items(realm)).isEmpty();
    }

    @Test
    void oneSkillPerClientAndASkillKeepsItsClient() {
        String realm = existingRealm();
        assertCreated(realm, skill(SKILL));

        try (Response second = AlexaSkillsPage.add(realm, skill(SKILL))) {
            assertThat(second.getStatus()).isEqualTo(400);
            assertThat(body(second))
                    .contains("client '" + SKILL + "' already has an Alexa skill in realm '" + realm + "'");
        }
        ComponentRepresentation item = AlexaSkillsPage.item(realm, SKILL);
        item.getConfig().put("client", new ArrayList<>(List.of("shop-alexa-2")));
        try (Response moved = AdminApiIT.responseOf(() -> AlexaServer.admin()
                .realm(realm)
                .components()
                .component(item.getId())
                .update(item))) {
            assertThat(moved.getStatus()).isEqualTo(400);
            assertThat(body(moved))
                    .contains(
                            "this skill belongs to client '" + SKILL + "': its client cannot change to 'shop-alexa-2'");
        }
        assertThat(AlexaServer.admin().realm(realm).clients().findByClientId("shop-alexa-2"))
                .isEmpty();
        assertThat(AlexaSkillsPage.items(realm)).hasSize(1);
    }

    @Test
    void onlyAdminsWhoMayManageClientsCanApplyASkill() {
        String realm = existingRealm();
        String realmManager = ExistingRealmIT.masterUser(realm, "manage-realm", "view-realm", "view-clients");
        try (Keycloak asRealmManager = ExistingRealmIT.login(realmManager)) {
            ComponentRepresentation item = new ComponentRepresentation();
            item.setProviderId(AlexaSkillsPage.PROVIDER_ID);
            item.setProviderType(AlexaSkillsPage.TYPE);
            item.setConfig(new MultivaluedHashMap<>(skill(SKILL)));
            try (Response response = asRealmManager.realm(realm).components().add(item)) {
                assertThat(response.getStatus())
                        .as("manage-realm without manage-clients")
                        .isEqualTo(403);
            }
        }
        assertThat(AlexaServer.admin().realm(realm).clients().findByClientId(SKILL))
                .isEmpty();
        assertThat(AlexaSkillsPage.items(realm)).isEmpty();
    }

    @Test
    void aRealmImportChecksItsSkillsButLeavesApplyingThemToAnAdmin() throws Exception {
        String name = "imported-" + UUID.randomUUID().toString().substring(0, 8);
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("file-skill");
        client.setSecret("FileSkillSecret0123456789abcdefghijklmn");
        client.setRedirectUris(List.of(AlexaRegion.EUROPE.redirectUri(VENDOR)));
        client.setAttributes(new HashMap<>(Map.of("alexa.skill", "true")));
        Map<String, List<String>> settings = skill("file-skill");
        settings.put(
                "consoleAuthorizationUri",
                List.of("https://exported-elsewhere.example.com/realms/x/protocol/openid-connect/auth"));
        settings.put("check-redirect-uris", List.of("PASS: as exported"));

        try (Response imported = importRealm(name, client, settings)) {
            assertThat(imported.getStatus()).as(body(imported)).isEqualTo(204);
        }

        ComponentRepresentation item = AlexaSkillsPage.item(name, "file-skill");
        assertThat(item.getConfig())
                .as("the fields older versions wrote on save are accepted and dropped")
                .doesNotContainKeys("consoleAuthorizationUri", "check-redirect-uris", "diagnostics");
        assertThat(AlexaServer.admin()
                        .realm(name)
                        .clients()
                        .findByClientId("file-skill")
                        .get(0)
                        .getRedirectUris())
                .as("the imported client as the file has it")
                .containsExactly(AlexaRegion.EUROPE.redirectUri(VENDOR));

        AlexaServer.admin().realm(name).components().component(item.getId()).update(item);

        assertThat(AlexaServer.admin()
                        .realm(name)
                        .clients()
                        .findByClientId("file-skill")
                        .get(0)
                        .getRedirectUris())
                .hasSize(3);
        assertThat(AlexaAdminApi.asAdmin(name)
                        .skill("file-skill")
                        .json()
                        .get("alexaConsole")
                        .get("authorizationUri")
                        .asText())
                .isEqualTo(AlexaServer.server().realmUrl(name) + "/protocol/openid-connect/auth");
    }

    @Test
    void aRealmImportWithAnInvalidSkillIsRefusedWhole() {
        String name = "imported-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, List<String>> bad = skill("file-skill");
        bad.put("vendorIds", List.of("M2 BAD"));

        try (Response imported = importRealm(name, null, bad)) {
            assertThat(imported.getStatus()).isEqualTo(400);
            assertThat(body(imported))
                    .contains("Realm '" + name + "' was not imported")
                    .contains("vendor ID 'M2 BAD' must be 1 to 64 letters and digits");
        }
        assertThat(AlexaServer.admin().realms().findAll())
                .extracting(RealmRepresentation::getRealm)
                .doesNotContain(name);
    }

    static Map<String, List<String>> skill(String clientId) {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        settings.put("client", List.of(clientId));
        settings.put("name", List.of("Shop skill"));
        settings.put("vendorIds", List.of(VENDOR));
        settings.put("scopes", List.of("profile"));
        return settings;
    }

    private static void assertCreated(String realm, Map<String, List<String>> settings) {
        try (Response response = AlexaSkillsPage.add(realm, settings)) {
            assertThat(response.getStatus()).as(body(response)).isEqualTo(201);
        }
    }

    private static Response importRealm(String name, ClientRepresentation client, Map<String, List<String>> skill) {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setEnabled(true);
        if (client != null) {
            realm.setClients(List.of(client));
        }
        ComponentExportRepresentation item = new ComponentExportRepresentation();
        item.setProviderId(AlexaSkillsPage.PROVIDER_ID);
        item.setConfig(new MultivaluedHashMap<>(skill));
        MultivaluedHashMap<String, ComponentExportRepresentation> components = new MultivaluedHashMap<>();
        components.add(AlexaSkillsPage.TYPE, item);
        realm.setComponents(components);
        // 204 when it worked: the admin client answers a created realm with no response.
        return AdminApiIT.responseOf(() -> AlexaServer.admin().realms().create(realm));
    }

    private static String body(Response response) {
        return response.hasEntity() ? response.readEntity(String.class) : "(no body)";
    }
}
