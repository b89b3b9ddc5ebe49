package dev.alexalink.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViolationTest {

    @Test
    void carriesRuleAndMessage() {
        Violation violation = new Violation("alexa-scopes", "scope email is not allowed");

        assertThat(violation.rule()).isEqualTo("alexa-scopes");
        assertThat(violation.message()).isEqualTo("scope email is not allowed");
        assertThat(violation).hasToString("[alexa-scopes] scope email is not allowed");
    }

    @Test
    void isAValue() {
        assertThat(new Violation("r", "m"))
                .isEqualTo(new Violation("r", "m"))
                .hasSameHashCodeAs(new Violation("r", "m"));
        assertThat(new Violation("r", "m")).isNotEqualTo(new Violation("r", "other"));
    }
}
