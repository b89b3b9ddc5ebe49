package dev.alexalink.image;

import com.github.dockerjava.api.exception.NotFoundException;
import dasniko.testcontainers.keycloak.KeycloakContainer;
import dev.alexalink.testkit.server.KeycloakServer;
import dev.alexalink.testkit.server.PostgresServer;
import dev.alexalink.testkit.server.Readiness;
import dev.alexalink.testkit.server.RunningKeycloak;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.images.PullPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our Docker image, run as an operator runs it: {@code start --optimized --import-realm} (the image's own command,
 * which testcontainers-keycloak passes in production mode with the optimized flag) on PostgreSQL, behind a
 * TLS-terminating proxy (so plain HTTP inside), with a fixed hostname.
 * <p>
 * The container shares the host's network: the database is a PostgreSQL server on the host's loopback, which a
 * bridged container could only reach through a private-range gateway address. Ports are therefore chosen free on the
 * host and passed as Keycloak options instead of being mapped.
 */
public final class AlexaImage implements RunningKeycloak {

    public static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Map<String, String> environment;
    private final PostgresServer postgres;
    private final PostgresServer.Database database;
    private final int httpPort = KeycloakServer.freePort();
    private final int managementPort = KeycloakServer.freePort();
    private final int clusterPort = KeycloakServer.freePort();
    private final StringBuilder earlierLogs = new StringBuilder();
    private final List<AutoCloseable> closedAfterwards = new ArrayList<>();
    private Path certificateDirectory;
    private String certificateMount;
    private KeycloakContainer container;

    /** The image with these variables, on a new database of its own on {@code postgres}. */
    public AlexaImage(Map<String, String> environment, PostgresServer postgres, String databaseName) {
        this.environment = new LinkedHashMap<>(environment);
        this.postgres = postgres;
        this.database = postgres.createDatabase(databaseName);
    }

    /** Closes {@code resource} (a database server, say) when this container is closed. */
    public AlexaImage alsoClosing(AutoCloseable resource) {
        closedAfterwards.add(resource);
        return this;
    }

    /**
     * Keycloak serves HTTPS itself, with the PEM files of {@code directory} mounted read-only at {@code mountPoint}
     * (the environment names them, as docker/compose.yaml does), instead of plain HTTP behind a proxy.
     */
    public AlexaImage servingHttpsFrom(Path directory, String mountPoint) {
        this.certificateDirectory = directory;
        this.certificateMount = mountPoint;
        return this;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The tag that docker/build-image.sh built for this test run (system property alexa.image). */
    public static String imageName() {
        return System.getProperty("alexa.image", "localhost/alexa-keycloak:dev");
    }

    /**
     * Fails when a container engine answers but the image was not built: that is a broken build, not a missing
     * prerequisite (those skip the tests: {@link ImagePrerequisites}).
     */
    public static void requireImage() {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(imageName()).exec();
        } catch (NotFoundException e) {
            throw new IllegalStateException(
                    "Image " + imageName() + " does not exist although a container engine answers: "
                            + "docker/build-image.sh builds it (mvn verify runs it before these tests); see its output");
        }
    }

    /** Creates the container and waits until Keycloak reports ready. */
    public AlexaImage start() {
        container = newContainer();
        container.start();
        return this;
    }

    /** Starts the container without waiting for readiness, for start-ups that must fail. */
    public AlexaImage launch() {
        container = newContainer().waitingFor(new AbstractWaitStrategy() {
            @Override
            protected void waitUntilReady() {}
        });
        container.start();
        return this;
    }

    /**
     * What {@code docker stop} and a Kubernetes pod deletion do: SIGTERM, then the container is gone. A new container
     * from the same image then starts on the same database.
     */
    public AlexaImage restart() {
        stopGracefully();
        return start();
    }

    /** Waits for the container to exit by itself; returns its exit code. */
    public long awaitExit(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            var state = DockerClientFactory.instance()
                    .client()
                    .inspectContainerCmd(container.getContainerId())
                    .exec()
                    .getState();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                return state.getExitCodeLong();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("container still running after " + timeout + ":\n" + logText());
    }

    public KeycloakContainer container() {
        return container;
    }

    public int managementPort() {
        return managementPort;
    }

    @Override
    public String managementBaseUrl() {
        return "http://localhost:" + managementPort;
    }

    @Override
    public String baseUrl() {
        return (certificateDirectory == null ? "http" : "https") + "://localhost:" + httpPort;
    }

    @Override
    public String logText() {
        return earlierLogs + (container == null || container.getContainerId() == null ? "" : container.getLogs());
    }

    @Override
    public void close() {
        stopGracefully();
        for (AutoCloseable resource : closedAfterwards) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + resource, e);
            }
        }
    }

    private void stopGracefully() {
        if (container == null || container.getContainerId() == null) {
            return;
        }
        try {
            DockerClientFactory.instance()
                    .client()
                    .stopContainerCmd(container.getContainerId())
                    .withTimeout(30)
                    .exec();
        } catch (RuntimeException alreadyStopped) {
            // exited by itself: nothing to stop
        }
        earlierLogs.append(container.getLogs());
        container.stop();
        container = null;
    }

    private KeycloakContainer newContainer() {
        KeycloakContainer keycloak = new KeycloakContainer(imageName())
                .withProductionMode()
                .withOptimizedFlag()
                .withImagePullPolicy(PullPolicy.defaultPolicy())
                .withNetworkMode("host")
                .withEnv("KC_DB_URL", database.jdbcUrl())
                .withEnv("KC_DB_USERNAME", database.user())
                .withEnv("KC_DB_PASSWORD", database.password())
                .withEnv("KC_HTTP_MANAGEMENT_PORT", String.valueOf(managementPort))
                .withEnv("KC_CACHE_EMBEDDED_NETWORK_BIND_ADDRESS", "127.0.0.1")
                .withEnv("KC_CACHE_EMBEDDED_NETWORK_BIND_PORT", String.valueOf(clusterPort));
        if (certificateDirectory == null) {
            keycloak.withEnv("KC_HOSTNAME", baseUrl())
                    .withEnv("KC_HTTP_ENABLED", "true")
                    .withEnv("KC_PROXY_HEADERS", "xforwarded")
                    .withEnv("KC_HTTP_PORT", String.valueOf(httpPort));
        } else {
            keycloak.withEnv("KC_HTTPS_PORT", String.valueOf(httpPort))
                    .withFileSystemBind(
                            certificateDirectory.toAbsolutePath().toString(), certificateMount, BindMode.READ_ONLY);
        }
        keycloak.withEnv(environment).waitingFor(new ReadyOnHostPort(managementPort));
        keycloak.setExposedPorts(List.of());
        return keycloak;
    }

    /** Keycloak's readiness endpoint on the host's port (host network: nothing to map). */
    private static final class ReadyOnHostPort extends AbstractWaitStrategy {
        private final int port;

        ReadyOnHostPort(int port) {
            this.port = port;
            withStartupTimeout(START_TIMEOUT);
        }

        @Override
        protected void waitUntilReady() {
            Readiness.await(port, startupTimeout, waitStrategyTarget::isRunning, waitStrategyTarget::getLogs);
        }
    }
}
