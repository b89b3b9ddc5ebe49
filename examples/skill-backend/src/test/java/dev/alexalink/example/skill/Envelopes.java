package dev.alexalink.example.skill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Alexa's request envelopes as JSON text: the samples of envelopes/ (shaped on Amazon's documented ones), with the
 * user's access token put in, or taken out when the user has not linked.
 */
final class Envelopes {

    static final String LAUNCH = "launch-request.json";
    static final String INTENT = "intent-request.json";
    static final String SKILL_DISABLED = "skill-disabled.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Envelopes() {}

    static String of(String sample, String accessToken) {
        try {
            Path file = Path.of(System.getProperty("envelopes.dir", "envelopes"), sample);
            JsonNode envelope = JSON.readTree(file.toFile());
            ((ObjectNode) envelope.path("request")).put("requestId", "amzn1.echo-api.request." + UUID.randomUUID());
            for (JsonNode user : envelope.findParents("userId")) {
                if (accessToken == null) {
                    ((ObjectNode) user).remove("accessToken");
                } else {
                    ((ObjectNode) user).put("accessToken", accessToken);
                }
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON response: " + json, e);
        }
    }

    /** What Alexa would say: the SSML of the response. */
    static String speech(JsonNode responseEnvelope) {
        return responseEnvelope
                .path("response")
                .path("outputSpeech")
                .path("ssml")
                .asText(null);
    }

    static String cardType(JsonNode responseEnvelope) {
        return responseEnvelope.path("response").path("card").path("type").asText(null);
    }
}
