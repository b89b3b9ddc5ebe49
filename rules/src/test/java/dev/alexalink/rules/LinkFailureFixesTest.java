package dev.alexalink.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkFailureFixesTest {

    private static LinkEvent failed(LinkAction action, String error) {
        return new LinkEvent(action, "shop-alexa", null, error);
    }

    @Test
    void aUserWithoutTheOfflineAccessRoleIsToldWhereToGrantIt() {
        assertThat(LinkFailureFixes.fixFor(
                        failed(LinkAction.LINK, "not_allowed"), "Offline tokens not allowed for the user or client"))
                .hasValueSatisfying(
                        fix -> assertThat(fix).contains("realm role 'offline_access'", "default roles", "realm file"));
    }

    @Test
    void aWrongSecretPointsToTheClientsCredentialsAndTheAlexaConsole() {
        assertThat(LinkFailureFixes.fixFor(failed(LinkAction.LINK, "invalid_client_credentials"), null))
                .hasValueSatisfying(
                        fix -> assertThat(fix).contains("Clients > 'shop-alexa' > Credentials", "Your Secret"));
    }

    @Test
    void anExpiredOfflineSessionPointsToTheRealmsOfflineSessionSettings() {
        assertThat(LinkFailureFixes.fixFor(failed(LinkAction.REFRESH, "invalid_token"), "Offline session not active"))
                .hasValueSatisfying(fix ->
                        assertThat(fix).contains("Offline Session Idle to 730 days", "Offline Session Max Limited"));
    }

    @Test
    void failuresThatAreNoConfigurationProblemGetNoFix() {
        // A link the user or an admin ended: the session is gone, which is how Alexa learns it is unlinked.
        assertThat(LinkFailureFixes.fixFor(
                        failed(LinkAction.REFRESH, "invalid_token"), "Offline user session not found"))
                .isEmpty();
        assertThat(LinkFailureFixes.fixFor(failed(LinkAction.SIGN_IN, "invalid_user_credentials"), null))
                .isEmpty();
        assertThat(LinkFailureFixes.fixFor(failed(LinkAction.LINK, "not_allowed"), "something else"))
                .isEmpty();
        assertThat(LinkFailureFixes.fixFor(failed(LinkAction.LINK, "not_allowed"), null))
                .isEmpty();
    }

    @Test
    void aSuccessfulStepNeedsNoFix() {
        assertThat(LinkFailureFixes.fixFor(new LinkEvent(LinkAction.LINK, "shop-alexa", null, null), null))
                .isEmpty();
    }
}
