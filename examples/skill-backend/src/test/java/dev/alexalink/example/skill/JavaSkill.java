package dev.alexalink.example.skill;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The Java skill as Lambda runs it: envelope JSON into the stream handler, response JSON out. */
final class JavaSkill {

    private final AlexaLinkStreamHandler handler;

    JavaSkill(SkillConfig config, MutableClock clock) {
        this.handler = new AlexaLinkStreamHandler(config, clock);
    }

    JsonNode ask(String envelope) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)), response, null);
        return Envelopes.parse(response.toString(StandardCharsets.UTF_8));
    }
}
