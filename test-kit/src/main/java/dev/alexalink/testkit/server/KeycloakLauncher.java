package dev.alexalink.testkit.server;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the Keycloak that the shared integration tests run against, with the realm of realm-config imported. By
 * default that is the assembly, as a process; a module that provides another launcher through
 * {@code META-INF/services} (the Docker image tests do) runs the very same tests against what it starts.
 */
public interface KeycloakLauncher {

    /**
     * @param environment variables for the server, on top of the admin bootstrap
     * @param workDirectory a fresh directory for the server's database and log
     */
    RunningKeycloak start(Map<String, String> environment, Path workDirectory);
}
