package dev.alexalink.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the assembly (realm-config/target/keycloak: the Keycloak distribution with our JARs, theme and realm) as a
 * real server process, the way an admin runs {@code kc.sh start-dev --import-realm}. Used by the run command and by
 * every integration test, so both exercise exactly the same thing.
 */
public final class KeycloakServer implements RunningKeycloak {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    public static final String FEATURES = "declarative-ui";

    private final Path home;
    private final int httpPort;
    private final int managementPort;
    private final Map<String, String> environment;
    private final List<String> extraArguments;
    private final Path log;
    private final boolean production;
    private Process process;

    private KeycloakServer(Builder builder) {
        this.home = builder.home;
        this.httpPort = builder.httpPort;
        this.managementPort = builder.managementPort;
        this.environment = builder.environment;
        this.extraArguments = builder.extraArguments;
        this.log = builder.log;
        this.production = builder.production;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A test server of the assembly in its own directory {@code work}: free ports, its own H2 database and log. The
     * caller adds the realm import and the environment.
     */
    public static Builder testServer(Path work) {
        return builder()
                .home(assemblyHome())
                .httpPort(freePort())
                .managementPort(freePort())
                .databaseIn(work.resolve("db"))
                .log(work.resolve("keycloak.log"));
    }

    /** The assembly to start: the system property keycloak.home, set by the Maven build. */
    public static Path assemblyHome() {
        String home = System.getProperty("keycloak.home");
        if (home == null || !Files.isExecutable(Path.of(home, "bin", "kc.sh"))) {
            throw new IllegalStateException("No Keycloak assembly at keycloak.home=" + home
                    + "; build it first with 'mvn package' (it is realm-config/target/keycloak)");
        }
        return Path.of(home);
    }

    /**
     * Copies the distribution with our providers, theme and realm, without the run command's data (its H2 database),
     * for servers that must not share the assembly: production mode rebuilds it.
     */
    public static void copyAssembly(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(source);
                if (relative.startsWith("data")
                        && relative.getNameCount() > 1
                        && !relative.startsWith(Path.of("data", "import"))) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A port nobody listens on, below the kernel's ephemeral range (32768 and up on Linux). A port the kernel hands
     * out for {@code new ServerSocket(0)} is ephemeral too, so between our check and Keycloak's bind an outgoing
     * connection (to PostgreSQL, to another node) may take it, and the server dies with "Address already in use".
     * JGroups' own range (10000 to 15000) is left to {@code Deployment.jgroupsPort}; ports given out in this JVM are
     * never given out again.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FREE_PORT_LOW, FREE_PORT_HIGH);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FREE_PORT_LOW + " and " + FREE_PORT_HIGH);
    }

    private static final int FREE_PORT_LOW = 15000;
    private static final int FREE_PORT_HIGH = 32000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    @Override
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    @Override
    public String managementBaseUrl() {
        return "http://localhost:" + managementPort;
    }

    public Path home() {
        return home;
    }

    public Path log() {
        return log;
    }

    public List<String> command() {
        // declarative-ui (experimental) lets the admin console show our "Alexa skills" page.
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(),
                production ? "start" : "start-dev",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--health-enabled=true",
                "--metrics-enabled=true",
                "--features=" + FEATURES));
        if (production) {
            // Production mode (theme and realm caches on), reached over plain HTTP on this machine only.
            command.addAll(List.of("--http-enabled=true", "--hostname-strict=false"));
        }
        command.addAll(extraArguments);
        return command;
    }

    /** Starts the server and waits until it is ready; fails with the log's tail if it exits or takes too long. */
    public KeycloakServer start(Duration timeout) {
        launch();
        awaitReady(timeout);
        return this;
    }

    /** Runs the server until it exits by itself (for start-ups that must fail); returns its exit code. */
    public int runToExit(Duration timeout) throws InterruptedException {
        launch();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IllegalStateException("Keycloak did not exit within " + timeout + "; log: " + log);
        }
        return process.exitValue();
    }

    private void launch() {
        ProcessBuilder builder =
                new ProcessBuilder(command()).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().putIfAbsent("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            if (log == null) {
                builder.inheritIO();
            } else {
                Files.createDirectories(log.getParent());
                builder.redirectOutput(log.toFile());
            }
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        try {
            Readiness.await(
                    managementPort,
                    timeout,
                    process::isAlive,
                    () -> (process.isAlive() ? "" : "exit code " + process.exitValue() + "\n") + logTail());
        } catch (IllegalStateException notReady) {
            close();
            throw notReady;
        }
    }

    @Override
    public String logText() {
        try {
            return log == null ? "" : Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        String text = logText();
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Waits for the process (used by the run command, which keeps the server in the foreground). */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Stops the server as Ctrl-C would (SIGTERM, which kc.sh forwards), then forcibly if it hangs. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** The Java processes of the server: kc.sh's child, or kc.sh itself once it has exec'ed Java. */
    public List<ProcessHandle> javaProcesses() {
        if (process == null || !process.isAlive()) {
            return List.of();
        }
        List<ProcessHandle> javas = new ArrayList<>(process.descendants()
                .filter(child -> child.info()
                        .command()
                        .map(command -> command.endsWith("/java"))
                        .orElse(false))
                .toList());
        if (process.info().command().map(command -> command.endsWith("/java")).orElse(false)) {
            javas.add(process.toHandle());
        }
        return javas;
    }

    /**
     * Crashes the server: SIGKILL to the Java process itself (kc.sh runs it as its child, or execs it after a
     * re-augmentation), so Keycloak gets no chance to shut down; then kc.sh. Returns the Java processes killed.
     */
    public List<ProcessHandle> kill() {
        if (process == null || !process.isAlive()) {
            return List.of();
        }
        List<ProcessHandle> javas = javaProcesses();
        javas.forEach(ProcessHandle::destroyForcibly);
        try {
            for (ProcessHandle java : javas) {
                java.onExit().get(30, TimeUnit.SECONDS);
            }
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Keycloak's Java process did not die of SIGKILL: " + javas, e);
        }
        return javas;
    }

    public static final class Builder {
        private Path home = null;
        private int httpPort = 8080;
        private int managementPort = 9000;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> extraArguments = new ArrayList<>();
        private Path log;
        private boolean production;

        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        public Builder managementPort(int port) {
            this.managementPort = port;
            return this;
        }

        /** Sets a variable for the server; null removes one inherited from this JVM's environment. */
        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Imports the assembly's realm directory (data/import), as the run command and the image do. */
        public Builder importRealm() {
            extraArguments.add("--import-realm");
            return this;
        }

        /** Imports the realm files of another directory instead (used to import deliberately broken realms). */
        public Builder importFrom(Path directory) {
            environment.put("JAVA_OPTS_APPEND", "-Dkeycloak.migration.dir=" + directory.toAbsolutePath());
            return this;
        }

        /** Keeps the H2 database in its own directory, so that test servers never share state with the run command. */
        public Builder databaseIn(Path directory) {
            extraArguments.add("--db-url=jdbc:h2:file:"
                    + directory.toAbsolutePath().resolve("keycloakdb") + ";NON_KEYWORDS=VALUE");
            return this;
        }

        /** {@code kc.sh start} instead of {@code start-dev}, as the load benchmark measures Keycloak in production. */
        public Builder production() {
            this.production = true;
            return this;
        }

        /** Stores everything in a PostgreSQL database instead of the dev-mode H2 file. */
        public Builder postgres(PostgresServer.Database database) {
            extraArguments.addAll(List.of("--db=postgres", "--db-url=" + database.jdbcUrl()));
            environment.put("KC_DB_USERNAME", database.user());
            environment.put("KC_DB_PASSWORD", database.password());
            return this;
        }

        /**
         * Serves HTTPS too, on the given port, with a PEM certificate file (the certificate and any intermediates, in
         * order) and its key; protocols such as "TLSv1.3" restrict the TLS versions (null: Keycloak's default). The
         * management interface stays plain HTTP, where readiness is polled.
         */
        public Builder https(int port, Path certificateFile, Path keyFile, String protocols) {
            extraArguments.addAll(List.of(
                    "--https-port=" + port,
                    "--https-certificate-file=" + certificateFile.toAbsolutePath(),
                    "--https-certificate-key-file=" + keyFile.toAbsolutePath(),
                    "--http-management-scheme=http"));
            if (protocols != null) {
                extraArguments.add("--https-protocols=" + protocols);
            }
            return this;
        }

        /** A further option of kc.sh, e.g. {@code --cache-embedded-network-bind-port=7801}. */
        public Builder option(String option) {
            extraArguments.add(option);
            return this;
        }

        public Builder log(Path log) {
            this.log = log;
            return this;
        }

        public KeycloakServer build() {
            return new KeycloakServer(this);
        }
    }
}
