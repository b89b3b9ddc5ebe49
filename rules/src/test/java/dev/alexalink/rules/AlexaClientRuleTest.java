package dev.alexalink.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlexaClientRuleTest {

    private static final List<String> NON_ALEXA_URIS =
            List.of("https://app.example.com/callback", "https://evil.example/pitangui.amazon.com");

    @Test
    void markerAttributeName() {
        assertThat(AlexaClientRule.MARKER_ATTRIBUTE).isEqualTo("alexa.skill");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", "tRuE"})
    void markerMakesAnAlexaClientWhateverTheCase(String value) {
        assertThat(AlexaClientRule.isAlexaClient(List.of(), Map.of("alexa.skill", value)))
                .isTrue();
        assertThat(AlexaClientRule.isAlexaClient(null, Map.of("alexa.skill", value)))
                .isTrue();
        assertThat(AlexaClientRule.isAlexaClient(NON_ALEXA_URIS, Map.of("alexa.skill", value)))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "", "yes", "1", " true", "on"})
    void otherMarkerValuesDoNotMakeAnAlexaClient(String value) {
        assertThat(AlexaClientRule.isAlexaClient(NON_ALEXA_URIS, Map.of("alexa.skill", value)))
                .isFalse();
    }

    @Test
    void fromTheMarkerValueAloneTheRuleDecidesAsFromTheAttributes() {
        assertThat(AlexaClientRule.isAlexaClientWithMarker("True", () -> NON_ALEXA_URIS))
                .isTrue();
        assertThat(AlexaClientRule.isAlexaClientWithMarker(null, () -> NON_ALEXA_URIS))
                .isFalse();
        assertThat(AlexaClientRule.isAlexaClientWithMarker("yes", () -> NON_ALEXA_URIS))
                .isFalse();
        assertThat(AlexaClientRule.isAlexaClientWithMarker(
                        null,
                        () -> List.of(
                                "https://app.example.com/cb",
                                "https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA")))
                .isTrue();
        assertThat(AlexaClientRule.isAlexaClientWithMarker(null, () -> null)).isFalse();
    }

    @Test
    void aMarkedClientsRedirectUrisAreNotRead() {
        assertThat(AlexaClientRule.isAlexaClientWithMarker("true", () -> {
                    throw new AssertionError("redirect URIs read for a marked client");
                }))
                .isTrue();
    }

    @Test
    void otherAttributesDoNotMakeAnAlexaClient() {
        assertThat(AlexaClientRule.isAlexaClient(NON_ALEXA_URIS, Map.of("Alexa.Skill", "true", "alexa", "true")))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA",
                "https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA",
                "https://alexa.amazon.co.jp/api/skill/link/M2AAAAAAAAAAAA",
                "https://pitangui.amazon.com/*",
                "HTTPS://PITANGUI.AMAZON.COM/api/skill/link/M2AAAAAAAAAAAA",
                "http://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA",
                "https://pitangui.amazon.com:443/api/skill/link/M2AAAAAAAAAAAA",
                "https://x@pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA",
                "https://pitangui.amazon.com./api/skill/link/M2AAAAAAAAAAAA",
                "https://evil.pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA",
            })
    void anyAlexaHostRedirectUriMakesAnAlexaClient(String uri) {
        List<String> uris = List.of("https://app.example.com/callback", uri);
        assertThat(AlexaClientRule.isAlexaClient(uris, Map.of())).isTrue();
        assertThat(AlexaClientRule.isAlexaClient(uris, null)).isTrue();
    }

    @Test
    void nonAlexaClients() {
        assertThat(AlexaClientRule.isAlexaClient(NON_ALEXA_URIS, Map.of())).isFalse();
        assertThat(AlexaClientRule.isAlexaClient(List.of("https://pitangui.amazon.com@evil.example/cb"), Map.of()))
                .isFalse();
        assertThat(AlexaClientRule.isAlexaClient(List.of("https://www.amazon.com/cb"), Map.of("other", "true")))
                .isFalse();
        assertThat(AlexaClientRule.isAlexaClient(List.of(), Map.of())).isFalse();
        assertThat(AlexaClientRule.isAlexaClient(null, null)).isFalse();
    }

    @Test
    void nullEntriesAreTolerated() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("alexa.skill", null);

        assertThat(AlexaClientRule.isAlexaClient(Arrays.asList(null, "https://app.example.com/cb"), attributes))
                .isFalse();
        assertThat(AlexaClientRule.isAlexaClient(
                        Arrays.asList(null, "https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA"), attributes))
                .isTrue();
    }
}
