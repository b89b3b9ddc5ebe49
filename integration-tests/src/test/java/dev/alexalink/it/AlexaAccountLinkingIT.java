package dev.alexalink.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.testkit.client.AccountLinking;
import dev.alexalink.testkit.client.AlexaService;
import dev.alexalink.testkit.client.Phone;
import dev.alexalink.testkit.server.AlexaServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;

import static dev.alexalink.testkit.client.AlexaService.ClientAuthentication.HTTP_BASIC;
import static dev.alexalink.testkit.client.AlexaService.ClientAuthentication.REQUEST_BODY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole link, played exactly as the phone user and the Alexa service play it, once per Alexa region, against the
 * realm imported from realm-config by the real server.
 */
@ExtendWith(AlexaServer.class)
class AlexaAccountLinkingIT {

    static Stream<Arguments> regions() {
        return Stream.of(
                Arguments.of(AlexaRegion.NORTH_AMERICA, HTTP_BASIC),
                Arguments.of(AlexaRegion.EUROPE, REQUEST_BODY),
                Arguments.of(AlexaRegion.FAR_EAST, HTTP_BASIC));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("regions")
    void linksAndKeepsTheLinkAlive(AlexaRegion region, AlexaService.ClientAuthentication authentication)
            throws Exception {
        String redirectUri = region.redirectUri(AlexaServer.VENDOR_ID);
        String state = AccountLinking.longState();
        assertThat(state.length()).isGreaterThan(500);
        String username = AlexaServer.createUser(region.id());

        // The Alexa app's web view: authorization request, login page, consent page.
        Phone phone = new Phone(AlexaServer.server().baseUrl());
        Phone.Page login =
                phone.open(AccountLinking.authorizationUrl(AlexaServer.CLIENT_ID, redirectUri, state, "profile"));
        Phone.Page consent = AccountLinking.signIn(phone, login, username);
        assertThat(consent.document().select(AccountLinking.CONSENT_FORM))
                .as("consent page after login: " + AccountLinking.describe(consent))
                .isNotEmpty();
        Phone.Page back = AccountLinking.answerConsent(phone, consent, true);

        // A 302 to the Amazon URL with a code and the state, unchanged.
        assertThat(back.status()).isEqualTo(302);
        URI amazon = back.redirectedTo();
        assertThat(amazon.getScheme() + "://" + amazon.getAuthority() + amazon.getPath())
                .isEqualTo(redirectUri);
        Map<String, String> parameters = back.redirectParameters();
        assertThat(parameters.get("state")).isEqualTo(state);
        assertThat(parameters.get("code")).isNotBlank();
        assertThat(parameters).doesNotContainKey("error");

        // Amazon's servers exchange the code, sending redirect_uri, with the client authentication of the console.
        AlexaService alexa = new AlexaService(
                AlexaServer.realmUrl(), AlexaServer.CLIENT_ID, AlexaServer.CLIENT_SECRET, authentication);
        AlexaService.TokenResponse tokens = alexa.exchangeCode(parameters.get("code"), redirectUri);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertAlexaTokenResponse(tokens);

        // Refreshes keep working: plainly, after the user's SSO sessions end, and after a duplicated refresh.
        AlexaService.TokenResponse refreshed = alexa.refresh(tokens.field("refresh_token"));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertAlexaTokenResponse(refreshed);

        // The user's SSO session ends (Keycloak itself ends the web view's session once the offline token is issued;
        // any other is ended here, as a logout or an expiry would): the link must not depend on it.
        AlexaServer.endSsoSessions(username);
        assertThat(AlexaServer.realm().users().get(AlexaServer.userId(username)).getUserSessions())
                .as("SSO sessions")
                .isEmpty();
        AlexaService.TokenResponse afterLogout = alexa.refresh(refreshed.field("refresh_token"));
        assertThat(afterLogout.status())
                .as("refresh after the user's SSO sessions ended: " + afterLogout.body())
                .isEqualTo(200);
        assertAlexaTokenResponse(afterLogout);

        // Alexa lost the answer and retries with the same refresh token: both work, and so does the newest one.
        String retried = afterLogout.field("refresh_token");
        AlexaService.TokenResponse first = alexa.refresh(retried);
        AlexaService.TokenResponse duplicate = alexa.refresh(retried);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(duplicate.status())
                .as("duplicated refresh: " + duplicate.body())
                .isEqualTo(200);
        AlexaService.TokenResponse later = alexa.refresh(duplicate.field("refresh_token"));
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertAlexaTokenResponse(later);
    }

    static void assertAlexaTokenResponse(AlexaService.TokenResponse response) throws Exception {
        assertThat(response.field("access_token")).isNotBlank();
        assertThat(response.field("token_type")).isEqualToIgnoringCase("Bearer");
        assertThat(response.json().has("expires_in"))
                .as("expires_in present: " + response.body())
                .isTrue();
        assertThat(response.json().get("expires_in").asInt()).isGreaterThanOrEqualTo(360);
        assertThat(response.field("refresh_token")).isNotBlank();
        JsonNode refreshClaims = AlexaService.claims(response.field("refresh_token"));
        assertThat(refreshClaims.get("typ").asText()).as("refresh token type").isEqualTo("Offline");
        JsonNode accessClaims = AlexaService.claims(response.field("access_token"));
        assertThat(accessClaims.get("scope").asText().split(" "))
                .contains("profile", "offline_access")
                .doesNotContain("email");
    }
}
