package dev.alexalink.rules;

import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Which clients are Alexa skill clients: those marked with the attribute {@value #MARKER_ATTRIBUTE}=true, and those
 * with any redirect URI that names an Alexa host, however malformed (so a bad URI cannot escape the rules).
 */
public final class AlexaClientRule {

    public static final String MARKER_ATTRIBUTE = "alexa.skill";

    private AlexaClientRule() {}

    public static boolean isAlexaClient(Collection<String> redirectUris, Map<String, String> attributes) {
        return isAlexaClientWithMarker(
                attributes == null ? null : attributes.get(MARKER_ATTRIBUTE), () -> redirectUris);
    }

    /**
     * The same decision from the value of {@value #MARKER_ATTRIBUTE} alone, reading the redirect URIs only when that
     * value does not mark the client (Keycloak copies them on each read).
     */
    public static boolean isAlexaClientWithMarker(
            String markerValue, Supplier<? extends Collection<String>> redirectUris) {
        if ("true".equalsIgnoreCase(markerValue)) {
            return true;
        }
        Collection<String> uris = redirectUris.get();
        return uris != null && uris.stream().anyMatch(RedirectUriRule::pointsAtAlexaHost);
    }
}
