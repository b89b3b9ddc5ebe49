package dev.alexalink.example.skill;

import com.amazon.ask.SkillStreamHandler;

import java.time.Clock;

/**
 * The AWS Lambda entry point (handler {@code dev.alexalink.example.skill.AlexaLinkStreamHandler}), configured from
 * the environment: KEYCLOAK_REALM_URL, ALEXA_CLIENT_ID, ALEXA_CLIENT_SECRET and optionally ALEXA_TOKEN_AUDIENCE.
 */
public class AlexaLinkStreamHandler extends SkillStreamHandler {

    public AlexaLinkStreamHandler() {
        this(SkillConfig.fromEnvironment(), Clock.systemUTC());
    }

    public AlexaLinkStreamHandler(SkillConfig config, Clock clock) {
        super(AlexaLinkSkill.create(config, clock));
    }
}
