package dev.alexalink.rules;

import java.util.List;

/**
 * A rule was configured with values it cannot enforce. The message lists every problem at once.
 */
public class InvalidRuleConfigurationException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidRuleConfigurationException(String rule, List<String> problems) {
        super("Invalid configuration of " + rule + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
