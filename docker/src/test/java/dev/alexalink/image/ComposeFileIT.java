package dev.alexalink.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.alexalink.testkit.server.Http;
import dev.alexalink.testkit.server.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docker/compose.yaml, as Compose itself reads it ({@code docker compose config}): required settings, start order,
 * persistence; then its Keycloak service, started from the image with exactly the environment, certificate mount and
 * health check Compose resolved, serving HTTPS with a certificate chain the way Alexa requires.
 * <p>
 * What differs from {@code docker compose up}: the database is the tests' PostgreSQL on the host (no PostgreSQL image
 * can be pulled here, and containers reach the host over loopback only), and ports are free host ports.
 */
class ComposeFileIT {

    private static final Path COMPOSE_FILE =
            Path.of(System.getProperty("compose.file", "compose.yaml")).toAbsolutePath();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String HOSTNAME = "localhost";
    private static final Map<String, String> REQUIRED = Map.of(
            "KC_HOSTNAME", HOSTNAME,
            "ALEXA_VENDOR_ID", "M2COMPOSETEST1",
            "ALEXA_CLIENT_SECRET", "ComposeTestSecret0123456789abcdefghijklm",
            "KC_DB_PASSWORD", "compose-test-db-password",
            "KC_BOOTSTRAP_ADMIN_PASSWORD", "compose-test-admin-password");

    private static List<String> compose;

    @BeforeAll
    static void findCompose() {
        compose = runs(List.of("docker", "compose", "version"))
                ? List.of("docker", "compose")
                : runs(List.of("docker-compose", "version")) ? List.of("docker-compose") : null;
        assumeTrue(
                compose != null,
                "Neither 'docker compose' nor 'docker-compose' is installed: docker/compose.yaml is not "
                        + "checked. .ci/install-container-engine installs Debian's docker-compose.");
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(
            strings = {
                "KC_HOSTNAME",
                "ALEXA_VENDOR_ID",
                "ALEXA_CLIENT_SECRET",
                "KC_DB_PASSWORD",
                "KC_BOOTSTRAP_ADMIN_PASSWORD"
            })
    void refusesToStartWithoutARequiredSettingAndNamesIt(String missing, @TempDir Path work) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(REQUIRED);
        settings.remove(missing);

        Result result = config(settings, work);

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("set " + missing + ",");
    }

    @Test
    void startsKeycloakAfterAHealthyPostgresWhoseDataIsOnAVolume(@TempDir Path work) throws Exception {
        JsonNode services = resolved(work).get("services");

        JsonNode postgres = services.get("postgres");
        assertThat(postgres.get("healthcheck").get("test").toString()).contains("pg_isready");
        assertThat(postgres.get("volumes").get(0).asText()).startsWith("postgres-data:/var/lib/postgresql/data");
        JsonNode keycloak = services.get("keycloak");
        assertThat(keycloak.get("depends_on").get("postgres").get("condition").asText())
                .isEqualTo("service_healthy");
        assertThat(keycloak.get("restart").asText()).isEqualTo("unless-stopped");
        assertThat(keycloak.get("build").get("dockerfile").asText()).isEqualTo("docker/Dockerfile");
        assertThat(keycloak.get("ports").toString()).contains("8443");
        assertThat(keycloak.get("environment").get("KC_DB_URL").asText())
                .isEqualTo("jdbc:postgresql://postgres:5432/keycloak");
        assertThat(keycloak.get("environment").has("KC_HTTP_ENABLED"))
                .as("no plain HTTP")
                .isFalse();
    }

    @Test
    void itsKeycloakServesTheFullCertificateChainOverTls12And13AndReportsHealthy() throws Exception {
        // Not a @TempDir: PostgreSQL runs as Debian's postgres user when the tests run as root, and must reach it.
        Path work = Files.createDirectories(
                Path.of(System.getProperty("test.work.dir", "target/it-work"), "compose-" + UUID.randomUUID()));
        Path certificates = work.resolve("certs");
        Result generated = run(
                List.of("bash", resource("test-certificates.sh"), certificates.toString(), HOSTNAME), Map.of(), work);
        assertThat(generated.exitCode()).as(generated.output()).isZero();
        Map<String, String> settings = new LinkedHashMap<>(REQUIRED);
        settings.put("ALEXA_TLS_DIR", certificates.toString());
        JsonNode keycloak = resolved(settings, work).get("services").get("keycloak");

        Map<String, String> environment = new LinkedHashMap<>();
        keycloak.get("environment").fields().forEachRemaining(variable -> {
            if (!variable.getValue().isNull()) {
                environment.put(variable.getKey(), variable.getValue().asText());
            }
        });
        // The one deliberate difference: the tests' database instead of the 'postgres' service.
        environment.keySet().removeIf(name -> name.startsWith("KC_DB_"));
        String[] volume = keycloak.get("volumes").get(0).asText().split(":");
        assertThat(volume[0]).isEqualTo(certificates.toString());

        try (PostgresServer postgres = PostgresServer.start(work.resolve("postgres"));
                AlexaImage image = new AlexaImage(environment, postgres, "compose")
                        .servingHttpsFrom(Path.of(volume[0]), volume[1])
                        .start()) {
            SSLContext trustingOnlyTheRoot = trusting(certificates.resolve("root.pem"));
            int port = URI.create(image.baseUrl()).getPort();

            for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
                try (SSLSocket socket =
                        (SSLSocket) trustingOnlyTheRoot.getSocketFactory().createSocket(HOSTNAME, port)) {
                    socket.setEnabledProtocols(new String[] {protocol});
                    socket.startHandshake();
                    assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
                    Certificate[] chain = socket.getSession().getPeerCertificates();
                    assertThat(chain)
                            .as("server certificate and intermediate, sent by the server")
                            .hasSize(2);
                }
            }

            HttpResponse<String> discovery = Http.builder()
                    .sslContext(trustingOnlyTheRoot)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            image.baseUrl() + "/realms/alexa/.well-known/openid-configuration"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(YAML.readTree(discovery.body()).get("token_endpoint").asText())
                    .startsWith("https://" + HOSTNAME)
                    .endsWith("/realms/alexa/protocol/openid-connect/token");

            List<String> healthCheck = new ArrayList<>();
            keycloak.get("healthcheck")
                    .get("test")
                    .forEach(part -> healthCheck.add(part.asText()
                            .replace("/dev/tcp/127.0.0.1/9000", "/dev/tcp/127.0.0.1/" + image.managementPort())));
            assertThat(healthCheck.remove(0)).isEqualTo("CMD");
            var health = image.container().execInContainer(healthCheck.toArray(String[]::new));
            assertThat(health.getExitCode())
                    .as("Compose's health check: " + health.getStdout() + health.getStderr())
                    .isZero();
        }
    }

    private static JsonNode resolved(Path work) throws Exception {
        return resolved(REQUIRED, work);
    }

    private static JsonNode resolved(Map<String, String> settings, Path work) throws Exception {
        Result result = config(settings, work);
        assertThat(result.exitCode()).as(result.output()).isZero();
        return YAML.readTree(result.output());
    }

    /** {@code compose config}: Compose validates the file and prints it with every variable resolved. */
    private static Result config(Map<String, String> settings, Path work) throws Exception {
        Path noEnvFile = Files.writeString(work.resolve("empty.env"), "");
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("--env-file", noEnvFile.toString(), "-f", COMPOSE_FILE.toString(), "config"));
        return run(command, settings, work);
    }

    private record Result(int exitCode, String output) {}

    /** Runs a command with only PATH, HOME and the given variables (nothing from the developer's shell leaks in). */
    private static Result run(List<String> command, Map<String, String> variables, Path work)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().retainAll(List.of("PATH", "HOME"));
        environment.putAll(variables);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new Result(process.exitValue(), output);
    }

    private static boolean runs(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException | InterruptedException notThere) {
            return false;
        }
    }

    private static String resource(String name) throws Exception {
        return Path.of(ComposeFileIT.class.getClassLoader().getResource(name).toURI())
                .toString();
    }

    private static SSLContext trusting(Path rootCertificate) throws Exception {
        KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
        trustStore.load(null, null);
        try (InputStream pem = Files.newInputStream(rootCertificate)) {
            trustStore.setCertificateEntry(
                    "root", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
