package dev.alexalink.bench.load;

import dev.alexalink.testkit.server.Database;
import dev.alexalink.testkit.server.KeycloakServer;
import dev.alexalink.testkit.server.Secrets;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The server under load: a copy of the assembly (the same Keycloak, JARs, theme and realm as the run command, the tests
 * and the image) started in production mode, on PostgreSQL from Debian's packages or on H2 for the smoke run. A copy,
 * because production mode rebuilds the distribution for its database, and the run command's assembly must stay as it is.
 */
final class BenchServer implements AutoCloseable {

    static final String REALM = "alexa";
    static final String VENDOR_ID = "M2BENCHVENDOR1";

    private final KeycloakServer keycloak;
    private final Database database;
    private final Keycloak admin;
    private final String alexaSecret;
    private boolean closed;

    private BenchServer(KeycloakServer keycloak, Database database, String alexaSecret) {
        this.keycloak = keycloak;
        this.database = database;
        this.alexaSecret = alexaSecret;
        this.admin = Keycloak.getInstance(
                keycloak.baseUrl(), "master", KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD, "admin-cli");
    }

    static BenchServer start(LoadPlan plan) {
        Path out = plan.out().toAbsolutePath();
        Path home = out.resolve("keycloak");
        // What an earlier run left: its server, database, Gatling reports and prepared sessions.
        for (String previous : new String[] {"keycloak", "postgres", "h2", "gatling", "feeds", "keycloak.jfr"}) {
            delete(out.resolve(previous));
        }
        KeycloakServer.copyAssembly(KeycloakServer.assemblyHome(), home);
        String secret = Secrets.random(40);
        KeycloakServer.Builder builder = KeycloakServer.builder()
                .home(home)
                .httpPort(KeycloakServer.freePort())
                .managementPort(KeycloakServer.freePort())
                .production()
                .importRealm()
                .env("ALEXA_VENDOR_ID", VENDOR_ID)
                .env("ALEXA_CLIENT_SECRET", secret)
                .log(out.resolve("keycloak.log"));
        if (plan.profile()) {
            builder.env(
                    "JAVA_OPTS_APPEND",
                    "-XX:StartFlightRecording=filename=" + out.resolve("keycloak.jfr")
                            + ",settings=profile,dumponexit=true");
        }
        Database database = plan.database().equals("postgres")
                ? Database.postgres(out.resolve("postgres"))
                : Database.h2(out.resolve("h2"));
        KeycloakServer keycloak = database.configure(builder).build();
        System.out.println("Starting " + String.join(" ", keycloak.command()));
        try {
            keycloak.start(Duration.ofMinutes(5));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new BenchServer(keycloak, database, secret);
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return keycloak.baseUrl();
    }

    RealmResource realm() {
        return admin.realm(REALM);
    }

    Keycloak admin() {
        return admin;
    }

    String alexaSecret() {
        return alexaSecret;
    }

    String databaseDescription() {
        return database.description() + (database.isPostgres() ? ", same machine" : " (dev-file)");
    }

    KeycloakServer keycloak() {
        return keycloak;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        admin.close();
        keycloak.close();
        database.close();
    }
}
