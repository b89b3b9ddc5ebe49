package dev.alexalink.keycloak.admin;

import dev.alexalink.rules.AlexaDiagnostics.ClientReport;
import dev.alexalink.rules.AlexaDiagnostics.Report;
import dev.alexalink.rules.AlexaSkill;
import dev.alexalink.rules.Check;
import dev.alexalink.rules.Check.Status;
import dev.alexalink.rules.InvalidRuleConfigurationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlexaSkillItemTest {

    private static final Instant SAVED = Instant.parse("2026-11-25T11:00:49.123Z");

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
    void writesTheConsoleValuesWithoutTheSecretAndOneFieldPerCheck() {
        Map<String, List<String>> config = config(
                Map.of("consoleSecret", List.of("left from an old version"), "check-theme", List.of("PASS: stale")));
        ConsoleValues console = new ConsoleValues(
                "https://auth.example.com/realms/shop/protocol/openid-connect/auth",
                "https://auth.example.com/realms/shop/protocol/openid-connect/token",
                "shop-alexa",
                "TopSecret0123456789abcdefghijklmnop",
                "HTTP Basic",
                List.of("profile"),
                List.of("auth.example.com"),
                3600,
                List.of(
                        "https://layla.amazon.com/api/skill/link/M2SHOP",
                        "https://pitangui.amazon.com/api/skill/link/M2SHOP"));
        Report report = new Report(
                "shop",
                List.of(
                        new Check("frontend-url", Status.FAIL, "it is not https", "serve https"),
                        new Check("sso-session", Status.PASS, "SSO sessions last long enough", null)),
                List.of(new ClientReport(
                        "shop-alexa",
                        List.of(
                                new Check("redirect-uris", Status.PASS, "registers 2 redirect URL(s)", null),
                                new Check("theme", Status.WARN, "theme 'keycloak.v2'", "set login_theme=alexa")))));

        SkillBackendValues backend = new SkillBackendValues(
                "https://auth.example.com/realms/shop",
                "https://auth.example.com/realms/shop/protocol/openid-connect/certs",
                "…/userinfo",
                "…/token/introspect",
                "…/revoke",
                List.of("shop-alexa", "https://api.example.com/skill"),
                false);

        AlexaSkillItem.writeComputed(config, "shop", console, backend, report, SAVED);

        assertThat(config.values())
                .flatMap(v -> v)
                .noneMatch(v -> v.contains("TopSecret"))
                .noneMatch(v -> v.contains("stale"));
        assertThat(config)
                .containsEntry("consoleAuthorizationUri", List.of(console.authorizationUri()))
                .containsEntry("consoleAccessTokenUri", List.of(console.accessTokenUri()))
                .containsEntry("consoleClientId", List.of("shop-alexa"))
                .containsEntry("backendIssuer", List.of("https://auth.example.com/realms/shop"))
                .containsEntry("backendAudiences", List.of("shop-alexa", "https://api.example.com/skill"))
                .containsEntry(
                        "consoleSecret",
                        List.of("Not stored here: copy it from Clients > shop-alexa > Credentials"
                                + " > Client Secret, or GET /admin/realms/shop/alexa/skills/shop-alexa"))
                .containsEntry("consoleAuthenticationScheme", List.of("HTTP Basic"))
                .containsEntry("consoleScopes", List.of("profile"))
                .containsEntry("consoleDomainList", List.of("auth.example.com"))
                .containsEntry("consoleDefaultAccessTokenExpirationTime", List.of("3600"))
                .containsEntry("consoleAlexaRedirectUrls", console.alexaRedirectUrls())
                .containsEntry(
                        "diagnostics",
                        List.of("1 failed, 1 warning, 2 passed (checked when saved, 2026-11-25T11:00:49Z)"))
                .containsEntry("check-frontend-url", List.of("FAIL: it is not https\nFix: serve https"))
                .containsEntry("check-redirect-uris", List.of("PASS: registers 2 redirect URL(s)"))
                .containsEntry("check-theme", List.of("WARN: theme 'keycloak.v2'\nFix: set login_theme=alexa"))
                .containsEntry(
                        "check-policy-coverage",
                        List.of("Not reported: this check appears only when no enabled Alexa"
                                + " client policy covers the client."));
        assertThat(config.keySet()).containsExactlyInAnyOrderElementsOf(AlexaSkillItem.WRITTEN_ON_SAVE);
    }

    @Test
    void anImportedItemSaysItWasNotApplied() {
        Map<String, List<String>> config = config(Map.of(
                "client",
                List.of("shop-alexa"),
                "consoleAuthorizationUri",
                List.of("https://exported.example.com"),
                "check-theme",
                List.of("PASS: exported")));

        AlexaSkillItem.writeNotApplied(config, SAVED);

        assertThat(config).containsOnlyKeys("client", "diagnostics");
        assertThat(config.get("diagnostics").get(0))
                .startsWith("Not applied: imported with the realm at 2026-11-25T11:00:49Z.")
                .contains("save it to apply it");
    }

    private static Map<String, List<String>> config(Map<String, List<String>> values) {
        Map<String, List<String>> config = new HashMap<>();
        values.forEach((key, list) -> config.put(key, new java.util.ArrayList<>(list)));
        return config;
    }
}
