package dev.alexalink.example.skill;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tries the skill without Lambda: reads one request envelope (the file given, or standard input) and prints the
 * response envelope, as Alexa would receive it. Configured from the environment, like the Lambda function.
 *
 * <pre>java -jar target/alexa-skill-backend.jar envelopes/launch-request.json</pre>
 */
public final class LocalRun {

    private LocalRun() {}

    public static void main(String[] args) throws IOException {
        AlexaLinkStreamHandler handler;
        try {
            handler = new AlexaLinkStreamHandler();
        } catch (IllegalArgumentException e) {
            System.err.println("Configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try (InputStream envelope = args.length > 0 ? Files.newInputStream(Path.of(args[0])) : System.in) {
            handler.handleRequest(envelope, response, null);
        }
        System.out.println(response.toString(StandardCharsets.UTF_8));
    }
}
