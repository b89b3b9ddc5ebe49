package dev.alexalink.example.skill;

import com.amazon.ask.dispatcher.exception.ExceptionHandler;
import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Keycloak unreachable or failing: say so, rather than asking the user to link again. */
public final class ErrorHandler implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);
    static final String SPEECH = "Sorry, I can't reach your account right now. Please try again later.";

    @Override
    public boolean canHandle(HandlerInput input, Throwable throwable) {
        return true;
    }

    @Override
    public Optional<Response> handle(HandlerInput input, Throwable throwable) {
        LOG.error("Request {} failed", input.getRequestEnvelope().getRequest().getRequestId(), throwable);
        return input.getResponseBuilder()
                .withSpeech(SPEECH)
                .withShouldEndSession(true)
                .build();
    }
}
