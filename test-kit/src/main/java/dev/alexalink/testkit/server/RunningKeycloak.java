package dev.alexalink.testkit.server;

/** A Keycloak under test, however it was started: the assembly as a process, or the Docker image as a container. */
public interface RunningKeycloak extends AutoCloseable {

    /** Where browsers and Alexa reach it, e.g. http://localhost:8123 (no trailing slash). */
    String baseUrl();

    /** The management interface (health, /metrics), e.g. http://localhost:9123 (no trailing slash). */
    String managementBaseUrl();

    default String realmUrl(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    /** Everything the server has logged so far. */
    String logText();

    @Override
    void close();
}
