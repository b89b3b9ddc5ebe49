package dev.alexalink.rules;

import java.util.List;

/**
 * A rule was configured with values it cannot enforce. The message lists the problems at once, at most
 * {@link InputLimits#MAX_PROBLEMS_LISTED} of them; {@link #problems()} has them all.
 */
public class InvalidRuleConfigurationException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidRuleConfigurationException(String rule, List<String> problems) {
        super("Invalid configuration of " + rule + ": " + InputLimits.listed(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
