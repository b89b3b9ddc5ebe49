package dev.alexalink.rules;

import java.util.Collection;
import java.util.Map;

/**
 * Which clients are Alexa skill clients: those marked with the attribute {@value #MARKER_ATTRIBUTE}=true, and those
 * with any redirect URI that names an Alexa host, however malformed (so a bad URI cannot escape the rules).
 */
public final class AlexaClientRule {

    public static final String MARKER_ATTRIBUTE = "alexa.skill";

    private AlexaClientRule() {
    }

    public static boolean isAlexaClient(Collection<String> redirectUris, Map<String, String> attributes) {
        return attributes != null && isMarked(attributes.get(MARKER_ATTRIBUTE)) || anyPointsAtAlexaHost(redirectUris);
    }

    /** Whether a value of {@value #MARKER_ATTRIBUTE} marks the client as an Alexa client. */
    public static boolean isMarked(String markerValue) {
        return "true".equalsIgnoreCase(markerValue);
    }

    public static boolean anyPointsAtAlexaHost(Collection<String> redirectUris) {
        return redirectUris != null && redirectUris.stream().anyMatch(RedirectUriRule::pointsAtAlexaHost);
    }
}
