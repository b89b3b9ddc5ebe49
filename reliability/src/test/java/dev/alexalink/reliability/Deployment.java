package dev.alexalink.reliability;

import dev.alexalink.testkit.server.Database;
import dev.alexalink.testkit.server.KeycloakServer;
import dev.alexalink.testkit.server.Secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the durability, crash, cluster and concurrency suites run against: the assembly's Keycloak nodes with one
 * database, either in production mode ({@code kc.sh start}, as the image runs) on PostgreSQL from Debian's packages,
 * each node on its own copy of the assembly (production mode rebuilds the distribution for its database, and the shared
 * assembly must stay as the other tests use it), or {@code start-dev} on an H2 file. Closing it stops every node and
 * the database, whatever state the test left them in.
 */
final class Deployment implements AutoCloseable {

    static final String VENDOR_ID = "M2TESTVENDOR01";

    private final Path work;
    private final Database database;
    private final String clientSecret = Secrets.random(40);
    private final List<Node> nodes = new ArrayList<>();

    private Deployment(Path work, Database database) {
        this.work = work;
        this.database = database;
    }

    /** A new PostgreSQL server with an empty database, for production-mode nodes. */
    static Deployment onPostgres(String name) {
        Path work = workDirectory(name);
        return new Deployment(work, Database.postgres(work.resolve("postgres")));
    }

    /** An H2 file database in a directory of its own, for start-dev nodes on the shared assembly. */
    static Deployment onH2(String name) {
        Path work = workDirectory(name);
        return new Deployment(work, Database.h2(work.resolve("h2")));
    }

    private static Path workDirectory(String name) {
        Path work = Path.of(
                        System.getProperty("test.work.dir", "target/it-work"), name + "-" + System.currentTimeMillis())
                .toAbsolutePath();
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return work;
    }

    String clientSecret() {
        return clientSecret;
    }

    String databaseDescription() {
        return database.description()
                + (database.isPostgres() ? ", production mode (kc.sh start)" : ", development mode (kc.sh start-dev)");
    }

    /** A node listening on {@code httpPort} (and a free management port); {@code options} are further kc.sh options (e.g. clustering). Not started yet. */
    Node node(String name, int httpPort, List<String> options) {
        Path home;
        if (database.isPostgres()) {
            home = work.resolve(name + "-keycloak");
            KeycloakServer.copyAssembly(KeycloakServer.assemblyHome(), home);
        } else {
            home = KeycloakServer.assemblyHome();
        }
        Node node = new Node(name, this, home, httpPort, options);
        nodes.add(node);
        return node;
    }

    Node node(String name) {
        return node(name, KeycloakServer.freePort(), List.of());
    }

    /** The builder of one start of a node: same ports, database, secrets and options every time. */
    KeycloakServer.Builder builder(Node node, int start) {
        KeycloakServer.Builder builder = KeycloakServer.builder()
                .home(node.home())
                .httpPort(node.httpPort())
                .managementPort(node.managementPort())
                .importRealm()
                .env("ALEXA_VENDOR_ID", VENDOR_ID)
                .env("ALEXA_CLIENT_SECRET", clientSecret)
                .log(work.resolve(node.name() + "-start-" + start + ".log"));
        node.options().forEach(builder::option);
        database.configure(builder);
        if (database.isPostgres()) {
            builder.production();
            if (node.options().stream().noneMatch(option -> option.startsWith("--cache-embedded-network-bind-"))) {
                // Production mode clusters by default (JGroups on a site-local address, port 7800): keep even a
                // single node on loopback and off the ports of other servers on this machine.
                builder.option("--cache-embedded-network-bind-address=127.0.0.1")
                        .option("--cache-embedded-network-bind-port=" + node.jgroupsPort());
            }
            if (start > 1) {
                // As the image runs it: the first start built the distribution for these options.
                builder.option("--optimized");
            }
        }
        return builder;
    }

    /**
     * A free port for JGroups' TCP transport. Low on purpose: its failure detection (FD_SOCK2) listens on the
     * transport's port plus 50000, which must be a port too and free.
     */
    static int jgroupsPort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(10000, 15000);
            if (free(port) && free(port + 50000)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair for JGroups between 10000 and 15000 (and +50000)");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (Node node : nodes) {
            try {
                node.close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        database.close();
        if (failure != null) {
            throw failure;
        }
    }
}
