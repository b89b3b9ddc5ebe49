package dev.alexalink.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkRevocationRuleTest {

    @Test
    void anAccessTokenEndsTheLinkOtherTokensAreKeycloaks() {
        assertThat(LinkRevocationRule.endsLinkOnRevocation("Bearer")).isTrue();
        assertThat(LinkRevocationRule.endsLinkOnRevocation("DPoP")).isTrue();
        assertThat(LinkRevocationRule.endsLinkOnRevocation("Offline")).isFalse();
        assertThat(LinkRevocationRule.endsLinkOnRevocation("Refresh")).isFalse();
        assertThat(LinkRevocationRule.endsLinkOnRevocation(null)).isFalse();
    }
}
