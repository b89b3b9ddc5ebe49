package dev.alexalink.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LinkMetricsTest {

    @Test
    void oneCounterNamedForPrometheusAsAlexaLinkEventsTotal() {
        assertThat(LinkMetrics.NAME).isEqualTo("alexa.link.events");
    }

    @Test
    void tagsAreRealmSkillActionAndAnEmptyErrorOnSuccess() {
        LinkEvent link = new LinkEvent(LinkAction.LINK, "alexa-skill", AlexaRegion.EUROPE, null);

        assertThat(LinkMetrics.tags("alexa", link))
                .containsExactly(
                        Map.entry("realm", "alexa"),
                        Map.entry("skill", "alexa-skill"),
                        Map.entry("action", "link"),
                        Map.entry("error", ""));
    }

    @Test
    void aFailureIsTaggedWithKeycloaksErrorCode() {
        LinkEvent refresh = new LinkEvent(LinkAction.REFRESH, "alexa-skill", null, "invalid_token");

        assertThat(LinkMetrics.tags("alexa", refresh)).containsEntry("error", "invalid_token");
    }

    /** The region is in the event details, not in the tags: tags stay few, and never name a user. */
    @Test
    void noOtherTags() {
        LinkEvent signIn =
                new LinkEvent(LinkAction.SIGN_IN, "alexa-skill", AlexaRegion.FAR_EAST, "invalid_user_credentials");

        assertThat(LinkMetrics.tags("alexa", signIn)).containsOnlyKeys("realm", "skill", "action", "error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_grant", "rejected_by_user", "unknown", "user-not-found", "error42"})
    void errorCodesAreKept(String error) {
        assertThat(LinkMetrics.errorTag(error)).isEqualTo(error);
    }

    /** An error that is no code (free text, a client's own words) would make a new series for each value. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Invalid_Grant",
                "no such user 'bob'",
                "a\nb",
                "",
                "x12345678901234567890123456789012345678901234567890123456789012345"
            })
    void anythingElseIsOther(String error) {
        assertThat(LinkMetrics.errorTag(error)).isEqualTo(LinkMetrics.OTHER_ERROR);
    }
}
