package dev.alexalink.keycloak.compat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakVersionTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "26.0.0",
                "26.0.8",
                "26.1.4",
                "26.2.5",
                "26.3.5",
                "26.4.7",
                "26.5.6",
                "26.6.4",
                "26.7.0",
                "26.7.3",
                "26.0.8.redhat-00001",
                "26.4.2-SNAPSHOT",
                "26.7"
            })
    void everyMinorFrom26Point0To26Point7IsSupported(String version) {
        assertThat(KeycloakVersion.refusal(version)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "25.0.6",
                "24.0.5",
                "26.8.0",
                "27.0.0",
                "999.0.0-SNAPSHOT",
                "",
                "26",
                "twenty-six",
                "26.x.1",
                "226.0.1"
            })
    void otherVersionsAreRefusedWithOneLineNamingTheVersionAndTheSupportedRange(String version) {
        assertThat(KeycloakVersion.refusal(version))
                .hasValueSatisfying(line -> assertThat(line)
                        .contains("does not support Keycloak " + version + ";")
                        .contains("it supports Keycloak 26.0.x to 26.7.x")
                        .doesNotContain("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"26.7.3\nERROR forged line", "26.7.3\u202e"})
    void aVersionThatIsNoVersionIsRefusedAndQuotedSafely(String version) {
        assertThat(KeycloakVersion.refusal(version))
                .hasValueSatisfying(line -> assertThat(line).doesNotContain("\n", "\u202e"));
    }

    @Test
    void anUnknownVersionIsRefused() {
        assertThat(KeycloakVersion.refusal(null))
                .hasValueSatisfying(line -> assertThat(line).contains("Keycloak null;"));
    }
}
