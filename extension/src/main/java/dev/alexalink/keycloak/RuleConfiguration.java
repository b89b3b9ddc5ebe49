package dev.alexalink.keycloak;

import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;

/**
 * The configuration of an executor that enforces one rule. Invalid values are refused when the client profile is
 * saved or imported, with HTTP 400 naming every problem, rather than when a request first needs the rule.
 */
abstract class RuleConfiguration<R> extends ClientPolicyExecutorConfigurationRepresentation {

    /** Builds the rule; throws {@link dev.alexalink.rules.InvalidRuleConfigurationException} for invalid values. */
    protected abstract R rule();

    final R toRule() {
        return Refusals.fromConfiguration(this::rule);
    }

    @Override
    public boolean validateConfig() {
        toRule();
        return true;
    }
}
