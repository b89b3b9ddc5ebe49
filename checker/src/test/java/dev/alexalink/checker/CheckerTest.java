package dev.alexalink.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pointer to the server-side diagnostics: realm settings cannot be seen from outside. */
class CheckerTest {

    @Test
    void theDiagnosticsUrlIsDerivedFromTheIssuer() {
        assertThat(Checker.diagnosticsUrl(URI.create("https://auth.example.com/realms/alexa")))
                .isEqualTo("https://auth.example.com/admin/realms/alexa/alexa/diagnostics");
        assertThat(Checker.diagnosticsUrl(URI.create("https://example.com:8443/auth/realms/skills")))
                .isEqualTo("https://example.com:8443/auth/admin/realms/skills/alexa/diagnostics");
        assertThat(Checker.diagnosticsUrl(URI.create("https://example.com/oidc")))
                .isEqualTo("{server}/admin/realms/{realm}/alexa/diagnostics");
    }

    @Test
    void theAdminPageUrlIsDerivedFromTheIssuer() {
        assertThat(Checker.adminPageUrl(URI.create("https://auth.example.com/realms/alexa")))
                .isEqualTo("https://auth.example.com/realms/master/alexa-admin/#/alexa");
        assertThat(Checker.adminPageUrl(URI.create("https://example.com:8443/auth/realms/skills")))
                .isEqualTo("https://example.com:8443/auth/realms/master/alexa-admin/#/skills");
        assertThat(Checker.adminPageUrl(URI.create("https://example.com/oidc")))
                .isEqualTo("{server}/realms/master/alexa-admin/");
    }

    @Test
    void realmSettingsAreASkipPointingToTheDiagnosticsInTextAndJson() throws Exception {
        Check check = Checker.realmSettings(URI.create("https://auth.example.com/realms/alexa"));
        assertThat(check.outcome()).isEqualTo(Outcome.SKIP);
        assertThat(check.detail())
                .isEqualTo("not visible from outside: offline session idle and max, token lifespans and refresh "
                        + "token reuse are checked on the server, by GET "
                        + "https://auth.example.com/admin/realms/alexa/alexa/diagnostics (as an admin with view-realm "
                        + "and view-clients) and on the Alexa admin page "
                        + "https://auth.example.com/realms/master/alexa-admin/#/alexa");
        Report report = new Report(
                "https://auth.example.com/realms/alexa", List.of(Check.pass("HTTPS on port 443", "ok"), check));
        assertThat(report.exitCode()).isEqualTo(Report.OK);
        assertThat(report.text()).contains("SKIP  realm settings", "/alexa/diagnostics");
        JsonNode json = new ObjectMapper().readTree(report.json());
        assertThat(json.path("checks").get(1).path("name").asText()).isEqualTo("realm settings");
        assertThat(json.path("checks").get(1).path("outcome").asText()).isEqualTo("SKIP");
    }

    @Test
    void aFailedRunGetsNoPointerButItsFailures() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Target target = Target.of(
                "http://127.0.0.1:" + port + "/realms/alexa",
                "alexa-skill",
                "secret",
                null,
                null,
                null,
                null,
                null,
                List.of(),
                5);
        Report report = Checker.run(target, TrustStore.jdkPlus(List.of()), java.time.Instant.now());
        assertThat(report.checks()).extracting(Check::name).doesNotContain(Checker.REALM_SETTINGS);
        Check discovery = report.checks().stream()
                .filter(c -> c.name().equals(EndpointChecks.DISCOVERY))
                .findFirst()
                .orElseThrow();
        assertThat(discovery.detail())
                .startsWith("GET http://127.0.0.1:" + port + "/realms/alexa/.well-known/openid-configuration: "
                        + "cannot connect to 127.0.0.1:" + port + ": connection refused");
    }
}
