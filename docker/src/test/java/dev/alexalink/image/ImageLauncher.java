package dev.alexalink.image;

import dev.alexalink.testkit.server.KeycloakLauncher;
import dev.alexalink.testkit.server.PostgresServer;
import dev.alexalink.testkit.server.RunningKeycloak;

import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the shared integration tests (integration-tests' test-jar) against the Docker image (registered in META-INF/services): the image
 * on a PostgreSQL database of its own, instead of the assembly as a process.
 */
public final class ImageLauncher implements KeycloakLauncher {

    @Override
    public RunningKeycloak start(Map<String, String> environment, Path workDirectory) {
        AlexaImage.requireImage();
        PostgresServer postgres = PostgresServer.start(workDirectory.resolve("postgres"));
        try {
            return new AlexaImage(environment, postgres, "keycloak")
                    .alsoClosing(postgres)
                    .start();
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }
}
