package dev.alexalink.example.skill;

import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.User;

/** The Alexa user of a request: context.System.user, present in every request to a custom skill. */
final class AlexaUsers {

    private AlexaUsers() {}

    /** The link's access token; null when the user has not linked (or Alexa could not refresh it). */
    static String accessToken(RequestEnvelope envelope) {
        User user = user(envelope);
        return user == null ? null : user.getAccessToken();
    }

    static String userId(RequestEnvelope envelope) {
        User user = user(envelope);
        return user == null ? null : user.getUserId();
    }

    private static User user(RequestEnvelope envelope) {
        if (envelope.getContext() == null || envelope.getContext().getSystem() == null) {
            return null;
        }
        return envelope.getContext().getSystem().getUser();
    }
}
