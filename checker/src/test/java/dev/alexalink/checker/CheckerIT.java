package dev.alexalink.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.testkit.server.KeycloakServer;
import dev.alexalink.testkit.server.Secrets;
import dev.alexalink.testkit.server.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker's jar against our real Keycloak on this machine: over plain HTTP, and over Keycloak's own HTTPS with a
 * locally made CA (root -> intermediate -> localhost) served with the full chain, with the intermediate missing, and
 * TLS 1.3 only. One server is started and restarted with each certificate setup. HTTPS uses port 443 when this process
 * may bind it (CI runs as root), else a free port, and says so; the port check then fails, as it should.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckerIT {

    private static final String REALM = "alexa";
    private static final String CLIENT_ID = "alexa-skill";
    private static final String VENDOR_ID = "M2CHECKERTEST1";
    private static final String CLIENT_SECRET = Secrets.random(40);
    private static final String PASSWORD = "Checker-Horse-9";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path work;
    private Path samples;
    private TestCertificates pki;
    private int httpPort;
    private int managementPort;
    private int httpsPort;
    private String portNote;
    private KeycloakServer server;
    private String serving;
    private String username;

    @BeforeAll
    void startServer() throws IOException {
        work = Path.of(System.getProperty("test.work.dir", "target/it-work"), "checker-" + UUID.randomUUID());
        samples = Path.of(System.getProperty("checker.samples", "target/self-check-samples"));
        Files.createDirectories(samples);
        pki = TestCertificates.create(work.resolve("pki"));
        pki.server("localhost", 365, "DNS:localhost", "IP:127.0.0.1");
        httpPort = KeycloakServer.freePort();
        managementPort = KeycloakServer.freePort();
        httpsPort = port443OrFree();
        System.out.println("CheckerIT: HTTPS " + portNote);
        serve("full chain", pki.file("localhost-fullchain.pem"), null);
        try (Keycloak admin = admin()) {
            username = "checker-" + UUID.randomUUID().toString().substring(0, 8);
            Users.create(admin.realm(REALM), username, PASSWORD, "Test", "Checker");
        }
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void plainHttpFailsOnlyTheHttpsChecksAndLinksInAllThreeRegions() throws Exception {
        Run run = check("plain-http", "http://localhost:" + httpPort + "/realms/" + REALM);

        assertThat(run.exitCode).as(run.text).isEqualTo(1);
        assertThat(run.outcome("HTTPS on port 443")).isEqualTo("FAIL");
        assertThat(run.check("HTTPS on port 443").path("fix").asText()).contains("--https-port=443");
        assertThat(run.outcome("certificate")).isEqualTo("SKIP");
        assertThat(run.outcome("certificate chain")).isEqualTo("SKIP");
        assertThat(run.outcome("TLS 1.2 with Amazon's cipher suites")).isEqualTo("SKIP");
        assertEndpointsAndLinksPass(run);
        assertThat(run.failed()).containsExactly("HTTPS on port 443");
    }

    @Test
    @Order(2)
    void fullChainPassesEveryTlsCheck() throws Exception {
        serve("full chain", pki.file("localhost-fullchain.pem"), null);
        Run run = check("full-chain", httpsIssuer());

        assertThat(run.outcome("certificate")).as(run.text).isEqualTo("PASS");
        assertThat(run.check("certificate chain").path("detail").asText())
                .contains("sent 2 certificates", TestCertificates.INTERMEDIATE_CN);
        assertThat(run.outcome("certificate chain")).isEqualTo("PASS");
        assertThat(run.outcome("TLS 1.2 with Amazon's cipher suites")).isEqualTo("PASS");
        assertThat(run.check("TLS 1.2 with Amazon's cipher suites")
                        .path("detail")
                        .asText())
                .contains("negotiated TLS_ECDHE_RSA_WITH_AES_");
        assertEndpointsAndLinksPass(run);
        if (httpsPort == 443) {
            assertThat(run.outcome("HTTPS on port 443")).isEqualTo("PASS");
            assertThat(run.exitCode).as(run.text).isZero();
            assertThat(run.outcome("realm settings")).isEqualTo("SKIP");
            assertThat(run.check("realm settings").path("detail").asText())
                    .contains("GET https://localhost/admin/realms/" + REALM + "/alexa/diagnostics");
        } else {
            assertThat(run.check("HTTPS on port 443").path("detail").asText()).contains("port " + httpsPort);
            assertThat(run.failed()).containsExactly("HTTPS on port 443");
        }
    }

    @Test
    @Order(3)
    void aMissingIntermediateFailsTheChainAndNamesTheFix() throws Exception {
        serve("missing intermediate", pki.file("localhost.pem"), null);
        Run run = check("missing-intermediate", httpsIssuer());

        assertThat(run.exitCode).as(run.text).isEqualTo(1);
        assertThat(run.outcome("certificate")).isEqualTo("PASS");
        assertThat(run.outcome("certificate chain")).isEqualTo("FAIL");
        assertThat(run.check("certificate chain").path("detail").asText())
                .contains(
                        "the server sent 1 certificate",
                        "CN=" + TestCertificates.INTERMEDIATE_CN,
                        "neither among them nor a trust anchor");
        assertThat(run.check("certificate chain").path("fix").asText()).contains("fullchain.pem, not cert.pem");
        assertThat(run.outcome("TLS 1.2 with Amazon's cipher suites")).isEqualTo("PASS");
        assertThat(run.outcome("discovery document")).isEqualTo("SKIP");
        assertThat(run.check("discovery document").path("detail").asText()).contains("see 'certificate chain'");
    }

    @Test
    @Order(4)
    void aTls13OnlyServerFailsTheTls12CheckAndNamesTheFix() throws Exception {
        serve("TLS 1.3 only", pki.file("localhost-fullchain.pem"), "TLSv1.3");
        Run run = check("tls13-only", httpsIssuer());

        assertThat(run.exitCode).as(run.text).isEqualTo(1);
        assertThat(run.outcome("certificate")).isEqualTo("PASS");
        assertThat(run.outcome("certificate chain")).isEqualTo("PASS");
        assertThat(run.outcome("TLS 1.2 with Amazon's cipher suites")).isEqualTo("FAIL");
        assertThat(run.check("TLS 1.2 with Amazon's cipher suites")
                        .path("detail")
                        .asText())
                .contains("refuses TLS 1.2", "TLSv1.3");
        assertThat(run.check("TLS 1.2 with Amazon's cipher suites").path("fix").asText())
                .contains("--https-protocols=TLSv1.3,TLSv1.2");
        assertThat(run.outcome("discovery document")).isEqualTo("SKIP");
    }

    private void assertEndpointsAndLinksPass(Run run) {
        List<String> mustPass = new ArrayList<>(List.of(
                "discovery document",
                "authorization endpoint",
                "bogus code, HTTP Basic",
                "bogus code, credentials in body",
                "cleanup"));
        for (AlexaRegion region : AlexaRegion.values()) {
            for (String step : List.of(
                    "sign-in and consent",
                    "code exchange",
                    "expires_in",
                    "offline refresh token",
                    "refresh",
                    "replayed refresh")) {
                mustPass.add("link " + region.host() + ": " + step);
            }
        }
        Map<String, String> outcomes = new LinkedHashMap<>();
        mustPass.forEach(name -> outcomes.put(name, run.outcome(name)));
        assertThat(outcomes)
                .as(run.text)
                .allSatisfy((name, outcome) -> assertThat(outcome).as(name).isEqualTo("PASS"));
        assertThat(run.check("bogus code, HTTP Basic").path("detail").asText())
                .contains("invalid_grant", "application/json");
        assertThat(run.check("bogus code, credentials in body").path("detail").asText())
                .contains("invalid_grant");
        assertThat(run.check("token endpoint latency").path("detail").asText()).contains(" ms");
        assertThat(run.check("cleanup").path("detail").asText())
                .contains(
                        "revoked 9 of 9 refresh tokens",
                        "removed the consent",
                        "signed out the 4 sign-in sessions the checker opened");
        // The cleanup really removed the test grant: no consent, no offline session of the skill, no sign-in session
        // left.
        try (Keycloak admin = admin()) {
            RealmResource realm = admin.realm(REALM);
            String userId =
                    realm.users().searchByUsername(username, true).get(0).getId();
            String clientUuid = realm.clients().findByClientId(CLIENT_ID).get(0).getId();
            assertThat(realm.users().get(userId).getConsents())
                    .as("consents left")
                    .isEmpty();
            assertThat(realm.users().get(userId).getOfflineSessions(clientUuid))
                    .as("offline sessions left")
                    .isEmpty();
            assertThat(realm.users().get(userId).getUserSessions())
                    .as("sign-in sessions left")
                    .isEmpty();
        }
    }

    /** Runs the jar twice, for the text report (kept as a sample) and for JSON (asserted on). */
    private Run check(String sample, String issuer) throws IOException, InterruptedException {
        List<String> arguments = List.of(
                issuer,
                "--client-id",
                CLIENT_ID,
                "--vendor-id",
                VENDOR_ID,
                "--username",
                username,
                "--trust-ca",
                pki.root().toString());
        Result text = runJar(arguments);
        Files.writeString(
                samples.resolve(sample + ".txt"),
                "$ java -jar checker/target/alexa-linking-checker.jar "
                        + String.join(" ", arguments).replace(pki.root().toString(), "root-ca.pem")
                        + "\n# Keycloak on this machine: plain HTTP on port " + httpPort + ", and HTTPS (" + serving
                        + ", "
                        + portNote + ")\n" + text.output,
                StandardCharsets.UTF_8);
        List<String> json = new ArrayList<>(arguments);
        json.add("--json");
        Result machine = runJar(json);
        assertThat(machine.exitCode)
                .as("exit codes of the text and JSON runs\n" + text.output)
                .isEqualTo(text.exitCode);
        return new Run(machine.exitCode, text.output, JSON.readTree(machine.output));
    }

    private record Result(int exitCode, String output) {}

    private record Run(int exitCode, String text, JsonNode json) {
        JsonNode check(String name) {
            for (JsonNode check : json.get("checks")) {
                if (check.get("name").asText().equals(name)) {
                    return check;
                }
            }
            throw new AssertionError("no check '" + name + "' in\n" + text);
        }

        String outcome(String name) {
            return check(name).get("outcome").asText();
        }

        List<String> failed() {
            List<String> names = new ArrayList<>();
            json.get("checks").forEach(c -> {
                if ("FAIL".equals(c.get("outcome").asText())) {
                    names.add(c.get("name").asText());
                }
            });
            return names;
        }
    }

    private Result runJar(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("checker.jar", "target/alexa-linking-checker.jar")));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().put("ALEXA_CLIENT_SECRET", CLIENT_SECRET);
        builder.environment().put("ALEXA_TEST_PASSWORD", PASSWORD);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("checker finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    /** (Re)starts the one server with HTTP and this HTTPS setup; the H2 database keeps the realm and the user. */
    private void serve(String setup, Path certificate, String protocols) {
        if (setup.equals(serving) && server != null && server.isRunning()) {
            return;
        }
        if (server != null) {
            server.close();
        }
        server = KeycloakServer.builder()
                .home(KeycloakServer.assemblyHome())
                .httpPort(httpPort)
                .managementPort(managementPort)
                .https(httpsPort, certificate, pki.file("localhost.key"), protocols)
                .importRealm()
                .databaseIn(work.resolve("db"))
                .env("ALEXA_VENDOR_ID", VENDOR_ID)
                .env("ALEXA_CLIENT_SECRET", CLIENT_SECRET)
                .log(work.resolve("keycloak-" + setup.replace(' ', '-') + ".log"))
                .build()
                .start(Duration.ofMinutes(5));
        serving = setup;
    }

    private String httpsIssuer() {
        return "https://localhost" + (httpsPort == 443 ? "" : ":" + httpsPort) + "/realms/" + REALM;
    }

    private Keycloak admin() {
        return Keycloak.getInstance(
                server.baseUrl(), "master", KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD, "admin-cli");
    }

    /** Port 443 if this process may bind it (root, nothing else on it), else a free port, with a note saying which and why. */
    private int port443OrFree() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(443));
            portNote = "on port 443";
            return 443;
        } catch (IOException e) {
            int port = KeycloakServer.freePort();
            portNote = "on free port " + port + " because port 443 could not be bound here (" + e.getMessage()
                    + "), so the port check is expected to fail";
            return port;
        }
    }
}
