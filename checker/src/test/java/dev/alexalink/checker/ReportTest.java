package dev.alexalink.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    private final Report report = new Report(
            "https://auth.example.com/realms/alexa",
            List.of(
                    Check.pass("HTTPS on port 443", "https, port 443"),
                    Check.fail("certificate chain", "the server sent 1 certificate", "serve fullchain.pem"),
                    Check.warn("token endpoint latency", "slowest 2100 ms", "leave room"),
                    Check.skip("account link", "needs --username")));

    @Test
    void anyFailureMakesTheExitCodeOne() {
        assertThat(report.exitCode()).isEqualTo(Report.FAILED);
        assertThat(new Report("x", List.of(Check.pass("a", "ok"), Check.warn("b", "slow", "f"), Check.skip("c", "why")))
                        .exitCode())
                .isEqualTo(Report.OK);
    }

    @Test
    void theTextShowsEachOutcomeDetailAndFix() {
        String text = report.text();
        assertThat(text).startsWith("Alexa account-linking self-check of https://auth.example.com/realms/alexa\n");
        assertThat(text).containsPattern("PASS  HTTPS on port 443 +https, port 443\n");
        assertThat(text)
                .containsPattern(
                        "FAIL  certificate chain +the server sent 1 certificate\n      fix: serve fullchain.pem\n");
        assertThat(text).containsPattern("WARN  token endpoint latency +slowest 2100 ms\n      fix: leave room\n");
        assertThat(text).containsPattern("SKIP  account link +needs --username\n");
        assertThat(text)
                .contains(
                        "Result: linking will fail; fix the FAIL lines above. 1 passed, 1 warnings, 1 failed, 1 skipped.");
    }

    @Test
    void theJsonCarriesTheSameChecks() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report.json());
        assertThat(json.get("issuer").asText()).isEqualTo("https://auth.example.com/realms/alexa");
        assertThat(json.get("result").asText()).isEqualTo("FAIL");
        assertThat(json.get("exitCode").asInt()).isEqualTo(1);
        assertThat(json.get("counts").get("SKIP").asInt()).isEqualTo(1);
        assertThat(json.get("checks")).hasSize(4);
        assertThat(json.get("checks").get(1).get("outcome").asText()).isEqualTo("FAIL");
        assertThat(json.get("checks").get(1).get("fix").asText()).isEqualTo("serve fullchain.pem");
        assertThat(json.get("checks").get(0).has("fix")).isFalse();
    }
}
