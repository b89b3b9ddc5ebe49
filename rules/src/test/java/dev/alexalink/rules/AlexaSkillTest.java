package dev.alexalink.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AlexaSkillTest {

    @Test
    void defaultsToAllRegionsTheClientIdAsNameAndNoScopes() {
        AlexaSkill skill = AlexaSkill.of("shop-alexa", null, List.of("M2VENDOR1"), null, null, null);

        assertThat(skill.name()).isEqualTo("shop-alexa");
        assertThat(skill.regions()).containsExactly("north-america", "europe", "far-east");
        assertThat(skill.scopes()).isEmpty();
        assertThat(skill.redirectUris())
                .containsExactly(
                        "https://pitangui.amazon.com/api/skill/link/M2VENDOR1",
                        "https://layla.amazon.com/api/skill/link/M2VENDOR1",
                        "https://alexa.amazon.co.jp/api/skill/link/M2VENDOR1");
    }

    @Test
    void registersEachVendorInEachChosenRegionThenTheAppLinks() {
        AlexaSkill skill = AlexaSkill.of(
                "shop-alexa",
                " Shop skill ",
                List.of("M2VENDOR1", "M2VENDOR2"),
                List.of("europe"),
                List.of("profile", "orders:read"),
                List.of("https://shop.example.com/alexa"));

        assertThat(skill.name()).isEqualTo("Shop skill");
        assertThat(skill.redirectUris())
                .containsExactly(
                        "https://layla.amazon.com/api/skill/link/M2VENDOR1",
                        "https://layla.amazon.com/api/skill/link/M2VENDOR2",
                        "https://shop.example.com/alexa");
    }

    @Test
    void namesEveryProblemAtOnce() {
        InvalidRuleConfigurationException e = catchThrowableOfType(
                InvalidRuleConfigurationException.class,
                () -> AlexaSkill.of(
                        "bad id",
                        "x".repeat(300),
                        List.of("M2 BAD", "M2 BAD"),
                        List.of("mars"),
                        List.of("offline_access", "two words"),
                        List.of("http://app.example.com")));

        assertThat(e.problems())
                .anySatisfy(p -> assertThat(p).contains("client ID 'bad id'"))
                .anySatisfy(p -> assertThat(p).contains("longer than 255"))
                .anySatisfy(p -> assertThat(p).contains("vendor ID 'M2 BAD' is listed twice"))
                .anySatisfy(p -> assertThat(p).contains("vendor ID 'M2 BAD' must be"))
                .anySatisfy(p -> assertThat(p).contains("mars"))
                .anySatisfy(p -> assertThat(p).contains("scope 'offline_access' is granted to every Alexa client"))
                .anySatisfy(p -> assertThat(p).contains("'two words'"))
                .anySatisfy(p -> assertThat(p).contains("http://app.example.com"));
    }

    @Test
    void needsAVendorId() {
        assertThatThrownBy(() -> AlexaSkill.of("shop-alexa", null, List.of(), null, null, null))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .hasMessageContaining("at least one vendor ID is required");
    }

    @Test
    void refusesControlCharactersInTheName() {
        assertThatThrownBy(() -> AlexaSkill.of("shop-alexa", "Shop\u202eskill", List.of("M2VENDOR1"), null, null, null))
                .hasMessageContaining("contains control characters");
    }

    @Test
    void openidIsAcceptedAndIsNoClientScope() {
        AlexaSkill skill =
                AlexaSkill.of("alexa-skill", null, List.of("M2VENDOR"), null, List.of("openid", "profile"), null);
        assertThat(skill.scopes()).containsExactly("profile");
    }

    @Test
    void enableLanguagesIsOnlyOnWhenAskedFor() {
        assertThat(AlexaSkill.of("alexa-skill", null, List.of("M2VENDOR"), null, null, null)
                        .enableLanguages())
                .isFalse();
        assertThat(AlexaSkill.of("alexa-skill", null, List.of("M2VENDOR"), null, null, null, null, false, true)
                        .enableLanguages())
                .isTrue();
    }

    @Test
    void takesAResourceAudienceAndRequirePkce() {
        AlexaSkill skill = AlexaSkill.of(
                "alexa-skill", null, List.of("M2VENDOR"), null, null, null, "https://api.example.com/skill", true);
        assertThat(skill.resourceAudience()).isEqualTo("https://api.example.com/skill");
        assertThat(skill.requirePkce()).isTrue();
        assertThat(AlexaSkill.of("alexa-skill", null, List.of("M2VENDOR"), null, null, null, "", false)
                        .resourceAudience())
                .isNull();
        assertThatThrownBy(() ->
                        AlexaSkill.of("alexa-skill", null, List.of("M2VENDOR"), null, null, null, "two words", false))
                .hasMessageContaining("resource audience 'two words'");
    }
}
