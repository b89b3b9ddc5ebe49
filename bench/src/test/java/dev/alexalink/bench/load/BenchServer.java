package dev.alexalink.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alexalink.testkit.server.Database;
import dev.alexalink.testkit.server.KeycloakServer;
import dev.alexalink.testkit.server.Secrets;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The server under load: a copy of the assembly (the same Keycloak, JARs, theme and realm as the run command, the tests
 * and the image) started in production mode, on PostgreSQL from Debian's packages or on H2 for the smoke run. A copy,
 * because production mode rebuilds the distribution for its database, and the run command's assembly must stay as it is.
 */
public final class BenchServer implements AutoCloseable {

    public static final String REALM = "alexa";
    public static final String VENDOR_ID = "M2BENCHVENDOR1";

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
        return start(plan.out(), plan.database(), plan.profile());
    }

    /**
     * @param database {@code postgres} or {@code dev-file}
     * @param profile  records the server with Java Flight Recorder into {@code out/keycloak.jfr}
     */
    public static BenchServer start(Path out, String database, boolean profile) {
        out = out.toAbsolutePath();
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
        if (profile) {
            builder.env(
                    "JAVA_OPTS_APPEND",
                    "-XX:StartFlightRecording=filename=" + out.resolve("keycloak.jfr")
                            + ",settings=profile,dumponexit=true");
        }
        Database store = database.equals("postgres")
                ? Database.postgres(out.resolve("postgres"))
                : Database.h2(out.resolve("h2"));
        KeycloakServer keycloak = store.configure(builder).build();
        System.out.println("Starting " + String.join(" ", keycloak.command()));
        try {
            keycloak.start(Duration.ofMinutes(5));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new BenchServer(keycloak, store, secret);
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

    /**
     * The comparison means something only if the Alexa policy governs the Alexa client and not the control: asks our
     * admin API which clients it treats as Alexa skills.
     */
    public void confirmOnlyAlexaIsGoverned(ClientUnderTest alexa, ClientUnderTest control)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/admin/realms/" + BenchServer.REALM + "/alexa/skills"))
                .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
                .GET()
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        List<String> skills = new ArrayList<>();
        new ObjectMapper()
                .readTree(response.body())
                .forEach(skill -> skills.add(skill.path("clientId").asText()));
        if (response.statusCode() != 200 || !skills.contains(alexa.clientId()) || skills.contains(control.clientId())) {
            throw new IllegalStateException(
                    "Expected the Alexa policy to govern " + alexa.clientId() + " and not " + control.clientId()
                            + "; GET …/alexa/skills answered HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    /** Cores, CPU model, memory and OS of this machine. */
    public static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .orElse(cpu);
        } catch (IOException ignored) {
            // Not Linux: the CPU model is left out.
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(
                Locale.ROOT,
                "%d cores (%s), %.0f GiB, %s %s",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                memory / (1024.0 * 1024 * 1024),
                System.getProperty("os.name"),
                System.getProperty("os.version"));
    }

    public String keycloakVersion() {
        try {
            return Files.readString(keycloak.home().resolve("version.txt"))
                    .trim()
                    .replace("Keycloak - ", "")
                    .replace("Version ", "");
        } catch (IOException e) {
            return "(version.txt unreadable)";
        }
    }

    public String baseUrl() {
        return keycloak.baseUrl();
    }

    public RealmResource realm() {
        return admin.realm(REALM);
    }

    public Keycloak admin() {
        return admin;
    }

    public String alexaSecret() {
        return alexaSecret;
    }

    public String databaseDescription() {
        return database.description() + (database.isPostgres() ? ", same machine" : " (dev-file)");
    }

    public KeycloakServer keycloak() {
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
