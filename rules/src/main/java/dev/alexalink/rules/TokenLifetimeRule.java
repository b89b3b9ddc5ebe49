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
            throw new InvalidRuleConfigurationException(NAME, List.of("minimum access token lifespan " + minimumSeconds
                    + " s is below Alexa's floor of " + ALEXA_MINIMUM_SECONDS + " s"));
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
            return Optional.of(new Violation(NAME, "access token lifespan '" + SafeText.of(configured) + "' is not a number of seconds"));
        }
        if (seconds != -1 && seconds < minimumSeconds) {
            return Optional.of(new Violation(NAME, "access token lifespan " + seconds + " s is below the minimum of "
                    + minimumSeconds + " s that Alexa needs; set it to " + minimumSeconds + " or more, or clear it"));
        }
        return Optional.empty();
    }

    /** Realm default below the floor: not an error (the floor is applied), but worth telling the admin. */
    public Optional<String> noteOnRealmDefault(int realmSeconds) {
        if (realmSeconds < minimumSeconds) {
            return Optional.of("realm access token lifespan is " + realmSeconds + " s; tokens for Alexa clients are raised to "
                    + minimumSeconds + " s");
        }
        return Optional.empty();
    }
}
