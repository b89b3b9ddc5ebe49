package dev.alexalink.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkEventsTest {

    private static final String SKILL = "alexa-skill";
    private static final String OTHER_SKILL = "other-skill";
    private static final String NA = AlexaRegion.NORTH_AMERICA.redirectUri("M2AAAAAAAAAAAA");
    private static final String EU = AlexaRegion.EUROPE.redirectUri("M2AAAAAAAAAAAA");

    private static final Supplier<LinkEvents.Request> NO_REQUEST = () -> LinkEvents.Request.NONE;

    private final Map<String, List<String>> deletedUsers = new HashMap<>();
    private final LinkEvents events =
            new LinkEvents(Set.of(SKILL, OTHER_SKILL)::contains, user -> deletedUsers.getOrDefault(user, List.of()));

    private static LinkEvents.UserEvent user(String type, String clientId, Map<String, String> details, String error) {
        return new LinkEvents.UserEvent(type, clientId, "user-1", details, error);
    }

    @Test
    void signInIsTheLoginOfAnAlexaClientWithTheRegionOfItsRedirectUri() {
        List<LinkEvent> found = events.of(
                user("LOGIN", SKILL, Map.of("redirect_uri", NA, "consent", "CONSENT_GRANTED"), null), NO_REQUEST);

        assertThat(found).containsExactly(new LinkEvent(LinkAction.SIGN_IN, SKILL, AlexaRegion.NORTH_AMERICA, null));
        assertThat(found.get(0).failed()).isFalse();
    }

    @Test
    void linkIsTheCodeExchangeWithTheRegionOfTheRequestsRedirectUri() {
        List<LinkEvent> found = events.of(
                user("CODE_TO_TOKEN", SKILL, Map.of("code_id", "c"), null), () -> new LinkEvents.Request(SKILL, EU));

        assertThat(found).containsExactly(new LinkEvent(LinkAction.LINK, SKILL, AlexaRegion.EUROPE, null));
    }

    @Test
    void theEventsRedirectUriComesBeforeTheRequests() {
        List<LinkEvent> found = events.of(
                user("LOGIN", SKILL, Map.of("redirect_uri", NA), null), () -> new LinkEvents.Request(SKILL, EU));

        assertThat(found.get(0).region()).isEqualTo(AlexaRegion.NORTH_AMERICA);
    }

    @Test
    void refreshHasNoRegion() {
        List<LinkEvent> found =
                events.of(user("REFRESH_TOKEN", SKILL, Map.of(), null), () -> new LinkEvents.Request(null, NA));

        assertThat(found).containsExactly(new LinkEvent(LinkAction.REFRESH, SKILL, null, null));
    }

    @Test
    void failuresCarryKeycloaksErrorCode() {
        assertThat(events.of(
                        user(
                                "REFRESH_TOKEN_ERROR",
                                SKILL,
                                Map.of("reason", "Offline session not active"),
                                "invalid_token"),
                        NO_REQUEST))
                .containsExactly(new LinkEvent(LinkAction.REFRESH, SKILL, null, "invalid_token"));
        assertThat(events.of(user("CODE_TO_TOKEN_ERROR", SKILL, null, "invalid_code"), NO_REQUEST))
                .containsExactly(new LinkEvent(LinkAction.LINK, SKILL, null, "invalid_code"));
        assertThat(events.of(user("LOGIN_ERROR", SKILL, Map.of("redirect_uri", NA), "rejected_by_user"), NO_REQUEST))
                .containsExactly(
                        new LinkEvent(LinkAction.SIGN_IN, SKILL, AlexaRegion.NORTH_AMERICA, "rejected_by_user"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void aFailureWithoutAnErrorCodeIsUnknown(String error) {
        assertThat(events.of(user("REFRESH_TOKEN_ERROR", SKILL, Map.of(), error), NO_REQUEST)
                        .get(0)
                        .error())
                .isEqualTo(LinkEvents.UNKNOWN_ERROR);
        assertThat(events.of(user("REFRESH_TOKEN_ERROR", SKILL, Map.of(), null), NO_REQUEST)
                        .get(0)
                        .error())
                .isEqualTo(LinkEvents.UNKNOWN_ERROR);
    }

    /** A refused authorization request is recorded before Keycloak looks up its client: the request names the skill. */
    @Test
    void aSignInRefusedBeforeTheClientIsKnownIsAttributedToTheRequestedClient() {
        List<LinkEvent> found = events.of(
                user("LOGIN_ERROR", null, Map.of("reason", "client_policy_error"), "invalid_request"),
                () -> new LinkEvents.Request(SKILL, "https://pitangui.amazon.com/api/skill/link/WRONGVENDOR"));

        assertThat(found)
                .containsExactly(
                        new LinkEvent(LinkAction.SIGN_IN, SKILL, AlexaRegion.NORTH_AMERICA, "invalid_request"));
    }

    @Test
    void theRequestsClientNeverReplacesTheEventsClient() {
        assertThat(events.of(user("LOGIN", "account-console", Map.of(), null), () -> new LinkEvents.Request(SKILL, NA)))
                .isEmpty();
        assertThat(events.of(user("CODE_TO_TOKEN", null, Map.of(), null), () -> new LinkEvents.Request(SKILL, NA)))
                .isEmpty();
    }

    /** Reading the request costs a lookup, and there is none outside HTTP requests: only sign-ins and code exchanges ask. */
    @ParameterizedTest
    @ValueSource(strings = {"REFRESH_TOKEN", "REFRESH_TOKEN_ERROR", "REVOKE_GRANT", "DELETE_ACCOUNT", "LOGOUT"})
    void otherEventsDoNotReadTheRequest(String type) {
        Supplier<LinkEvents.Request> noReading = () -> {
            throw new AssertionError("the request was read for " + type);
        };

        events.of(user(type, SKILL, Map.of("revoked_client", SKILL), "e"), noReading);
    }

    @Test
    void revokingTheSkillsGrantInTheAccountConsoleIsAnUnlinkByTheUser() {
        List<LinkEvent> found =
                events.of(user("REVOKE_GRANT", "account-console", Map.of("revoked_client", SKILL), null), NO_REQUEST);

        assertThat(found).containsExactly(new LinkEvent(LinkAction.UNLINK_BY_USER, SKILL, null, null));
    }

    @Test
    void aSkillRevokingItsOwnRefreshTokenIsAnUnlinkByTheSkill() {
        assertThat(events.of(
                        user(
                                "REVOKE_GRANT",
                                SKILL,
                                Map.of("revoked_client", SKILL, "refresh_token_type", "Offline"),
                                null),
                        NO_REQUEST))
                .containsExactly(new LinkEvent(LinkAction.UNLINK_BY_SKILL, SKILL, null, null));
        assertThat(events.of(user("REVOKE_GRANT_ERROR", SKILL, Map.of(), "invalid_token"), NO_REQUEST))
                .containsExactly(new LinkEvent(LinkAction.UNLINK_BY_SKILL, SKILL, null, "invalid_token"));
    }

    @Test
    void revokingAnAccessTokenOnlyIsNoUnlink() {
        assertThat(events.of(user("REVOKE_GRANT", SKILL, Map.of("token_id", "t"), null), NO_REQUEST))
                .isEmpty();
    }

    @Test
    void eventsOfOtherClientsAreNoLinkSteps() {
        assertThat(events.of(user("LOGIN", "account-console", Map.of("redirect_uri", NA), null), NO_REQUEST))
                .isEmpty();
        assertThat(events.of(user("CODE_TO_TOKEN", "my-app", Map.of(), null), NO_REQUEST))
                .isEmpty();
        assertThat(events.of(user("REFRESH_TOKEN_ERROR", "my-app", Map.of(), "invalid_token"), NO_REQUEST))
                .isEmpty();
        assertThat(events.of(
                        user("REVOKE_GRANT", "account-console", Map.of("revoked_client", "my-app"), null), NO_REQUEST))
                .isEmpty();
        assertThat(events.of(user("REVOKE_GRANT_ERROR", "account-console", Map.of(), "client_not_found"), NO_REQUEST))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "LOGOUT",
                "UPDATE_PROFILE",
                "CLIENT_LOGIN",
                "INTROSPECT_TOKEN",
                "GRANT_CONSENT",
                "USER_INFO_REQUEST"
            })
    void otherEventTypesOfAnAlexaClientAreNoLinkSteps(String type) {
        assertThat(events.of(user(type, SKILL, Map.of("redirect_uri", NA), null), NO_REQUEST))
                .isEmpty();
        assertThat(events.of(user(type + "_ERROR", SKILL, Map.of(), "e"), NO_REQUEST))
                .isEmpty();
    }

    @Test
    void aUserDeletingTheirAccountEndsEachOfTheirLinks() {
        deletedUsers.put("user-1", List.of(SKILL, OTHER_SKILL, "not-alexa", SKILL));

        List<LinkEvent> found = events.of(user("DELETE_ACCOUNT", "account-console", Map.of(), null), NO_REQUEST);

        assertThat(found)
                .containsExactly(
                        new LinkEvent(LinkAction.UNLINK_BY_USER_DELETION, SKILL, null, null),
                        new LinkEvent(LinkAction.UNLINK_BY_USER_DELETION, OTHER_SKILL, null, null));
        assertThat(events.of(user("DELETE_ACCOUNT_ERROR", "account-console", Map.of(), "e"), NO_REQUEST))
                .isEmpty();
    }

    @Test
    void anAdminRevokingTheConsentOfAnAlexaClientUnlinks() {
        assertThat(events.of(new LinkEvents.AdminEvent("ACTION", "USER", "users/u-1/consents/" + SKILL)))
                .containsExactly(new LinkEvent(LinkAction.UNLINK_BY_ADMIN, SKILL, null, null));
        assertThat(events.of(new LinkEvents.AdminEvent("ACTION", "USER", "users/u-1/consents/my-app")))
                .isEmpty();
    }

    @Test
    void anAdminDeletingALinkedUserEndsEachOfTheirLinks() {
        deletedUsers.put("u-1", List.of(OTHER_SKILL, SKILL));

        assertThat(events.of(new LinkEvents.AdminEvent("DELETE", "USER", "users/u-1")))
                .containsExactly(
                        new LinkEvent(LinkAction.UNLINK_BY_USER_DELETION, OTHER_SKILL, null, null),
                        new LinkEvent(LinkAction.UNLINK_BY_USER_DELETION, SKILL, null, null));
        assertThat(events.of(new LinkEvents.AdminEvent("DELETE", "USER", "users/u-2")))
                .as("a user without links")
                .isEmpty();
    }

    @Test
    void otherAdminEventsAreNoLinkSteps() {
        deletedUsers.put("u-1", List.of(SKILL));

        assertThat(events.of(new LinkEvents.AdminEvent("UPDATE", "USER", "users/u-1")))
                .isEmpty();
        assertThat(events.of(new LinkEvents.AdminEvent("ACTION", "USER", "users/u-1/logout")))
                .isEmpty();
        assertThat(events.of(new LinkEvents.AdminEvent("DELETE", "USER", "users/u-1/consents/" + SKILL)))
                .isEmpty();
        assertThat(events.of(new LinkEvents.AdminEvent("DELETE", "CLIENT", "clients/u-1")))
                .isEmpty();
        assertThat(events.of(new LinkEvents.AdminEvent("ACTION", "USER", null))).isEmpty();
    }

    @Test
    void detailsNameSkillActionAndRegion() {
        assertThat(LinkEvents.details(List.of(new LinkEvent(LinkAction.LINK, SKILL, AlexaRegion.FAR_EAST, null))))
                .containsExactly(
                        Map.entry("alexa_skill", SKILL),
                        Map.entry("alexa_action", "link"),
                        Map.entry("alexa_region", "far-east"));
        assertThat(LinkEvents.details(List.of(new LinkEvent(LinkAction.REFRESH, SKILL, null, "invalid_token"))))
                .containsExactly(Map.entry("alexa_skill", SKILL), Map.entry("alexa_action", "refresh"));
        assertThat(LinkEvents.details(List.of())).isEmpty();
    }

    @Test
    void detailsOfSeveralLinksJoinTheSkillsAsKeycloakJoinsValues() {
        assertThat(LinkEvents.details(List.of(
                        new LinkEvent(LinkAction.UNLINK_BY_USER_DELETION, SKILL, null, null),
                        new LinkEvent(LinkAction.UNLINK_BY_USER_DELETION, OTHER_SKILL, null, null))))
                .containsExactly(
                        Map.entry("alexa_skill", SKILL + "::" + OTHER_SKILL),
                        Map.entry("alexa_action", "unlink-by-user-deletion"));
    }

    @Test
    void aLinkEventNeedsAnActionAndASkill() {
        assertThatThrownBy(() -> new LinkEvent(null, SKILL, null, null)).hasMessage("action");
        assertThatThrownBy(() -> new LinkEvent(LinkAction.LINK, null, null, null))
                .hasMessage("skill");
        assertThatThrownBy(() -> new LinkEvents.UserEvent(null, SKILL, null, null, null))
                .hasMessage("type");
    }

    @Test
    void actionIds() {
        assertThat(List.of(LinkAction.values()).stream().map(LinkAction::id))
                .containsExactly(
                        "sign-in",
                        "link",
                        "refresh",
                        "unlink-by-user",
                        "unlink-by-admin",
                        "unlink-by-skill",
                        "unlink-by-user-deletion");
    }
}
