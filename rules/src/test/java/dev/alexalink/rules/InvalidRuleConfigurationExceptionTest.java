package dev.alexalink.rules;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvalidRuleConfigurationExceptionTest {

    @Test
    void messageListsEveryProblem() {
        InvalidRuleConfigurationException e =
                new InvalidRuleConfigurationException("alexa-x", List.of("first", "second"));

        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat(e).hasMessage("Invalid configuration of alexa-x: first; second");
        assertThat(e.problems()).containsExactly("first", "second");
    }

    @Test
    void problemsAreACopy() {
        List<String> problems = new ArrayList<>(List.of("first"));
        InvalidRuleConfigurationException e = new InvalidRuleConfigurationException("alexa-x", problems);

        problems.add("later");

        assertThat(e.problems()).containsExactly("first");
        assertThatThrownBy(() -> e.problems().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
