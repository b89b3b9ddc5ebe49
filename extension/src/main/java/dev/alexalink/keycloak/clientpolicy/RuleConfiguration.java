package dev.alexalink.keycloak.clientpolicy;

import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configuration of an executor that enforces one rule. Invalid values are refused when the client profile is
 * saved or imported, with HTTP 400 naming every problem, rather than when a request first needs the rule.
 * <p>
 * Keycloak's client-policy framework maps the profile's JSON to a new configuration, and hands it to a new executor,
 * on every client-policy event of an Alexa client (several per authorization and per token request). The rules are
 * immutable, so each distinct configuration builds its rule once and later events reuse it.
 */
abstract class RuleConfiguration<R> extends ClientPolicyExecutorConfigurationRepresentation {

    /** Enough for every executor of many realms; edited configurations past it start the cache afresh. */
    static final int MAX_CACHED_RULES = 512;

    private static final Map<List<Object>, Object> BUILT_RULES = new ConcurrentHashMap<>();

    /** Builds the rule; throws {@link dev.alexalink.rules.InvalidRuleConfigurationException} for invalid values. */
    protected abstract R rule();

    /** The rule these values build, built on first use; an invalid configuration is refused each time, never cached. */
    @SuppressWarnings("unchecked")
    public final R toRule() {
        List<Object> values = values();
        Object rule = BUILT_RULES.get(values);
        if (rule == null) {
            rule = Refusals.fromConfiguration(this::rule);
            if (BUILT_RULES.size() >= MAX_CACHED_RULES) {
                BUILT_RULES.clear();
            }
            BUILT_RULES.put(values, rule);
        }
        return (R) rule;
    }

    /** The type and every value the rule is built from: the public option fields, and any option Keycloak kept aside. */
    private List<Object> values() {
        Field[] fields = getClass().getFields();
        List<Object> values = new ArrayList<>(fields.length + 2);
        values.add(getClass());
        try {
            for (Field field : fields) {
                values.add(field.get(this));
            }
        } catch (IllegalAccessException publicFieldsAreReadable) {
            throw new IllegalStateException(publicFieldsAreReadable);
        }
        values.add(getConfigAsMap());
        return values;
    }

    static int cachedRules() {
        return BUILT_RULES.size();
    }

    @Override
    public boolean validateConfig() {
        toRule();
        return true;
    }
}
