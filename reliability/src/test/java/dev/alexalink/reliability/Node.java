package dev.alexalink.reliability;

import dev.alexalink.testkit.server.KeycloakServer;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One Keycloak node of a {@link Deployment}, started, stopped and crashed as often as a suite needs. It keeps its
 * ports across restarts, as a deployment keeps its address: tokens name their issuer, and Keycloak refuses a refresh
 * token whose issuer is not the URL it was sent to.
 */
final class Node implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final String name;
    private final Deployment deployment;
    private final Path home;
    private final List<String> options;
    private final int httpPort;
    private final int managementPort = KeycloakServer.freePort();
    private final int jgroupsPort = Deployment.jgroupsPort();
    private KeycloakServer server;
    private int starts;

    Node(String name, Deployment deployment, Path home, int httpPort, List<String> options) {
        this.name = name;
        this.httpPort = httpPort;
        this.deployment = deployment;
        this.home = home;
        this.options = List.copyOf(options);
    }

    Node start() {
        if (server != null && server.isRunning()) {
            throw new IllegalStateException(name + " is already running");
        }
        server = deployment.builder(this, ++starts).build();
        server.start(START_TIMEOUT);
        return this;
    }

    /** SIGTERM, as an orderly restart or a container stop does. */
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** SIGKILL to the Java process: a crash. Returns the pids killed. */
    List<Long> crash() {
        return server.kill().stream().map(ProcessHandle::pid).toList();
    }

    boolean isRunning() {
        return server != null && server.isRunning();
    }

    String name() {
        return name;
    }

    Path home() {
        return home;
    }

    List<String> options() {
        return options;
    }

    int httpPort() {
        return httpPort;
    }

    int managementPort() {
        return managementPort;
    }

    int jgroupsPort() {
        return jgroupsPort;
    }

    String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    String realmUrl() {
        return baseUrl() + "/realms/alexa";
    }

    /** This start's log. */
    String logText() {
        return server == null ? "" : server.logText();
    }

    /** An admin client for this node (close it after use). */
    Keycloak admin() {
        return Keycloak.getInstance(
                baseUrl(), "master", KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD, "admin-cli");
    }

    static RealmResource realm(Keycloak admin) {
        return admin.realm("alexa");
    }

    @Override
    public void close() {
        stop();
    }
}
