package dev.alexalink.image;

import dev.alexalink.server.KeycloakLauncher;
import dev.alexalink.server.PostgresServer;
import dev.alexalink.server.RunningKeycloak;

import java.nio.file.Path;
import java.util.Map;

/**
 * Runs realm-config's shared integration tests against the Docker image (registered in META-INF/services): the image
 * on a PostgreSQL database of its own, instead of the assembly as a process.
 */
public final class ImageLauncher implements KeycloakLauncher {

    @Override
    public RunningKeycloak start(Map<String, String> environment, Path workDirectory) {
        AlexaImage.requireImage();
        PostgresServer postgres = PostgresServer.start(workDirectory.resolve("postgres"));
        try {
            return new AlexaImage(environment, postgres, "keycloak").alsoClosing(postgres).start();
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }
}
