package dev.alexalink.rules;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class StateRuleTest {

    @Test
    void aStateWithinTheLimitOrWithoutLimitPasses() {
        assertThat(StateRule.checkRequest(4000, OptionalInt.of(4000))).isEmpty();
        assertThat(StateRule.checkRequest(0, OptionalInt.of(4000))).isEmpty();
        assertThat(StateRule.checkRequest(1_000_000, OptionalInt.empty())).isEmpty();
    }

    @Test
    void aStateTheServerWouldDropIsRefusedNamingLengthLimitAndOption() {
        assertThat(StateRule.checkRequest(8192, OptionalInt.of(4000)))
                .get()
                .satisfies(v -> assertThat(v.rule()).isEqualTo(StateRule.NAME))
                .satisfies(v -> assertThat(v.message())
                        .contains(
                                "8192 characters",
                                "limit of 4000",
                                "--spi-login-protocol-openid-connect-req-params-max-size--state=16384"));
    }

    @Test
    void startupNotesALimitBelowTheRecommendedOne() {
        assertThat(StateRule.noteOnServerLimit(OptionalInt.of(4000)))
                .get()
                .asString()
                .contains("4000", StateRule.OPTION);
        assertThat(StateRule.noteOnServerLimit(OptionalInt.of(StateRule.RECOMMENDED_LIMIT)))
                .isEmpty();
        assertThat(StateRule.noteOnServerLimit(OptionalInt.empty())).isEmpty();
    }
}
