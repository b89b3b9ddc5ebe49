package dev.alexalink.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.rules.SignInChecks;
import dev.alexalink.testkit.client.AccountLinking;
import dev.alexalink.testkit.client.AlexaAdminApi;
import dev.alexalink.testkit.client.AlexaService;
import dev.alexalink.testkit.client.Phone;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.Users;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientPoliciesRepresentation;
import org.keycloak.representations.idm.ClientPolicyConditionRepresentation;
import org.keycloak.representations.idm.ClientPolicyExecutorRepresentation;
import org.keycloak.representations.idm.ClientPolicyRepresentation;
import org.keycloak.representations.idm.ClientProfileRepresentation;
import org.keycloak.representations.idm.ClientProfilesRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An identity admin adds Alexa linking to a realm they already run, full of other applications, with the Alexa admin
 * API: one call per skill, repeatable, refused whole on bad input, and only for admins allowed to change the realm.
 */
@ExtendWith(AlexaServer.class)
class ExistingRealmIT {

    static final String VENDOR = "M2SHOPVENDOR01";
    static final String SKILL = "shop-alexa";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneCallEnablesASkillWhoseLinkWorksAndLeavesEverythingElseAsItWas() throws Exception {
        String realm = existingRealm();
        JsonNode before = othersOf(realm);

        AlexaAdminApi.Answer answer = AlexaAdminApi.asAdmin(realm).enableSkill(SKILL, skill());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.get("outcome").asText()).isEqualTo("created");
        JsonNode console = answer.get("alexaConsole");
        String realmUrl = AlexaServer.server().realmUrl(realm);
        assertThat(console.get("authorizationUri").asText()).isEqualTo(realmUrl + "/protocol/openid-connect/auth");
        assertThat(console.get("accessTokenUri").asText()).isEqualTo(realmUrl + "/protocol/openid-connect/token");
        assertThat(console.get("clientId").asText()).isEqualTo(SKILL);
        assertThat(console.get("scopes").toString()).isEqualTo("[\"openid\",\"profile\"]");
        assertThat(console.get("alexaRedirectUrls")).hasSize(3);
        assertThat(othersOf(realm)).as("other clients, profiles and policies").isEqualTo(before);
        assertThat(policyNames(realm)).containsExactly("shop-public-clients", "alexa-account-linking");
        assertThat(AlexaServer.admin().realm(realm).toRepresentation().getEventsListeners())
                .containsExactlyInAnyOrder("jboss-logging", "alexa-linking");
        // Without enableLanguages the realm's localization stays as it was; the answer says what the option would do.
        RealmRepresentation localization = AlexaServer.admin().realm(realm).toRepresentation();
        assertThat(localization.isInternationalizationEnabled()).isNotEqualTo(Boolean.TRUE);
        assertThat(localization.getSupportedLocales()).isNullOrEmpty();
        assertThat(answer.get("changes").toString())
                .doesNotContain("internationalizationEnabled")
                .doesNotContain("supportedLocales");
        JsonNode languages = languagesCheck(answer.get("diagnostics").get("client"));
        assertThat(languages.get("status").asText()).isEqualTo("WARN");
        assertThat(languages.get("finding").asText())
                .isEqualTo("the sign-in pages show only English: Internationalization is off");
        assertThat(languages.get("fix").asText())
                .contains("Realm settings > Localization > Internationalization: on")
                .contains("\"enableLanguages\": true");

        // The whole link, as Alexa plays it, with the values the call returned.
        String username = "shopper-" + UUID.randomUUID().toString().substring(0, 8);
        Users.create(AlexaServer.admin().realm(realm), username, AlexaServer.USER_PASSWORD, "Shop", "Per");
        String redirectUri = AlexaRegion.EUROPE.redirectUri(VENDOR);
        Phone.Page back =
                AccountLinking.link(realmUrl, SKILL, redirectUri, AccountLinking.longState(), "profile", username);
        AlexaService alexa = new AlexaService(
                realmUrl, SKILL, console.get("clientSecret").asText(), AlexaService.ClientAuthentication.HTTP_BASIC);
        AlexaService.TokenResponse tokens =
                alexa.exchangeCode(back.redirectParameters().get("code"), redirectUri);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        AlexaAccountLinkingIT.assertAlexaTokenResponse(tokens);
        AlexaService.TokenResponse refreshed = alexa.refresh(tokens.field("refresh_token"));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
    }

    /** A realm with Internationalization off (a new realm's default) shows the theme's pages only in English. */
    @Test
    void enableLanguagesTurnsOnTheThemesLanguagesSoThatArabicSignInIsRightToLeft() throws Exception {
        String realm = existingRealm();
        AlexaAdminApi api = AlexaAdminApi.asAdmin(realm);
        assertThat(api.enableSkill(SKILL, skill()).status()).isEqualTo(201);
        JsonNode report = api.diagnostics().json();
        assertThat(AlexaAdminApi.check(report, SKILL, "languages").get("status").asText())
                .as(report.toString())
                .isEqualTo("WARN");
        String defaultLocale =
                AlexaServer.admin().realm(realm).toRepresentation().getDefaultLocale();

        Map<String, Object> withLanguages = new LinkedHashMap<>(skill());
        withLanguages.put("enableLanguages", true);
        AlexaAdminApi.Answer enabled = api.enableSkill(SKILL, withLanguages);

        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        assertThat(enabled.get("outcome").asText()).isEqualTo("updated");
        assertThat(enabled.get("changes").toString())
                .contains("internationalizationEnabled: false -> true")
                .contains("supportedLocales: added en, de, fr, it, es, pt-BR, ja, hi, ar (the 'alexa' theme's"
                        + " languages; the default locale is unchanged)");
        RealmRepresentation localized = AlexaServer.admin().realm(realm).toRepresentation();
        assertThat(localized.isInternationalizationEnabled()).isTrue();
        assertThat(localized.getSupportedLocales())
                .containsExactlyInAnyOrderElementsOf(SignInChecks.ALEXA_THEME_LOCALES);
        assertThat(localized.getDefaultLocale()).isEqualTo(defaultLocale);
        assertThat(languagesCheck(enabled.get("diagnostics").get("client"))
                        .get("status")
                        .asText())
                .isEqualTo("PASS");
        assertThat(api.enableSkill(SKILL, withLanguages).get("outcome").asText())
                .as("the option, saved again")
                .isEqualTo("unchanged");

        Phone phone = new Phone(AlexaServer.server().baseUrl());
        Phone.Page login = phone.open(AccountLinking.authorizationUrl(
                        AlexaServer.server().realmUrl(realm),
                        SKILL,
                        AlexaRegion.EUROPE.redirectUri(VENDOR),
                        AccountLinking.longState(),
                        "profile")
                + "&ui_locales=ar");
        assertThat(login.status()).as(login.describe()).isEqualTo(200);
        assertThat(login.document().select(AccountLinking.LOGIN_FORM))
                .as(login.describe())
                .hasSize(1);
        assertThat(login.document().selectFirst("html").attr("lang")).isEqualTo("ar");
        assertThat(login.document().selectFirst("html").attr("dir")).isEqualTo("rtl");
    }

    /** The theme's locales join the ones the realm has; its default locale stays. */
    @Test
    void enableLanguagesKeepsTheRealmsOwnLocalesAndDefault() throws Exception {
        String realm = existingRealm();
        RealmResource resource = AlexaServer.admin().realm(realm);
        RealmRepresentation own = resource.toRepresentation();
        own.setInternationalizationEnabled(true);
        own.setSupportedLocales(java.util.Set.of("nl", "en", "de"));
        own.setDefaultLocale("nl");
        resource.update(own);
        AlexaAdminApi api = AlexaAdminApi.asAdmin(realm);
        AlexaAdminApi.Answer without = api.enableSkill(SKILL, skill());
        JsonNode missing = languagesCheck(without.get("diagnostics").get("client"));
        assertThat(missing.get("status").asText()).isEqualTo("WARN");
        assertThat(missing.get("finding").asText())
                .isEqualTo("the sign-in pages cannot show fr, it, es, pt-BR, ja, hi, ar: the realm's supported"
                        + " locales lack them");

        Map<String, Object> withLanguages = new LinkedHashMap<>(skill());
        withLanguages.put("enableLanguages", true);
        AlexaAdminApi.Answer enabled = api.enableSkill(SKILL, withLanguages);

        assertThat(enabled.get("changes").toString())
                .doesNotContain("internationalizationEnabled")
                .contains("supportedLocales: added fr, it, es, pt-BR, ja, hi, ar");
        RealmRepresentation after = resource.toRepresentation();
        assertThat(after.getSupportedLocales())
                .containsExactlyInAnyOrder("nl", "en", "de", "fr", "it", "es", "pt-BR", "ja", "hi", "ar");
        assertThat(after.getDefaultLocale()).isEqualTo("nl");
    }

    @Test
    void enableLanguagesMustBeTrueOrFalse() throws Exception {
        String realm = existingRealm();
        Map<String, Object> bad = new LinkedHashMap<>(skill());
        bad.put("enableLanguages", "yes");

        AlexaAdminApi.Answer answer = AlexaAdminApi.asAdmin(realm).enableSkill(SKILL, bad);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.get("problems").toString()).contains("field 'enableLanguages' must be true or false");
        assertThat(AlexaServer.admin().realm(realm).clients().findByClientId(SKILL))
                .isEmpty();
    }

    private static JsonNode languagesCheck(JsonNode checks) {
        for (JsonNode check : checks) {
            if ("languages".equals(check.get("id").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check 'languages' in " + checks);
    }

    @Test
    void aSecondCallChangesNothing() throws Exception {
        String realm = existingRealm();
        AlexaAdminApi api = AlexaAdminApi.asAdmin(realm);
        assertThat(api.enableSkill(SKILL, skill()).status()).isEqualTo(201);
        JsonNode before = everythingOf(realm);

        AlexaAdminApi.Answer again = api.enableSkill(SKILL, skill());

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.get("outcome").asText()).isEqualTo("unchanged");
        assertThat(again.get("changes")).isEmpty();
        assertThat(everythingOf(realm)).isEqualTo(before);
    }

    @Test
    void invalidInputIsRefusedWholeNamingEveryProblemAndChangesNothing() throws Exception {
        String realm = existingRealm();
        JsonNode before = everythingOf(realm);
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("vendorIds", List.of("M2 BAD"));
        bad.put("regions", List.of("mars"));
        bad.put("scopes", List.of("offline_access"));
        bad.put("appRedirectUris", List.of("http://app.example.com/link"));
        bad.put("vendorID", "M2TYPO");

        AlexaAdminApi.Answer answer = AlexaAdminApi.asAdmin(realm).enableSkill(SKILL, bad);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.get("error").asText()).isEqualTo("invalid_alexa_skill");
        assertThat(answer.get("problems").toString())
                .contains("unknown field 'vendorID'")
                .contains("vendor ID 'M2 BAD'")
                .contains("mars")
                .contains("scope 'offline_access'")
                .contains("http://app.example.com/link");
        assertThat(everythingOf(realm)).isEqualTo(before);
    }

    @Test
    void inputTheRealmCannotHonourIsRefusedBeforeAnythingChanges() throws Exception {
        String realm = existingRealm();
        AlexaAdminApi api = AlexaAdminApi.asAdmin(realm);
        JsonNode before = everythingOf(realm);

        AlexaAdminApi.Answer unknownScope =
                api.enableSkill(SKILL, Map.of("vendorIds", List.of(VENDOR), "scopes", List.of("orders:read")));
        AlexaAdminApi.Answer otherApplication = api.enableSkill("webshop", skill());
        AlexaAdminApi.Answer defaultScope =
                api.enableSkill(SKILL, Map.of("vendorIds", List.of(VENDOR), "scopes", List.of("basic")));

        assertThat(unknownScope.status()).as(unknownScope.toString()).isEqualTo(400);
        assertThat(unknownScope.get("error_description").asText())
                .contains("scope 'orders:read' is not a client scope of realm '" + realm + "'");
        assertThat(otherApplication.status()).as(otherApplication.toString()).isEqualTo(400);
        assertThat(otherApplication.get("error_description").asText())
                .contains("client 'webshop' already exists and is not an Alexa client");
        assertThat(defaultScope.status()).as(defaultScope.toString()).isEqualTo(400);
        assertThat(defaultScope.get("error_description").asText())
                .contains("scope 'basic' is granted to every Alexa client as a default scope");
        assertThat(everythingOf(realm)).isEqualTo(before);
    }

    /** A second skill of another Amazon developer account: its vendor ID joins the profile before its client is judged. */
    @Test
    void aSecondSkillWithAnotherVendorIdIsEnabledBesideTheFirst() throws Exception {
        String realm = existingRealm();
        AlexaAdminApi api = AlexaAdminApi.asAdmin(realm);
        assertThat(api.enableSkill(SKILL, skill()).status()).isEqualTo(201);

        AlexaAdminApi.Answer second = api.enableSkill(
                "shop-alexa-2", Map.of("vendorIds", List.of("M2SHOPVENDOR02"), "scopes", List.of("profile")));

        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.get("alexaConsole").get("alexaRedirectUrls").toString())
                .contains("M2SHOPVENDOR02")
                .doesNotContain(VENDOR);
        assertThat(AlexaAdminApi.asAdmin(realm)
                        .enableSkill(SKILL, skill())
                        .get("outcome")
                        .asText())
                .as("the first skill, saved again")
                .isEqualTo("unchanged");
    }

    @Test
    void theRealmsOwnClientPoliciesJudgeTheSkillsClientToo() throws Exception {
        String realm = existingRealm();
        RealmResource resource = AlexaServer.admin().realm(realm);
        ClientProfilesRepresentation profiles =
                resource.clientPoliciesProfilesResource().getProfiles(false);
        ClientProfileRepresentation jwtOnly = new ClientProfileRepresentation();
        jwtOnly.setName("jwt-only");
        ClientPolicyExecutorRepresentation authenticator = new ClientPolicyExecutorRepresentation();
        authenticator.setExecutorProviderId("secure-client-authenticator");
        authenticator.setConfiguration(JSON.createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                        "allowed-client-authenticators", JSON.createArrayNode().add("client-jwt"))
                .put("default-client-authenticator", "client-jwt"));
        jwtOnly.setExecutors(List.of(authenticator));
        List<ClientProfileRepresentation> withJwt = new ArrayList<>(profiles.getProfiles());
        withJwt.add(jwtOnly);
        profiles.setProfiles(withJwt);
        resource.clientPoliciesProfilesResource().updateProfiles(profiles);
        ClientPoliciesRepresentation policies =
                resource.clientPoliciesPoliciesResource().getPolicies(false);
        ClientPolicyRepresentation everyClient = new ClientPolicyRepresentation();
        everyClient.setName("every-client-uses-jwt");
        everyClient.setEnabled(true);
        ClientPolicyConditionRepresentation anyClient = new ClientPolicyConditionRepresentation();
        anyClient.setConditionProviderId("any-client");
        anyClient.setConfiguration(JSON.createObjectNode());
        everyClient.setConditions(List.of(anyClient));
        everyClient.setProfiles(List.of("jwt-only"));
        List<ClientPolicyRepresentation> withEveryClient = new ArrayList<>(policies.getPolicies());
        withEveryClient.add(everyClient);
        policies.setPolicies(withEveryClient);
        resource.clientPoliciesPoliciesResource().updatePolicies(policies);
        JsonNode before = everythingOf(realm);

        AlexaAdminApi.Answer answer = AlexaAdminApi.asAdmin(realm).enableSkill(SKILL, skill());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.get("error_description").asText()).contains("the realm's client policies refused");
        assertThat(everythingOf(realm)).as("nothing half-applied").isEqualTo(before);
    }

    @Test
    void onlyAdminsWhoMayChangeTheRealmCanEnableASkill() throws Exception {
        String realm = existingRealm();
        String viewer = masterUser(realm, "view-realm", "view-clients");
        String nobody = masterUser(realm);
        try (Keycloak asViewer = login(viewer);
                Keycloak asNobody = login(nobody)) {
            String base = AlexaServer.server().baseUrl();
            AlexaAdminApi viewing =
                    new AlexaAdminApi(base, realm, asViewer.tokenManager().getAccessTokenString());
            AlexaAdminApi unprivileged =
                    new AlexaAdminApi(base, realm, asNobody.tokenManager().getAccessTokenString());

            assertThat(viewing.enableSkill(SKILL, skill()).status()).isEqualTo(403);
            assertThat(viewing.diagnostics().status()).isEqualTo(200);
            assertThat(unprivileged.enableSkill(SKILL, skill()).status()).isEqualTo(403);
            assertThat(unprivileged.diagnostics().status()).isEqualTo(403);
        }
        assertThat(AlexaServer.admin().realm(realm).clients().findByClientId(SKILL))
                .isEmpty();
    }

    @Test
    void clientsThatArrivedThroughARealmImportAreDiagnosedToo() throws Exception {
        AlexaAdminApi.Answer report = AlexaAdminApi.asAdmin(AlexaServer.REALM).diagnostics();

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.get("clients").findValuesAsText("clientId")).contains(AlexaServer.CLIENT_ID);
        assertThat(AlexaAdminApi.check(report.json(), AlexaServer.CLIENT_ID, "redirect-uris")
                        .get("status")
                        .asText())
                .isEqualTo("PASS");
        assertThat(AlexaAdminApi.check(report.json(), null, "frontend-url")
                        .get("status")
                        .asText())
                .as("the test server runs on http://localhost")
                .isEqualTo("FAIL");
    }

    /** A realm as an identity admin already runs it: two applications' clients and a client policy of its own. */
    static String existingRealm() {
        String name = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setEnabled(true);
        AlexaServer.admin().realms().create(realm);
        RealmResource resource = AlexaServer.admin().realm(name);

        ClientRepresentation webshop = new ClientRepresentation();
        webshop.setClientId("webshop");
        webshop.setRedirectUris(List.of("https://shop.example.com/*"));
        webshop.setSecret("webshop-secret-for-tests-only-0123456789");
        webshop.setDirectAccessGrantsEnabled(true);
        ClientRepresentation mobile = new ClientRepresentation();
        mobile.setClientId("mobile-app");
        mobile.setPublicClient(true);
        mobile.setRedirectUris(List.of("com.example.shop:/callback"));
        for (ClientRepresentation client : List.of(webshop, mobile)) {
            try (Response response = resource.clients().create(client)) {
                assertThat(response.getStatus()).isEqualTo(201);
            }
        }

        ClientProfileRepresentation profile = new ClientProfileRepresentation();
        profile.setName("shop-pkce");
        ClientPolicyExecutorRepresentation pkce = new ClientPolicyExecutorRepresentation();
        pkce.setExecutorProviderId("pkce-enforcer");
        pkce.setConfiguration(JSON.createObjectNode().put("auto-configure", false));
        profile.setExecutors(List.of(pkce));
        ClientProfilesRepresentation profiles = new ClientProfilesRepresentation();
        profiles.setProfiles(List.of(profile));
        resource.clientPoliciesProfilesResource().updateProfiles(profiles);
        ClientPolicyRepresentation policy = new ClientPolicyRepresentation();
        policy.setName("shop-public-clients");
        policy.setEnabled(true);
        ClientPolicyConditionRepresentation publicClients = new ClientPolicyConditionRepresentation();
        publicClients.setConditionProviderId("client-access-type");
        publicClients.setConfiguration(
                JSON.createObjectNode().set("type", JSON.createArrayNode().add("public")));
        policy.setConditions(List.of(publicClients));
        policy.setProfiles(List.of("shop-pkce"));
        ClientPoliciesRepresentation policies = new ClientPoliciesRepresentation();
        policies.setPolicies(List.of(policy));
        resource.clientPoliciesPoliciesResource().updatePolicies(policies);
        return name;
    }

    static Map<String, Object> skill() {
        return Map.of("name", "Shop skill", "vendorIds", List.of(VENDOR), "scopes", List.of("profile"));
    }

    /** The realm's clients (secrets included) with their scopes, profiles and policies, as JSON. */
    static JsonNode everythingOf(String realm) {
        RealmResource resource = AlexaServer.admin().realm(realm);
        Map<String, Object> state = new LinkedHashMap<>();
        for (ClientRepresentation client : resource.clients().findAll()) {
            ClientResource clientResource = resource.clients().get(client.getId());
            client.setSecret(clientResource.getSecret().getValue());
            client.setDefaultClientScopes(clientResource.getDefaultClientScopes().stream()
                    .map(s -> s.getName())
                    .sorted()
                    .toList());
            client.setOptionalClientScopes(clientResource.getOptionalClientScopes().stream()
                    .map(s -> s.getName())
                    .sorted()
                    .toList());
            state.put(client.getClientId(), client);
        }
        state.put("profiles", resource.clientPoliciesProfilesResource().getProfiles(false));
        state.put("policies", resource.clientPoliciesPoliciesResource().getPolicies(false));
        return JSON.valueToTree(state);
    }

    /** Everything but the Alexa client, profile and policy. */
    static JsonNode othersOf(String realm) {
        JsonNode state = everythingOf(realm).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) state).remove(SKILL);
        removeNamed(state.get("profiles").get("profiles"), "alexa-account-linking");
        removeNamed(state.get("policies").get("policies"), "alexa-account-linking");
        return state;
    }

    private static void removeNamed(JsonNode array, String name) {
        if (array == null) {
            return;
        }
        for (int i = array.size() - 1; i >= 0; i--) {
            if (name.equals(array.get(i).get("name").asText())) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) array).remove(i);
            }
        }
    }

    private static List<String> policyNames(String realm) {
        List<String> names = new ArrayList<>();
        AlexaServer.admin()
                .realm(realm)
                .clientPoliciesPoliciesResource()
                .getPolicies(false)
                .getPolicies()
                .forEach(p -> names.add(p.getName()));
        return names;
    }

    /** A user of the master realm with these roles of the realm's management client ('<realm>-realm'). */
    static String masterUser(String realm, String... roles) {
        RealmResource master = AlexaServer.admin().realm("master");
        String username = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        Users.create(master, username, AlexaServer.USER_PASSWORD, "Limited", "Admin");
        if (roles.length > 0) {
            String userId =
                    master.users().searchByUsername(username, true).get(0).getId();
            String managementClient =
                    master.clients().findByClientId(realm + "-realm").get(0).getId();
            List<RoleRepresentation> granted = new ArrayList<>();
            for (String role : roles) {
                granted.add(
                        master.clients().get(managementClient).roles().get(role).toRepresentation());
            }
            master.users().get(userId).roles().clientLevel(managementClient).add(granted);
        }
        return username;
    }

    static Keycloak login(String username) {
        return Keycloak.getInstance(
                AlexaServer.server().baseUrl(), "master", username, AlexaServer.USER_PASSWORD, "admin-cli");
    }
}
