package dev.alexalink.checker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetTest {

    private static Target issuerOnly(String issuer) {
        return Target.of(issuer, null, null, null, null, null, null, null, List.of(), 15);
    }

    @Test
    void anIssuerIsNormalizedWithoutItsTrailingSlash() {
        Target target = issuerOnly("https://auth.example.com/realms/alexa/");
        assertThat(target.issuer()).hasToString("https://auth.example.com/realms/alexa");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.https()).isTrue();
        assertThat(issuerOnly("http://localhost:8080/realms/alexa").port()).isEqualTo(8080);
        assertThat(issuerOnly("HTTP://localhost/realms/alexa").port()).isEqualTo(80);
    }

    @Test
    void badIssuersAreRefusedWithTheRule() {
        assertThatThrownBy(() -> issuerOnly(null)).hasMessageContaining("ISSUER is missing");
        assertThatThrownBy(() -> issuerOnly("ftp://auth.example.com"))
                .hasMessageContaining("ISSUER 'ftp://auth.example.com' must be an http or https URL");
        assertThatThrownBy(() -> issuerOnly("auth.example.com/realms/alexa"))
                .hasMessageContaining("must be an http or https URL");
        assertThatThrownBy(() -> issuerOnly("https:///realms/alexa")).hasMessageContaining("has no host name");
        assertThatThrownBy(() -> issuerOnly("https://auth.example.com/realms/alexa?x=1"))
                .hasMessageContaining("must not carry a user, a query or a fragment");
        assertThatThrownBy(() -> issuerOnly("https://a b"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a URL");
    }

    @Test
    void clientCredentialsComeInPairs() {
        assertThatThrownBy(() -> Target.of(
                        "https://a.example/realms/r", null, "secret", null, null, null, null, null, List.of(), 15))
                .hasMessageContaining("--client-secret")
                .hasMessageContaining("without --client-id");
        assertThatThrownBy(() -> Target.of(
                        "https://a.example/realms/r", "alexa-skill", null, null, null, null, null, null, List.of(), 15))
                .hasMessageContaining("--client-id 'alexa-skill' is given without --client-secret");
    }

    @Test
    void aTestUserNeedsItsPasswordTheClientAndTheVendorId() {
        assertThatThrownBy(() -> Target.of(
                        "https://a.example/realms/r", "c", "s", "alice", null, "M2AAA", null, null, List.of(), 15))
                .hasMessageContaining("--username 'alice' is given without --password");
        assertThatThrownBy(() -> Target.of(
                        "https://a.example/realms/r", null, null, "alice", "pw", "M2AAA", null, null, List.of(), 15))
                .hasMessageContaining("--username 'alice' needs --client-id, --client-secret and --vendor-id");
        assertThatThrownBy(() -> Target.of(
                        "https://a.example/realms/r", "c", "s", "alice", "pw", null, null, null, List.of(), 15))
                .hasMessageContaining("needs --client-id, --client-secret and --vendor-id");
        assertThatThrownBy(() ->
                        Target.of("https://a.example/realms/r", "c", "s", null, "pw", null, null, null, List.of(), 15))
                .hasMessageContaining("--password is given without --username");
        Target full = Target.of(
                "https://a.example/realms/r",
                "c",
                "s",
                "alice",
                "pw",
                "M2AAA",
                "profile email",
                Target.ClientAuth.BODY,
                List.of(),
                15);
        assertThat(full.hasUser()).isTrue();
        assertThat(full.clientAuth()).isEqualTo(Target.ClientAuth.BODY);
        assertThat(full.toString()).doesNotContain("pw").doesNotContain("=s");
    }

    @Test
    void vendorIdScopeAndTimeoutFollowTheirRules() {
        assertThatThrownBy(() -> Target.of(
                        "https://a.example/realms/r", null, null, null, null, "M2-AAA", null, null, List.of(), 15))
                .hasMessageContaining("--vendor-id 'M2-AAA' must be 1 to 64 letters and digits");
        assertThatThrownBy(() -> Target.of(
                        "https://a.example/realms/r",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "profile  email",
                        null,
                        List.of(),
                        15))
                .hasMessageContaining("--scope 'profile  email' must be scope names separated by single spaces");
        assertThatThrownBy(() ->
                        Target.of("https://a.example/realms/r", null, null, null, null, null, null, null, List.of(), 0))
                .hasMessageContaining("--timeout 0 must be between 1 and 120 seconds");
        assertThat(Target.of("https://a.example/realms/r", null, null, null, null, null, null, null, List.of(), 15)
                        .clientAuth())
                .isEqualTo(Target.ClientAuth.BASIC);
    }
}
