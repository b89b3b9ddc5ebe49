package dev.alexalink.example.skill;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.LaunchRequest;
import com.amazon.ask.model.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import static com.amazon.ask.request.Predicates.requestType;

/** Opening the skill, or asking it anything: greets the linked user by name, or asks for a link. */
public final class GreetingHandler implements RequestHandler {

    static final String LINK_ACCOUNT_SPEECH = "Please link your account in the Alexa app.";

    private final KeycloakLink link;

    public GreetingHandler(KeycloakLink link) {
        this.link = link;
    }

    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(requestType(LaunchRequest.class).or(requestType(IntentRequest.class)));
    }

    @Override
    public Optional<Response> handle(HandlerInput input) {
        Optional<LinkedUser> user;
        try {
            user = link.user(AlexaUsers.accessToken(input.getRequestEnvelope()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (user.isEmpty()) {
            // The LinkAccount card in the Alexa app takes the user to the account linking page.
            return input.getResponseBuilder()
                    .withSpeech(LINK_ACCOUNT_SPEECH)
                    .withLinkAccountCard()
                    .withShouldEndSession(true)
                    .build();
        }
        return input.getResponseBuilder()
                .withSpeech("Hello, " + user.get().name() + ".")
                .withShouldEndSession(true)
                .build();
    }
}
