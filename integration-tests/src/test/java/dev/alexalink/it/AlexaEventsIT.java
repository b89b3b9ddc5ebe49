package dev.alexalink.it;

import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.testkit.client.AccountConsole;
import dev.alexalink.testkit.client.AccountLinking;
import dev.alexalink.testkit.client.AlexaService;
import dev.alexalink.testkit.client.Phone;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.Http;
import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.EventRepresentation;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.alexalink.testkit.client.AlexaService.ClientAuthentication.HTTP_BASIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What Keycloak records of a skill's links: each step is logged with its Alexa context, /metrics on the management
 * port counts each step per skill, refusals are logged with their rule, and the stored events (the admin console's
 * Events tab) stay as Keycloak wrote them. The links are played as in {@link AlexaAccountLinkingIT}. Each test links
 * its own skill client, so its counts are exact.
 */
@ExtendWith(AlexaServer.class)
class AlexaEventsIT {

    private static final String METRIC = "alexa_link_events_total";
    private static final String NA = AlexaRegion.NORTH_AMERICA.redirectUri(AlexaServer.VENDOR_ID);
    private static final String EU = AlexaRegion.EUROPE.redirectUri(AlexaServer.VENDOR_ID);

    @Test
    void linkRefreshAndUnlinkInTheAccountConsoleAreLoggedAndCountedForTheSkill() throws Exception {
        ClientRepresentation skill = AdminApiIT.create(AdminApiIT.alexaClient());
        String username = AlexaServer.createUser("events-user");
        AlexaService alexa = alexaOf(skill);

        AlexaService.TokenResponse tokens = link(skill, EU, username, alexa);
        AlexaService.TokenResponse refreshed = alexa.refresh(tokens.field("refresh_token"));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);

        HttpResponse<String> removed = AccountConsole.signIn(username).revokeAccess(skill.getClientId());
        assertThat(removed.statusCode())
                .as("remove access in the account console: " + removed.body())
                .isEqualTo(204);

        // That is how Alexa learns that the account is unlinked.
        AlexaService.TokenResponse afterUnlink = alexa.refresh(refreshed.field("refresh_token"));
        assertThat(afterUnlink.status()).as(afterUnlink.body()).isEqualTo(400);
        assertThat(afterUnlink.field("error")).isEqualTo("invalid_grant");

        List<EventRepresentation> ofSkill =
                AlexaServer.realm().getEvents(null, skill.getClientId(), null, null, null, null, 0, 100);
        assertThat(ofSkill)
                .extracting(EventRepresentation::getType)
                .containsExactlyInAnyOrder("LOGIN", "CODE_TO_TOKEN", "REFRESH_TOKEN", "REFRESH_TOKEN_ERROR");
        assertThat(only(ofSkill, "REFRESH_TOKEN_ERROR").getError()).isEqualTo("invalid_token");
        assertThat(ofSkill)
                .as("stored as Keycloak wrote them")
                .allSatisfy(e -> assertThat(alexaContext(e)).isEmpty());

        List<EventRepresentation> ofUser =
                AlexaServer.realm().getEvents(null, null, AlexaServer.userId(username), null, null, null, 0, 100);
        EventRepresentation revoke = only(ofUser, "REVOKE_GRANT");
        assertThat(revoke.getClientId())
                .as("Keycloak records the account API's client, not the skill")
                .isEqualTo("account");
        assertThat(revoke.getDetails()).containsEntry("revoked_client", skill.getClientId());

        PrometheusMetrics metrics = PrometheusMetrics.scrape();
        assertThat(count(metrics, skill, "sign-in", ""))
                .as(metrics.lines(METRIC))
                .isEqualTo(1);
        assertThat(count(metrics, skill, "link", "")).isEqualTo(1);
        assertThat(count(metrics, skill, "refresh", "")).isEqualTo(1);
        assertThat(count(metrics, skill, "refresh", "invalid_token")).isEqualTo(1);
        assertThat(count(metrics, skill, "unlink-by-user", "")).isEqualTo(1);
        assertThat(count(metrics, skill, "unlink-by-admin", "")).isZero();
        AlexaServer.assertLogContains(
                "Alexa link step sign-in of skill '" + skill.getClientId() + "' in realm 'alexa' from region europe",
                "Alexa link step link of skill '" + skill.getClientId() + "' in realm 'alexa' from region europe",
                "Alexa link step unlink-by-user of skill '" + skill.getClientId() + "' in realm 'alexa'",
                "Alexa link step refresh of skill '" + skill.getClientId()
                        + "' in realm 'alexa' failed with invalid_token");
    }

    @Test
    void anAdminRevokingTheConsentUnlinks() throws Exception {
        ClientRepresentation skill = AdminApiIT.create(AdminApiIT.alexaClient());
        String username = AlexaServer.createUser("events-admin");
        AlexaService alexa = alexaOf(skill);
        AlexaService.TokenResponse tokens = link(skill, NA, username, alexa);
        String userId = AlexaServer.userId(username);

        AlexaServer.realm().users().get(userId).revokeConsent(skill.getClientId());

        AlexaService.TokenResponse afterUnlink = alexa.refresh(tokens.field("refresh_token"));
        assertThat(afterUnlink.status()).as(afterUnlink.body()).isEqualTo(400);
        assertThat(afterUnlink.field("error")).isEqualTo("invalid_grant");

        onlyAdminEvent("ACTION", "users/" + userId + "/consents/" + skill.getClientId());
        AlexaServer.assertLogContains(
                "Alexa link step unlink-by-admin of skill '" + skill.getClientId() + "' in realm 'alexa'; Keycloak"
                        + " admin event ACTION users/" + userId + "/consents/" + skill.getClientId());

        PrometheusMetrics metrics = PrometheusMetrics.scrape();
        assertThat(count(metrics, skill, "link", "")).as(metrics.lines(METRIC)).isEqualTo(1);
        assertThat(count(metrics, skill, "unlink-by-admin", "")).isEqualTo(1);
        assertThat(count(metrics, skill, "refresh", "invalid_token")).isEqualTo(1);
    }

    @Test
    void deletingALinkedUserEndsTheLink() throws Exception {
        ClientRepresentation skill = AdminApiIT.create(AdminApiIT.alexaClient());
        String username = AlexaServer.createUser("events-deleted");
        AlexaService alexa = alexaOf(skill);
        AlexaService.TokenResponse tokens = link(skill, NA, username, alexa);
        String userId = AlexaServer.userId(username);

        try (var response = AlexaServer.realm().users().delete(userId)) {
            assertThat(response.getStatus()).isEqualTo(204);
        }

        assertThat(alexa.refresh(tokens.field("refresh_token")).field("error")).isEqualTo("invalid_grant");
        onlyAdminEvent("DELETE", "users/" + userId);
        AlexaServer.assertLogContains("Alexa link step unlink-by-user-deletion of skill '" + skill.getClientId()
                + "' in realm 'alexa'; Keycloak admin event DELETE users/" + userId);
        PrometheusMetrics metrics = PrometheusMetrics.scrape();
        assertThat(count(metrics, skill, "unlink-by-user-deletion", ""))
                .as(metrics.lines(METRIC))
                .isEqualTo(1);
    }

    @Test
    void failuresCausedByTheRealmAreLoggedWithTheirFix() throws Exception {
        ClientRepresentation skill = AdminApiIT.create(AdminApiIT.alexaClient());
        // As a user imported from a realm file that lists no roles: without the realm's default roles.
        String username = AlexaServer.createUser("events-no-roles");
        var roles = AlexaServer.realm()
                .users()
                .get(AlexaServer.userId(username))
                .roles()
                .realmLevel();
        roles.remove(roles.listAll());
        Phone.Page back = AccountLinking.link(skill.getClientId(), NA, AccountLinking.longState(), "profile", username);

        AlexaService.TokenResponse refused =
                alexaOf(skill).exchangeCode(back.redirectParameters().get("code"), NA);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        AlexaService.TokenResponse wrongSecret = new AlexaService(
                        AlexaServer.realmUrl(), skill.getClientId(), "not-the-secret", HTTP_BASIC)
                .exchangeCode("any-code", NA);
        assertThat(wrongSecret.status()).as(wrongSecret.body()).isEqualTo(401);

        AlexaServer.assertLogContains(
                "Alexa link step link of skill '" + skill.getClientId()
                        + "' in realm 'alexa' failed with not_allowed from region"
                        + " north-america: Offline tokens not allowed for the user or client; fix: give the user the realm role"
                        + " 'offline_access'",
                "Alexa link step link of skill '" + skill.getClientId()
                        + "' in realm 'alexa' failed with invalid_client_credentials",
                "fix: the secret Alexa sent is not the client's: copy Clients > '" + skill.getClientId()
                        + "' > Credentials");
    }

    @Test
    void aRefusedRedirectUriIsLoggedWithItsRuleAndCountedForTheSkill() throws Exception {
        ClientRepresentation skill = AdminApiIT.create(AdminApiIT.alexaClient());
        String forged = "https://pitangui.amazon.com/api/skill/link/M2OTHERVENDOR9";

        HttpResponse<String> page = get(AccountLinking.authorizationUrl(skill.getClientId(), forged, "s", "profile"));

        assertThat(page.statusCode()).isEqualTo(400);
        String reason = "redirect URI '" + forged
                + "' is refused: vendor ID 'M2OTHERVENDOR9' is not one of the configured vendor" + " IDs ["
                + AlexaServer.VENDOR_ID + "]";
        // Keycloak records this refusal before it looks up the client: the listener names the skill from the request.
        AlexaServer.assertLogContains(
                "Alexa rule alexa-redirect-uris refused the authorization request of client '" + skill.getClientId()
                        + "' in realm 'alexa' (invalid_request): " + reason,
                "Alexa link step sign-in of skill '" + skill.getClientId()
                        + "' in realm 'alexa' failed with invalid_request" + " from region north-america: ");
        assertThat(count(PrometheusMetrics.scrape(), skill, "sign-in", "invalid_request"))
                .isEqualTo(1);
    }

    /**
     * Keycloak itself refuses a scope the skill does not have as a client scope (error invalid_request in its event,
     * invalid_scope for Alexa); the alexa-scopes rule refuses one it has but Alexa may not ask for (acr, a default scope).
     */
    @Test
    void refusedScopesAreLoggedWithTheValueAndCountedForTheSkill() throws Exception {
        ClientRepresentation skill = AdminApiIT.create(AdminApiIT.alexaClient());

        HttpResponse<String> byTheRule =
                get(AccountLinking.authorizationUrl(skill.getClientId(), EU, "s", "profile acr"));
        HttpResponse<String> byKeycloak =
                get(AccountLinking.authorizationUrl(skill.getClientId(), EU, "s", "profile email"));

        assertThat(byTheRule.statusCode()).isEqualTo(302);
        assertThat(byKeycloak.statusCode()).isEqualTo(302);
        AlexaServer.assertLogContains(
                "Alexa rule alexa-scopes refused the authorization request of client '" + skill.getClientId()
                        + "' in realm 'alexa' (invalid_scope): scope acr is not allowed for this Alexa skill (allowed: openid profile)",
                "Alexa link step sign-in of skill '" + skill.getClientId()
                        + "' in realm 'alexa' failed with invalid_request from region europe: Invalid scopes: profile email");
        List<EventRepresentation> events = AlexaServer.realm()
                .getEvents(List.of("LOGIN_ERROR"), skill.getClientId(), null, null, null, null, 0, 100);
        assertThat(events)
                .extracting(EventRepresentation::getError)
                .containsExactlyInAnyOrder("invalid_scope", "invalid_request");
        PrometheusMetrics metrics = PrometheusMetrics.scrape();
        assertThat(count(metrics, skill, "sign-in", "invalid_scope"))
                .as(metrics.lines(METRIC))
                .isEqualTo(1);
        assertThat(count(metrics, skill, "sign-in", "invalid_request")).isEqualTo(1);
    }

    @Test
    void aRefusedClientChangeIsLoggedWithItsRuleAndTheValue() {
        ClientRepresentation skill = AdminApiIT.create(AdminApiIT.alexaClient());
        skill.setRedirectUris(List.of(NA, "https://pitangui.amazon.com/*"));

        assertThatThrownBy(
                        () -> AlexaServer.realm().clients().get(skill.getId()).update(skill))
                .isInstanceOf(BadRequestException.class);

        AlexaServer.assertLogContains(
                "Alexa rule alexa-redirect-uris refused an update of client '" + skill.getClientId()
                        + "' in realm 'alexa' (invalid_redirect_uri): redirect URI 'https://pitangui.amazon.com/*' is refused: it contains a wildcard");
    }

    private static AlexaService alexaOf(ClientRepresentation skill) {
        return new AlexaService(AlexaServer.realmUrl(), skill.getClientId(), skill.getSecret(), HTTP_BASIC);
    }

    private static AlexaService.TokenResponse link(
            ClientRepresentation skill, String redirectUri, String username, AlexaService alexa) throws Exception {
        Phone.Page back =
                AccountLinking.link(skill.getClientId(), redirectUri, AccountLinking.longState(), "profile", username);
        AlexaService.TokenResponse tokens =
                alexa.exchangeCode(back.redirectParameters().get("code"), redirectUri);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return tokens;
    }

    private static EventRepresentation only(List<EventRepresentation> events, String type) {
        List<EventRepresentation> ofType =
                events.stream().filter(e -> type.equals(e.getType())).toList();
        assertThat(ofType).as("stored " + type + " events").hasSize(1);
        return ofType.get(0);
    }

    private static AdminEventRepresentation onlyAdminEvent(String operation, String resourcePath) {
        List<AdminEventRepresentation> events = AlexaServer.realm()
                .getAdminEvents(List.of(operation), null, null, null, null, resourcePath, null, null, 0, 100);
        assertThat(events)
                .as("stored admin events " + operation + " " + resourcePath)
                .hasSize(1);
        return events.get(0);
    }

    /** The details the listener gives the event object it is handed, after the event store has written it. */
    private static Map<String, String> alexaContext(EventRepresentation event) {
        Map<String, String> context = new TreeMap<>();
        if (event.getDetails() != null) {
            event.getDetails().forEach((key, value) -> {
                if (key.startsWith("alexa_")) {
                    context.put(key, value);
                }
            });
        }
        return context;
    }

    private static double count(PrometheusMetrics metrics, ClientRepresentation skill, String action, String error) {
        return metrics.value(
                METRIC,
                Map.of("realm", AlexaServer.REALM, "skill", skill.getClientId(), "action", action, "error", error));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return Http.client()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("User-Agent", Phone.USER_AGENT)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
