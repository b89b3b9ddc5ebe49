package dev.alexalink.reliability;

import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.rules.ClientSecretGuessingRule;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.Http;
import dev.alexalink.testkit.server.KeycloakServer;
import dev.alexalink.testkit.server.RunningKeycloak;
import dev.alexalink.testkit.server.Secrets;
import dev.alexalink.testkit.server.Users;
import dev.alexalink.webview.Forms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client-secret guard never refuses the right secret: wrong secrets from the very address that also sends the
 * right one (Amazon's, when someone else's skill sends our client ID with a wrong secret), and floods from 20,000
 * forged X-Forwarded-For sources, with the run command's server (no proxy headers) and with {@code
 * KC_PROXY_HEADERS=xforwarded}. Memory stays bounded (the server's heap after a full GC, and the tracked sources on
 * /metrics), and so do our log lines.
 */
@ExtendWith(AlexaServer.class)
class SecretGuardIT {

    private static final String NA = AttackSuiteHttp.REDIRECT_URIS.get(0);
    private static final int SOURCES = 20_000;
    private static final Pattern TRACKED =
            Pattern.compile("^alexa_client_secret_guard_sources\\s+([0-9.eE+]+)$", Pattern.MULTILINE);
    private static final List<String> FIGURES = new ArrayList<>();
    private static final HttpClient HTTP = Http.client();

    @AfterAll
    static void writeFigures() {
        AttackSuiteReport.write("secret-guard.txt", "Client-secret guard\n" + String.join("\n", FIGURES) + "\n");
    }

    /** Wrong secrets (HTTP Basic or in the body), 4 connections; the answers by "status error". */
    static Map<String, Integer> wrongSecrets(
            String realmUrl, String clientId, int requests, boolean basic, IntFunction<String> forwardedFor)
            throws Exception {
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        URI endpoint = URI.create(realmUrl + "/protocol/openid-connect/token");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    Map<String, String> form = new LinkedHashMap<>(AttackSuiteHttp.codeGrant("not-a-code", NA));
                    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/x-www-form-urlencoded");
                    Forms.clientCredentials(request, form, clientId, Secrets.random(40), basic);
                    if (forwardedFor != null) {
                        request.header("X-Forwarded-For", forwardedFor.apply(i));
                    }
                    HttpResponse<String> response = HTTP.send(
                            request.POST(HttpRequest.BodyPublishers.ofString(Forms.form(form)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    String error = AttackSuiteHttp.JSON
                            .readTree(response.body())
                            .path("error")
                            .asText();
                    answers.computeIfAbsent(response.statusCode() + " " + error, k -> new AtomicInteger())
                            .incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(15, TimeUnit.MINUTES);
        }
        pool.shutdown();
        Map<String, Integer> counts = new TreeMap<>();
        answers.forEach((answer, count) -> counts.put(answer, count.get()));
        return counts;
    }

    /** A refresh with the right secret, HTTP Basic or in the body, optionally with X-Forwarded-For. */
    static AttackSuiteHttp.Reply refresh(
            String realmUrl, String clientId, String secret, String refreshToken, boolean basic, String forwardedFor)
            throws Exception {
        Map<String, String> form = new LinkedHashMap<>(AttackSuiteHttp.refreshGrant(refreshToken, null));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded");
        Forms.clientCredentials(request, form, clientId, secret, basic);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return AttackSuiteHttp.send(
                HTTP,
                request.POST(HttpRequest.BodyPublishers.ofString(Forms.form(form)))
                        .build());
    }

    static int trackedSources(RunningKeycloak server) throws Exception {
        Matcher m = TRACKED.matcher(AttackSuiteHttp.get(URI.create(server.managementBaseUrl() + "/metrics"))
                .body());
        return m.find() ? (int) Double.parseDouble(m.group(1)) : 0;
    }

    /** Our log lines (logger dev.alexalink and below) in the server's log. */
    static long ourLogLines(RunningKeycloak server) {
        return server.logText()
                .lines()
                .filter(line -> line.contains(" [dev.alexalink"))
                .count();
    }

    static String forgedSource(int i) {
        return "10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
    }

    @Test
    void theRightSecretFromTheAddressThatSendsWrongOnesAlwaysGetsTokens() throws Exception {
        String id = "guard-same-source";
        String secret = ProtocolAbuseIT.skill(id);
        String user = AlexaServer.createUser("guard");
        String basic = Forms.basic(id, secret);
        AttackSuiteHttp.Reply link = AttackSuiteHttp.token(
                AttackSuiteHttp.codeGrant(AttackSuiteHttp.code(id, NA, "profile", user), NA), "Authorization", basic);
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        String refreshToken = link.field("refresh_token");
        Map<String, Double> before = ProtocolAbuseIT.guardCounters(id);
        long linesBefore = ourLogLines(AlexaServer.server());

        Map<String, Integer> wrong = new TreeMap<>();
        List<Integer> refreshes = new ArrayList<>();
        int rounds = 20;
        int perRound = 50;
        for (int round = 0; round < rounds; round++) {
            boolean basicRound = round % 2 == 0;
            wrongSecrets(AlexaServer.realmUrl(), id, perRound, basicRound, null)
                    .forEach((k, v) -> wrong.merge(k, v, Integer::sum));
            AttackSuiteHttp.Reply refreshed =
                    refresh(AlexaServer.realmUrl(), id, secret, refreshToken, basicRound, null);
            refreshes.add(refreshed.status());
            assertThat(refreshed.status())
                    .as(
                            "round %d, right secret %s: %s",
                            round, basicRound ? "HTTP Basic" : "in the body", refreshed.body())
                    .isEqualTo(200);
            assertThat(refreshed.field("access_token")).isNotNull();
            refreshToken = refreshed.field("refresh_token");
        }
        long lines = ourLogLines(AlexaServer.server()) - linesBefore;
        double counted = ProtocolAbuseIT.guardCounters(id).get("failure") - before.get("failure");

        FIGURES.add(String.format(
                "same source (127.0.0.1, no proxy headers): %d rounds of %d wrong secrets (Basic and body"
                        + " alternating), each followed by a refresh with the right secret: wrong -> %s; right secret -> %d of %d"
                        + " refreshed (200 with tokens); guard counted %.0f failures; our log lines during the run: %d",
                rounds,
                perRound,
                wrong,
                refreshes.stream().filter(s -> s == 200).count(),
                rounds,
                counted,
                lines));
        assertThat(wrong).containsOnlyKeys("401 unauthorized_client");
        assertThat(counted).isEqualTo(rounds * perRound);
        assertThat(lines)
                .as("our log lines for %d wrong secrets", rounds * perRound)
                .isLessThan(100);
    }

    @Test
    void forgedForwardedForHeadersWithoutProxyHeadersAreOneSource() throws Exception {
        String id = "guard-forged-direct";
        String secret = ProtocolAbuseIT.skill(id);
        String user = AlexaServer.createUser("guard");
        AttackSuiteHttp.Reply link = AttackSuiteHttp.token(
                AttackSuiteHttp.codeGrant(AttackSuiteHttp.code(id, NA, "profile", user), NA),
                "Authorization",
                Forms.basic(id, secret));
        KeycloakServer server =
                (KeycloakServer) AlexaServer.server(); // the assembly as a process: its heap is measured
        long heapBefore = ServerHeap.afterFullGc(server);
        int trackedBefore = trackedSources(server);
        long linesBefore = ourLogLines(server);
        long start = System.nanoTime();

        Map<String, Integer> wrong =
                wrongSecrets(AlexaServer.realmUrl(), id, SOURCES, true, SecretGuardIT::forgedSource);

        double seconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = ServerHeap.afterFullGc(server);
        int trackedAfter = trackedSources(server);
        long lines = ourLogLines(server) - linesBefore;
        AttackSuiteHttp.Reply right =
                refresh(AlexaServer.realmUrl(), id, secret, link.field("refresh_token"), true, forgedSource(7));
        FIGURES.add(String.format(
                "forged X-Forwarded-For, no proxy headers: %d wrong secrets with %d distinct forged sources in %.1f s"
                        + " -> %s; tracked sources %d -> %d (the header is ignored: one source, 127.0.0.1); heap after full GC %.1f MB ->"
                        + " %.1f MB (%+.1f MB); our log lines %d; right secret afterwards (with a forged header) -> %d",
                SOURCES,
                SOURCES,
                seconds,
                wrong,
                trackedBefore,
                trackedAfter,
                heapBefore / 1e6,
                heapAfter / 1e6,
                (heapAfter - heapBefore) / 1e6,
                lines,
                right.status()));
        assertThat(wrong).containsOnlyKeys("401 unauthorized_client");
        assertThat(trackedAfter - trackedBefore).isLessThanOrEqualTo(1);
        assertThat(right.status()).as(right.body()).isEqualTo(200);
        assertThat(lines).isLessThan(200);
        assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(64L << 20);
    }

    @Test
    void forgedSourcesBehindTrustedProxyHeadersCostBoundedMemory() throws Exception {
        Path work = Path.of(System.getProperty("test.work.dir", "target/it-work"), "guard-proxy-" + UUID.randomUUID());
        String secret = Secrets.random(40);
        try (KeycloakServer server = KeycloakServer.testServer(work)
                        .importRealm()
                        .env("ALEXA_VENDOR_ID", Deployment.VENDOR_ID)
                        .env("ALEXA_CLIENT_SECRET", secret)
                        .env("KC_PROXY_HEADERS", "xforwarded")
                        .build()
                        .start(Duration.ofMinutes(5));
                Keycloak admin = Keycloak.getInstance(
                        server.baseUrl(),
                        "master",
                        KeycloakServer.ADMIN_USER,
                        KeycloakServer.ADMIN_PASSWORD,
                        "admin-cli")) {
            String realmUrl = server.realmUrl("alexa");
            String user = "guard-proxy-" + UUID.randomUUID().toString().substring(0, 8);
            Users.create(admin.realm("alexa"), user, AlexaServer.USER_PASSWORD, "Guard", "proxy");
            AlexaLink link = Links.link(realmUrl, realmUrl, secret, user, AlexaRegion.NORTH_AMERICA);
            long heapBefore = ServerHeap.afterFullGc(server);
            long start = System.nanoTime();

            Map<String, Integer> wrong =
                    wrongSecrets(realmUrl, "alexa-skill", SOURCES, false, SecretGuardIT::forgedSource);

            double seconds = (System.nanoTime() - start) / 1e9;
            long heapAfter = ServerHeap.afterFullGc(server);
            int tracked = trackedSources(server);
            long lines = ourLogLines(server);
            long guardLines = server.logText()
                    .lines()
                    .filter(line -> line.contains(ClientSecretGuessingRule.NAME + ":"))
                    .count();
            AttackSuiteHttp.Reply right =
                    refresh(realmUrl, "alexa-skill", secret, link.refreshToken(), true, forgedSource(7));
            AttackSuiteHttp.Reply rightBody = refresh(
                    realmUrl, "alexa-skill", secret, right.field("refresh_token"), false, forgedSource(SOURCES - 1));
            FIGURES.add(String.format(
                    "forged X-Forwarded-For behind KC_PROXY_HEADERS=xforwarded: %d wrong secrets (in the body) from %d"
                            + " distinct sources in %.1f s -> %s; tracked sources %d (limit %d); heap after full GC %.1f MB -> %.1f MB"
                            + " (%+.1f MB); guard log lines %d, all our log lines since start %d; right secret from an attacked source"
                            + " afterwards -> %d (Basic), %d (body)",
                    SOURCES,
                    SOURCES,
                    seconds,
                    wrong,
                    tracked,
                    ClientSecretGuessingRule.MAX_TRACKED_SOURCES,
                    heapBefore / 1e6,
                    heapAfter / 1e6,
                    (heapAfter - heapBefore) / 1e6,
                    guardLines,
                    lines,
                    right.status(),
                    rightBody.status()));
            assertThat(wrong).containsOnlyKeys("401 unauthorized_client");
            assertThat(tracked).isEqualTo(ClientSecretGuessingRule.MAX_TRACKED_SOURCES);
            assertThat(guardLines)
                    .as("one client report and at most 10 source reports per window")
                    .isLessThanOrEqualTo(
                            (long) (seconds / 60 + 2) * (1 + ClientSecretGuessingRule.MAX_SOURCE_REPORTS_PER_WINDOW));
            assertThat(right.status()).as(right.body()).isEqualTo(200);
            assertThat(rightBody.status()).as(rightBody.body()).isEqualTo(200);
            assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(64L << 20);
        }
    }
}
