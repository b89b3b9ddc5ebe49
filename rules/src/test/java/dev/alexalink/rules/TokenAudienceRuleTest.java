package dev.alexalink.rules;

import dev.alexalink.rules.TokenAudienceRule.AudienceMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.alexalink.rules.SampleSettings.clientWith;
import static dev.alexalink.rules.SampleSettings.goodClient;
import static org.assertj.core.api.Assertions.assertThat;

class TokenAudienceRuleTest {

    @Test
    void aClientAudienceMapperOnAccessTokenAndIntrospectionPasses() {
        assertThat(TokenAudienceRule.check("alexa-skill", List.of(new AudienceMapper("alexa-skill", null, true, true))))
                .isEmpty();
        assertThat(TokenAudienceRule.check("alexa-skill", List.of(new AudienceMapper(null, "alexa-skill", true, true))))
                .isEmpty();
    }

    @Test
    void noMapperOrTheWrongOneFailsWithTheFix() {
        assertThat(TokenAudienceRule.check("alexa-skill", List.of()))
                .get()
                .satisfies(v -> assertThat(v.rule()).isEqualTo(TokenAudienceRule.NAME))
                .satisfies(v -> assertThat(v.message())
                        .contains("do not carry 'alexa-skill'", "active:false", "Audience mapper"));
        assertThat(TokenAudienceRule.check("alexa-skill", List.of(new AudienceMapper("other", null, true, true))))
                .isPresent();
        assertThat(TokenAudienceRule.check(
                        "alexa-skill", List.of(new AudienceMapper("alexa-skill", null, false, true))))
                .isPresent();
        assertThat(TokenAudienceRule.check(
                        "alexa-skill", List.of(new AudienceMapper("alexa-skill", null, true, false))))
                .isPresent();
    }

    @Test
    void audiencesAreTheClientIdThenTheResourceAudience() {
        assertThat(TokenAudienceRule.audiences("alexa-skill", null)).containsExactly("alexa-skill");
        assertThat(TokenAudienceRule.audiences("alexa-skill", "alexa-skill")).containsExactly("alexa-skill");
        assertThat(TokenAudienceRule.audiences("alexa-skill", "https://api.example.com/skill"))
                .containsExactly("alexa-skill", "https://api.example.com/skill");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.example.com/skill", "urn:example:skill-api", "skill-backend"})
    void validResourceAudiences(String audience) {
        assertThat(TokenAudienceRule.resourceAudienceProblem(audience)).isEmpty();
    }

    @Test
    void invalidResourceAudiencesAreNamed() {
        assertThat(TokenAudienceRule.resourceAudienceProblem("two words"))
                .get()
                .asString()
                .contains("'two words'", "no spaces");
        assertThat(TokenAudienceRule.resourceAudienceProblem("https://x/" + "a".repeat(300)))
                .get()
                .asString()
                .contains("longer than 255");
        assertThat(TokenAudienceRule.resourceAudienceProblem("${SKILL_AUDIENCE}"))
                .get()
                .asString()
                .contains("SKILL_AUDIENCE");
        assertThat(TokenAudienceRule.resourceAudienceProblem(":nothing"))
                .get()
                .asString()
                .contains("URI");
        assertThat(TokenAudienceRule.resourceAudienceProblem(null)).isEmpty();
        assertThat(TokenAudienceRule.resourceAudienceProblem("")).isEmpty();
    }

    @Test
    void theReportsCheckFailsForAResourceAudienceThatIsNoAudience() {
        assertThat(TokenAudienceRule.check(goodClient()).status()).isEqualTo(Check.Status.PASS);
        Check check = TokenAudienceRule.check(clientWith(goodClient(), "resourceAudience", "not an audience"));

        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.fix()).contains(TokenAudienceRule.RESOURCE_AUDIENCE_MAPPER);
    }
}
