package dev.alexalink.example.skill;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.SkillDisabledRequestHandler;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.events.skillevents.SkillDisabledRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The user disabled the skill (AlexaSkillEvent.SkillDisabled, sent when the skill subscribes to skill events): Alexa
 * deletes its tokens, and Amazon asks the skill to revoke them too. Revoking the access token ends the whole link.
 */
public final class SkillDisabledHandler implements SkillDisabledRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SkillDisabledHandler.class);

    private final KeycloakLink link;

    public SkillDisabledHandler(KeycloakLink link) {
        this.link = link;
    }

    @Override
    public boolean canHandle(HandlerInput input, SkillDisabledRequest request) {
        return true;
    }

    @Override
    public Optional<Response> handle(HandlerInput input, SkillDisabledRequest request) {
        String userId = AlexaUsers.userId(input.getRequestEnvelope());
        String accessToken = AlexaUsers.accessToken(input.getRequestEnvelope());
        if (accessToken == null) {
            LOG.info("Skill disabled by {}: no access token in the event, nothing to revoke", userId);
        } else {
            try {
                if (link.revoke(accessToken)) {
                    LOG.info("Skill disabled by {}: access token revoked, the account link ended", userId);
                } else {
                    LOG.warn("Skill disabled by {}: Keycloak refused to revoke the access token", userId);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        // Alexa reads no answer to a skill event.
        return input.getResponseBuilder().build();
    }
}
