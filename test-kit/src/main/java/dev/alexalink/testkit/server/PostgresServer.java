package dev.alexalink.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from Debian's packages (apt-get install postgresql), started by the tests in a directory of
 * their own, on a free loopback port, with password authentication. The image tests reach it over the host network;
 * the load benchmark points the assembly at it.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "keycloak";

    public record Database(String jdbcUrl, String user, String password) {}

    private final Path bin;
    private final Path dataDirectory;
    private final int port;
    private final String password = Secrets.random(24);
    private final Path log;

    private PostgresServer(Path bin, Path dataDirectory, int port) {
        this.bin = bin;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.log = dataDirectory.resolveSibling("postgresql.log");
    }

    /** Starts a new cluster in {@code directory}. */
    public static PostgresServer start(Path directory) {
        Path bin = binaries()
                .orElseThrow(
                        () -> new IllegalStateException(
                                "PostgreSQL's server is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql"));
        PostgresServer server =
                new PostgresServer(bin, directory.toAbsolutePath().resolve("data"), KeycloakServer.freePort());
        server.initialize();
        // TCP on loopback only. A Unix socket in the data directory would break on deep checkouts: PostgreSQL refuses
        // socket paths over 107 bytes ("Unix-domain socket path ... is too long") and then does not start at all.
        try {
            server.run(
                    "pg_ctl",
                    "-D",
                    server.dataDirectory.toString(),
                    "-l",
                    server.log.toString(),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    "-p " + server.port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''",
                    "start");
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    e.getMessage() + "\nServer log " + server.log + ":\n" + server.logText(), e);
        }
        return server;
    }

    /** The newest installed server's programs (Debian installs them under /usr/lib/postgresql/VERSION/bin). */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            return versions.filter(version -> version.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(
                            version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> version.resolve("bin"))
                    .filter(candidate -> Files.isExecutable(candidate.resolve("initdb")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void initialize() {
        try {
            Files.createDirectories(dataDirectory);
            Path passwordFile = dataDirectory.resolveSibling("password");
            Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
            if (runningAsRoot()) {
                // PostgreSQL refuses to run as root: its files and processes belong to Debian's 'postgres' user.
                exec(List.of(
                        "chown", "-R", "postgres", dataDirectory.getParent().toString()));
            }
            run(
                    "initdb",
                    "-D",
                    dataDirectory.toString(),
                    "-U",
                    USER,
                    "--pwfile=" + passwordFile,
                    "--auth=scram-sha-256",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log written)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Creates an empty database owned by the Keycloak user. */
    public Database createDatabase(String name) {
        run("createdb", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, name);
        return new Database("jdbc:postgresql://127.0.0.1:" + port + "/" + name, USER, password);
    }

    private void run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--", "env", "PGPASSWORD=" + password));
        } else {
            command.addAll(List.of("env", "PGPASSWORD=" + password));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        exec(command);
    }

    private static void exec(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        "PostgreSQL command failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public void close() {
        run("pg_ctl", "-D", dataDirectory.toString(), "-m", "fast", "-w", "stop");
    }
}
