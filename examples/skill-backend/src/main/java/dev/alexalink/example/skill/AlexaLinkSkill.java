package dev.alexalink.example.skill;

import com.amazon.ask.Skill;
import com.amazon.ask.builder.CustomSkillBuilder;

import java.time.Clock;

/** The skill: its handlers, wired to the realm of the configuration. */
public final class AlexaLinkSkill {

    private AlexaLinkSkill() {}

    public static Skill create(SkillConfig config, Clock clock) {
        KeycloakLink link = new KeycloakLink(config, clock);
        return new CustomSkillBuilder()
                .addRequestHandlers(
                        new GreetingHandler(link), new SkillDisabledHandler(link), new SessionEndedHandler())
                .addExceptionHandler(new ErrorHandler())
                .build();
    }
}
