package dev.alexalink.rules;

import java.util.List;
import java.util.Optional;

/**
 * Alexa needs access tokens that live at least 360 seconds, and an {@code expires_in} in every token response.
 * Keycloak's default lifespan is 300 seconds, so the floor is applied to every token issued to an Alexa client.
 */
public final class TokenLifetimeRule {

    public static final String NAME = "alexa-token-lifetime";
    public static final int ALEXA_MINIMUM_SECONDS = 360;

    private final int minimumSeconds;

    public TokenLifetimeRule(Integer minimumSeconds) {
        this.minimumSeconds = minimumSeconds == null ? ALEXA_MINIMUM_SECONDS : minimumSeconds;
        if (this.minimumSeconds < ALEXA_MINIMUM_SECONDS) {
            throw new InvalidRuleConfigurationException(
                    NAME,
                    List.of("minimum access token lifespan " + minimumSeconds + " s is below Alexa's floor of "
                            + ALEXA_MINIMUM_SECONDS + " s"));
        }
    }

    public int minimumSeconds() {
        return minimumSeconds;
    }

    /** The expiry (epoch seconds) to give a token that would expire at {@code expiry}, issued at {@code now}. */
    public long expiryAtLeastMinimum(long now, long expiry) {
        return Math.max(expiry, now + minimumSeconds);
    }

    /**
     * Checks the client's own access-token lifespan setting (empty means the realm's, which the runtime floor covers).
     * An explicit value below the floor is the admin's contradiction, so it is refused rather than overridden.
     */
    public Optional<Violation> checkClientLifespan(String configured) {
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        int seconds;
        try {
            seconds = Integer.parseInt(configured.trim());
        } catch (NumberFormatException e) {
            return Optional.of(new Violation(
                    NAME, "access token lifespan '" + SafeText.of(configured) + "' is not a number of seconds"));
        }
        if (seconds != -1 && seconds < minimumSeconds) {
            return Optional.of(new Violation(
                    NAME,
                    "access token lifespan " + seconds + " s is below the minimum of " + minimumSeconds
                            + " s that Alexa needs; set it to " + minimumSeconds + " or more, or clear it"));
        }
        return Optional.empty();
    }

    static final String ACCESS_TOKEN_LIFESPAN = "access.token.lifespan";

    /** The report's check of a client's access-token lifespan; {@code rule} is null when no executor applies this rule. */
    public static Check check(TokenLifetimeRule rule, RealmSettings realm, ClientSettings client) {
        String fix = "Clients > " + client.clientId() + " > Advanced > Access Token Lifespan: 1 hour (attribute "
                + ACCESS_TOKEN_LIFESPAN + "=3600); Alexa needs at least " + ALEXA_MINIMUM_SECONDS + " s";
        String configured = client.attributes().get(ACCESS_TOKEN_LIFESPAN);
        String id = "access-token-lifespan";
        if (configured != null && !configured.isBlank() && !configured.trim().matches("-?\\d{1,9}")) {
            // An imported client escapes the executor's refusal; Keycloak would fall back to the realm's lifespan.
            return Check.fail(
                    id, "access token lifespan '" + SafeText.of(configured) + "' is not a number of seconds", fix);
        }
        Optional<Integer> own = AlexaDiagnostics.positive(configured);
        int minimum = rule != null ? rule.minimumSeconds() : ALEXA_MINIMUM_SECONDS;
        if (own.isPresent()) {
            return own.get() >= minimum
                    ? Check.pass(id, "access tokens live " + own.get() + " s")
                    : Check.fail(
                            id, "access tokens live " + own.get() + " s, less than Alexa's " + minimum + " s", fix);
        }
        if (realm.accessTokenLifespan() >= minimum) {
            return Check.pass(id, "access tokens live the realm's " + realm.accessTokenLifespan() + " s");
        }
        if (rule != null) {
            return Check.warn(
                    id,
                    "the realm's " + realm.accessTokenLifespan() + " s are raised to " + minimum
                            + " s for this client by the 'alexa-tokens' executor",
                    fix);
        }
        return Check.fail(
                id,
                "access tokens live the realm's " + realm.accessTokenLifespan() + " s, less than Alexa's " + minimum
                        + " s",
                fix);
    }
}
