package dev.alexalink.rules;

import java.util.Objects;

/**
 * One Keycloak event, seen as a step of one Alexa skill's account link.
 *
 * @param action what happened to the link
 * @param skill  the client ID of the Alexa skill client
 * @param region the Alexa region of the redirect URL, when the event names one; otherwise null
 * @param error  Keycloak's error code when the step failed; null when it succeeded
 */
public record LinkEvent(LinkAction action, String skill, AlexaRegion region, String error) {

    public LinkEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(skill, "skill");
    }

    public boolean failed() {
        return error != null;
    }
}
