package dev.alexalink.testkit.client;

import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.webview.Forms;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps of a link as the phone user goes through them, shared by the end-to-end and negative tests. */
public final class AccountLinking {

    public static final String LOGIN_FORM = "form#kc-form-login";
    public static final String CONSENT_FORM = "form:has([name=accept])";

    private AccountLinking() {}

    /** The authorization URL the Alexa app opens: scope space-separated and sent as %20. */
    public static String authorizationUrl(String clientId, String redirectUri, String state, String scope) {
        return authorizationUrl(AlexaServer.realmUrl(), clientId, redirectUri, state, scope);
    }

    public static String authorizationUrl(
            String realmUrl, String clientId, String redirectUri, String state, String scope) {
        StringBuilder url = new StringBuilder(realmUrl)
                .append("/protocol/openid-connect/auth?response_type=code")
                .append("&client_id=")
                .append(encode(clientId))
                .append("&state=")
                .append(encode(state));
        if (redirectUri != null) {
            url.append("&redirect_uri=").append(encode(redirectUri));
        }
        if (scope != null) {
            url.append("&scope=").append(encode(scope));
        }
        return url.toString();
    }

    public static Phone.Page signIn(Phone phone, Phone.Page loginPage, String username)
            throws IOException, InterruptedException {
        assertThat(loginPage.status()).as("login page").isEqualTo(200);
        assertThat(loginPage.document().select(LOGIN_FORM))
                .as("login form on " + loginPage.uri())
                .isNotEmpty();
        return phone.submit(
                loginPage, LOGIN_FORM, Map.of("username", username, "password", AlexaServer.USER_PASSWORD), null);
    }

    public static Phone.Page answerConsent(Phone phone, Phone.Page consentPage, boolean allow)
            throws IOException, InterruptedException {
        assertThat(consentPage.document().select(CONSENT_FORM))
                .as("consent form expected, got " + describe(consentPage))
                .isNotEmpty();
        return phone.submit(consentPage, CONSENT_FORM, Map.of(), allow ? "accept" : "cancel");
    }

    /** What a page is, for assertion messages: status, address, title and any error shown. */
    public static String describe(Phone.Page page) {
        return page.describe();
    }

    /** Runs authorize, sign-in and consent; returns where the web view was sent (Amazon's redirect URL). */
    public static Phone.Page link(String clientId, String redirectUri, String state, String scope, String username)
            throws IOException, InterruptedException {
        return link(AlexaServer.realmUrl(), clientId, redirectUri, state, scope, username);
    }

    /** The same, in another realm of the test server. */
    public static Phone.Page link(
            String realmUrl, String clientId, String redirectUri, String state, String scope, String username)
            throws IOException, InterruptedException {
        Phone phone = new Phone(realmUrl);
        Phone.Page login = phone.open(authorizationUrl(realmUrl, clientId, redirectUri, state, scope));
        Phone.Page consent = signIn(phone, login, username);
        Phone.Page result = answerConsent(phone, consent, true);
        assertThat(result.leftServer()).as("redirected to Amazon after consent").isTrue();
        return result;
    }

    /** An opaque state as Alexa sends it: a JWT-like string several hundred characters long. */
    public static String longState() {
        return "eyJhbGciOiJIUzI1NiJ9." + "eyJza2lsbElkIjoiYW16bjEuYXNrLnNraWxsLjEyMzQ1Njc4In0".repeat(12)
                + ".Zm9vYmFyX-c2lnbmF0dXJl";
    }

    public static String encode(String value) {
        return Forms.encode(value);
    }
}
