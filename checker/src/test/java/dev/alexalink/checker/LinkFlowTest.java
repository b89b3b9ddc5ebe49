package dev.alexalink.checker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.webview.Forms;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LinkFlowTest {

    private static TokenClient.Answer tokens(String json) throws Exception {
        return new TokenClient.Answer(
                "code exchange", 200, "application/json", null, json, new ObjectMapper().readTree(json), 30, null);
    }

    @Test
    void expiresInMustBeAtLeastSixMinutes() throws Exception {
        assertThat(LinkFlow.expiresIn("e", tokens("{\"expires_in\":360}")).outcome())
                .isEqualTo(Outcome.PASS);
        Check shortLived = LinkFlow.expiresIn("e", tokens("{\"expires_in\":300}"));
        assertThat(shortLived.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(shortLived.detail()).contains("expires_in 300 s", "at least 360 s");
        assertThat(LinkFlow.expiresIn("e", tokens("{}")).detail()).contains("no expires_in");
        assertThat(LinkFlow.expiresIn("e", tokens("{\"expires_in\":\"soon\"}")).outcome())
                .isEqualTo(Outcome.FAIL);
    }

    @Test
    void theAuthorizationUrlIsWhatTheAlexaAppOpens() {
        Target target = Target.of(
                "https://auth.example.com/realms/alexa",
                "alexa-skill",
                "s",
                "u",
                "p",
                "M2AAA",
                "profile email",
                null,
                List.of(),
                15);
        String state = LinkFlow.longState();
        assertThat(state.length()).isGreaterThan(500);
        URI url = LinkFlow.authorizationUrl(
                URI.create("https://auth.example.com/realms/alexa/protocol/openid-connect/auth"),
                target,
                URI.create(AlexaRegion.EUROPE.redirectUri("M2AAA")),
                state);
        assertThat(url.toString())
                .startsWith(
                        "https://auth.example.com/realms/alexa/protocol/openid-connect/auth?response_type=code"
                                + "&client_id=alexa-skill&redirect_uri=https%3A%2F%2Flayla.amazon.com%2Fapi%2Fskill%2Flink%2FM2AAA&state=")
                .endsWith("&scope=profile%20email");
        assertThat(Forms.query(url).get("state")).isEqualTo(state);
    }

    @Test
    void theRegionsAreAlexasThreeRedirectUrls() {
        assertThat(List.of(AlexaRegion.values()))
                .extracting(r -> r.redirectUri("V1"))
                .containsExactly(
                        "https://pitangui.amazon.com/api/skill/link/V1",
                        "https://layla.amazon.com/api/skill/link/V1",
                        "https://alexa.amazon.co.jp/api/skill/link/V1");
    }

    @Test
    void plainHttpAndOtherPortsFailTheHttpsCheck() {
        Check http = TransportChecks.httpsOn443(Target.of(
                "http://localhost:8080/realms/alexa", null, null, null, null, null, null, null, List.of(), 15));
        assertThat(http.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(http.fix()).contains("--https-port=443");
        Check port = TransportChecks.httpsOn443(Target.of(
                "https://auth.example.com:8443/realms/alexa", null, null, null, null, null, null, null, List.of(), 15));
        assertThat(port.detail()).contains("port 8443");
        assertThat(TransportChecks.httpsOn443(Target.of(
                                "https://auth.example.com/realms/alexa",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(),
                                15))
                        .outcome())
                .isEqualTo(Outcome.PASS);
    }
}
