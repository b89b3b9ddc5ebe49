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
        if (attributes != null && "true".equalsIgnoreCase(attributes.get(MARKER_ATTRIBUTE))) {
            return true;
        }
        return redirectUris != null && redirectUris.stream().anyMatch(RedirectUriRule::pointsAtAlexaHost);
    }
}
