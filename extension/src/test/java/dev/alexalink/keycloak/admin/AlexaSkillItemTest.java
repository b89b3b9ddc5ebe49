package dev.alexalink.keycloak.admin;

import dev.alexalink.rules.AlexaSkill;
import dev.alexalink.rules.InvalidRuleConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlexaSkillItemTest {

    @Test
    void readsTheSettingsAndStoresThemAsApplied() {
        Map<String, List<String>> config = config(
                Map.of("client", List.of("shop-alexa"), "vendorIds", List.of("M2SHOP"), "scopes", List.of("profile")));

        AlexaSkill skill = AlexaSkillItem.skillOf(config);
        AlexaSkillItem.writeSettings(config, skill);

        assertThat(skill.clientId()).isEqualTo("shop-alexa");
        assertThat(config)
                .containsEntry("name", List.of("shop-alexa"))
                .containsEntry("regions", List.of("north-america", "europe", "far-east"))
                .containsEntry("vendorIds", List.of("M2SHOP"))
                .containsEntry("scopes", List.of("profile"))
                .doesNotContainKey("appRedirectUris");
        config.get("vendorIds").add("stays a mutable list, as Keycloak expects");
    }

    @Test
    void enableLanguagesIsABooleanSettingStoredAsApplied() {
        Map<String, List<String>> config = config(Map.of(
                "client", List.of("shop-alexa"), "vendorIds", List.of("M2SHOP"), "enableLanguages", List.of("true")));

        AlexaSkill skill = AlexaSkillItem.skillOf(config);
        AlexaSkillItem.writeSettings(config, skill);

        assertThat(skill.enableLanguages()).isTrue();
        assertThat(config).containsEntry("enableLanguages", List.of("true"));
        assertThat(AlexaSkillItem.skillOf(
                                config(Map.of("client", List.of("shop-alexa"), "vendorIds", List.of("M2SHOP"))))
                        .enableLanguages())
                .isFalse();
        assertThatThrownBy(() -> AlexaSkillItem.skillOf(config(Map.of(
                        "client",
                        List.of("shop-alexa"),
                        "vendorIds",
                        List.of("M2SHOP"),
                        "enableLanguages",
                        List.of("yes")))))
                .hasMessageContaining("field 'enableLanguages' must be true or false, not 'yes'");
    }

    @Test
    void fieldsWrittenOnSaveAreAcceptedBackAndIgnoredAsInput() {
        Map<String, List<String>> config = config(Map.of(
                "client",
                List.of("shop-alexa"),
                "vendorIds",
                List.of("M2SHOP"),
                "consoleAuthorizationUri",
                List.of("https://stale.example.com"),
                "check-theme",
                List.of("PASS: old")));

        assertThat(AlexaSkillItem.skillOf(config).vendorIds()).containsExactly("M2SHOP");
    }

    @Test
    void namesEveryProblemAtOnce() {
        Map<String, List<String>> config = config(Map.of(
                "client",
                List.of("a", "b"),
                "vendorIds",
                List.of("M2-BAD!"),
                "regions",
                List.of("mars"),
                "vendorID",
                List.of("M2TYPO")));

        assertThatThrownBy(() -> AlexaSkillItem.skillOf(config))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidRuleConfigurationException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith("unknown field 'vendorID'"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("field 'client' takes one value, not 2: ['a', 'b']"))
                        .anySatisfy(
                                p -> assertThat(p).contains("vendor ID 'M2-BAD!' must be 1 to 64 letters and digits"))
                        .anySatisfy(p -> assertThat(p).contains("mars")));
    }

    @Test
    void aMissingClientOrVendorIdIsNamed() {
        assertThatThrownBy(() -> AlexaSkillItem.skillOf(config(Map.of())))
                .hasMessageContaining("a client ID is required")
                .hasMessageContaining("at least one vendor ID is required");
    }

    @Test
    void theFieldsOlderVersionsWroteOnSaveAreDropped() {
        Map<String, List<String>> config = config(Map.of(
                "client",
                List.of("shop-alexa"),
                "vendorIds",
                List.of("M2SHOP"),
                "consoleAuthorizationUri",
                List.of("https://exported.example.com"),
                "consoleSecret",
                List.of("left from an old version"),
                "diagnostics",
                List.of("2 failed (checked when saved, 2026-11-25T11:00:49Z)"),
                "check-theme",
                List.of("PASS: exported")));

        AlexaSkillItem.dropWrittenOnSave(config);

        assertThat(config).containsOnlyKeys("client", "vendorIds");
        assertThat(AlexaSkillItem.WRITTEN_ON_SAVE)
                .contains("consoleAuthorizationUri", "consoleSecret", "diagnostics", "check-offline-session-idle")
                .doesNotContainAnyElementsOf(AlexaSkillItem.SETTINGS);
    }

    private static Map<String, List<String>> config(Map<String, List<String>> values) {
        Map<String, List<String>> config = new HashMap<>();
        values.forEach((key, list) -> config.put(key, new java.util.ArrayList<>(list)));
        return config;
    }
}
