package dev.alexalink.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The counter of Alexa link steps: one meter, tagged by realm, skill, action and error. Tags never carry user
 * identifiers, and each has a bounded set of values: realms and Alexa clients are made by admins, actions are
 * {@link LinkAction}s, and errors are Keycloak's error codes.
 */
public final class LinkMetrics {

    /** Micrometer's name; Prometheus shows it as {@code alexa_link_events_total}. */
    public static final String NAME = "alexa.link.events";

    public static final String DESCRIPTION =
            "Alexa account-linking steps (sign-in, link, refresh, unlink) per realm and skill";

    public static final String REALM_TAG = "realm";
    public static final String SKILL_TAG = "skill";
    public static final String ACTION_TAG = "action";
    /** Empty for a success, as in Keycloak's own {@code keycloak_user_events_total}. */
    public static final String ERROR_TAG = "error";
    /** The error tag of an error code that does not look like one of Keycloak's (lower case, digits, '_', '-'). */
    public static final String OTHER_ERROR = "other";

    private static final Pattern ERROR_CODE = Pattern.compile("[a-z0-9_-]{1,64}");

    private LinkMetrics() {}

    /** The tags of the counter that counts this step in this realm, in a fixed order. */
    public static Map<String, String> tags(String realm, LinkEvent event) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(REALM_TAG, realm == null ? "" : realm);
        tags.put(SKILL_TAG, event.skill());
        tags.put(ACTION_TAG, event.action().id());
        tags.put(ERROR_TAG, errorTag(event.error()));
        return tags;
    }

    static String errorTag(String error) {
        if (error == null) {
            return "";
        }
        return ERROR_CODE.matcher(error).matches() ? error : OTHER_ERROR;
    }
}
