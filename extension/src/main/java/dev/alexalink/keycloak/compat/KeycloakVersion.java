package dev.alexalink.keycloak.compat;

import dev.alexalink.rules.SafeText;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Keycloak versions this provider supports: every 26.x minor from {@value #OLDEST} to {@value #NEWEST}, each of
 * which the compatibility matrix ({@code .ci/compatibility-matrix}) runs. Other versions, older ones and a future 27
 * alike, are refused until they are proven there. Plain Java: the running version comes in as text.
 */
public final class KeycloakVersion {

    public static final String OLDEST = "26.0";
    public static final String NEWEST = "26.7";
    private static final int MAJOR = 26;
    private static final int NEWEST_MINOR = 7;
    private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})(?:[.\\-][0-9A-Za-z.\\-]*)?");

    private KeycloakVersion() {}

    /**
     * Empty when this provider supports the given Keycloak version (for example {@code 26.4.7} or a Red Hat build
     * {@code 26.0.8.redhat-00001}); otherwise the one line that says why not.
     */
    public static Optional<String> refusal(String version) {
        Matcher matcher = version == null ? null : MAJOR_MINOR.matcher(version);
        if (matcher != null
                && matcher.matches()
                && Integer.parseInt(matcher.group(1)) == MAJOR
                && Integer.parseInt(matcher.group(2)) <= NEWEST_MINOR) {
            return Optional.empty();
        }
        return Optional.of("Alexa account linking does not support Keycloak " + SafeText.of(version) + "; it supports"
                + " Keycloak " + OLDEST + ".x to " + NEWEST
                + ".x. Until Keycloak runs a supported version, every request"
                + " and change of an Alexa client is refused, the Alexa admin API answers 503 and the Alexa event listener"
                + " does nothing; other clients are not affected.");
    }
}
