package dev.alexalink.reliability;

import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.webview.Forms;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.entity.UrlEncodedFormEntity;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.message.BasicNameValuePair;
import org.apache.http.util.EntityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Protocol abuse at the authorization and token endpoints, each sent over HTTP as Alexa (or someone posing as it)
 * would send it. Clients that take wrong secrets get their own skill, so the secret-guessing guard never locks the
 * loopback address out of the skill the other tests link with.
 */
@ExtendWith(AlexaServer.class)
class ProtocolAbuseIT {

    private static final String NA = AttackSuiteHttp.REDIRECT_URIS.get(0);
    private static final String EU = AttackSuiteHttp.REDIRECT_URIS.get(1);
    private static final String BASIC = Forms.basic(AlexaServer.CLIENT_ID, AlexaServer.CLIENT_SECRET);
    private static final List<String> FIGURES = new ArrayList<>();
    private static String user;

    @BeforeAll
    static void user() {
        user = AlexaServer.createUser("abuse");
    }

    @AfterAll
    static void writeFigures() {
        AttackSuiteReport.write("protocol-abuse.txt", "Protocol abuse\n" + String.join("\n", FIGURES) + "\n");
    }

    /** Enables a further skill through the Alexa admin API; returns its client secret. */
    static String skill(String clientId) throws Exception {
        String body = AttackSuiteHttp.JSON
                .createObjectNode()
                .put("name", clientId)
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                        "vendorIds", AttackSuiteHttp.JSON.createArrayNode().add(AlexaServer.VENDOR_ID))
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                        "scopes", AttackSuiteHttp.JSON.createArrayNode().add("profile"))
                .toString();
        HttpResponse<String> response = AttackSuiteHttp.HTTP.send(
                HttpRequest.newBuilder(URI.create(AlexaServer.server().baseUrl() + "/admin/realms/" + AlexaServer.REALM
                                + "/alexa/skills/" + clientId))
                        .header("Authorization", "Bearer " + AlexaServer.adminToken())
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        String id =
                AlexaServer.realm().clients().findByClientId(clientId).get(0).getId();
        return AlexaServer.realm().clients().get(id).getSecret().getValue();
    }

    /**
     * Its own skill; its access tokens name it as audience (the product adds the audience mapper to every Alexa
     * client), so that the skill itself can ask at introspection whether a token still works.
     */
    @Test
    void aReusedCodeIsRefusedAndRevokesTheTokensOfItsFirstExchange() throws Exception {
        String id = "reuse-skill";
        String basic = Forms.basic(id, skill(id));

        String code = AttackSuiteHttp.code(id, NA, "profile", user);
        AttackSuiteHttp.Reply first =
                AttackSuiteHttp.token(AttackSuiteHttp.codeGrant(code, NA), "Authorization", basic);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String access = first.field("access_token");
        String refresh = first.field("refresh_token");
        assertThat(active(access, basic))
                .as("access token active before the reuse")
                .isTrue();

        AttackSuiteHttp.Reply reuse =
                AttackSuiteHttp.token(AttackSuiteHttp.codeGrant(code, NA), "Authorization", basic);

        assertThat(reuse.status()).isEqualTo(400);
        assertThat(reuse.field("error")).isEqualTo("invalid_grant");
        assertThat(reuse.field("access_token")).isNull();
        boolean activeAfter = active(access, basic);
        AttackSuiteHttp.Reply refreshAfter =
                AttackSuiteHttp.token(AttackSuiteHttp.refreshGrant(refresh, null), "Authorization", basic);
        FIGURES.add("reused code: " + reuse.status() + " " + reuse.field("error")
                + "; first access token at introspection afterwards: active=" + activeAfter
                + "; first refresh token afterwards: " + refreshAfter.status() + " " + refreshAfter.field("error"));
        assertThat(activeAfter)
                .as("access token of the first exchange after the reuse")
                .isFalse();
        assertThat(refreshAfter.status()).as(refreshAfter.body()).isEqualTo(400);
        assertThat(refreshAfter.field("error")).isEqualTo("invalid_grant");
        assertThat(refreshAfter.field("access_token")).isNull();
    }

    /** Token introspection (RFC 7662) by the skill itself. */
    static boolean active(String token, String basic) throws Exception {
        AttackSuiteHttp.Reply reply = AttackSuiteHttp.post(
                "/protocol/openid-connect/token/introspect", Map.of("token", token), "Authorization", basic);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("active").asBoolean();
    }

    /** The scopes a token response grants: its scope field and the access token's scope claim. */
    static java.util.Set<String> granted(AttackSuiteHttp.Reply reply) throws Exception {
        java.util.Set<String> scopes =
                new java.util.TreeSet<>(List.of(reply.field("scope").split(" ")));
        String payload = reply.field("access_token").split("\\.")[1];
        scopes.addAll(List.of(AttackSuiteHttp.JSON
                .readTree(Base64.getUrlDecoder().decode(payload))
                .path("scope")
                .asText()
                .split(" ")));
        return scopes;
    }

    @Test
    void aCodeBoundToOneRegionalUrlCannotBeRedeemedWithAnother() throws Exception {
        String code = AttackSuiteHttp.code(AlexaServer.CLIENT_ID, NA, "profile", user);

        AttackSuiteHttp.Reply other =
                AttackSuiteHttp.token(AttackSuiteHttp.codeGrant(code, EU), "Authorization", BASIC);

        FIGURES.add("code of " + NA + " redeemed with " + EU + ": " + other.status() + " " + other.field("error"));
        assertThat(other.status()).as(other.body()).isEqualTo(400);
        assertThat(other.field("error")).isEqualTo("invalid_grant");
        assertThat(other.field("access_token")).isNull();
    }

    @Test
    void aCodeOfOneClientIsRefusedForAnother() throws Exception {
        String otherSecret = skill("second-skill");
        String code = AttackSuiteHttp.code(AlexaServer.CLIENT_ID, NA, "profile", user);

        AttackSuiteHttp.Reply other = AttackSuiteHttp.token(
                AttackSuiteHttp.codeGrant(code, NA), "Authorization", Forms.basic("second-skill", otherSecret));

        FIGURES.add("code of " + AlexaServer.CLIENT_ID + " redeemed by second-skill: " + other.status() + " "
                + other.field("error"));
        assertThat(other.status()).as(other.body()).isEqualTo(400);
        assertThat(other.field("error")).isEqualTo("invalid_grant");
        assertThat(other.field("access_token")).isNull();
    }

    @Test
    void wrongMissingOrMalformedCredentialsGetACleanJsonError() throws Exception {
        String secret = skill("credentials-skill");
        String id = "credentials-skill";
        Map<String, String> grant = AttackSuiteHttp.codeGrant("not-a-code", NA);
        Map<String, AttackSuiteHttp.Reply> replies = new LinkedHashMap<>();
        replies.put(
                "wrong secret, Basic", AttackSuiteHttp.token(grant, "Authorization", Forms.basic(id, "x" + secret)));
        replies.put(
                "other client's secret, Basic",
                AttackSuiteHttp.token(grant, "Authorization", Forms.basic(id, AlexaServer.CLIENT_SECRET)));
        replies.put("empty secret, Basic", AttackSuiteHttp.token(grant, "Authorization", Forms.basic(id, "")));
        replies.put(
                "10 KB secret, Basic",
                AttackSuiteHttp.token(grant, "Authorization", Forms.basic(id, "A".repeat(10_000))));
        replies.put(
                "secret with unicode and control characters, Basic",
                AttackSuiteHttp.token(grant, "Authorization", Forms.basic(id, "s\u00e9cr\u0000t\r\n")));
        replies.put(
                "bad percent-encoding in Basic",
                AttackSuiteHttp.token(
                        grant,
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder().encodeToString((id + ":%zz%").getBytes(StandardCharsets.UTF_8))));
        replies.put("Basic not base64", AttackSuiteHttp.token(grant, "Authorization", "Basic !!!not*base64!!!"));
        replies.put(
                "Basic without colon",
                AttackSuiteHttp.token(
                        grant,
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString((id + secret).getBytes(StandardCharsets.UTF_8))));
        replies.put("Basic empty", AttackSuiteHttp.token(grant, "Authorization", "Basic "));
        replies.put(
                "Basic only colon",
                AttackSuiteHttp.token(
                        grant,
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(":".getBytes(StandardCharsets.UTF_8))));
        replies.put("wrong scheme Bearer", AttackSuiteHttp.token(grant, "Authorization", "Bearer " + secret));
        replies.put(
                "wrong scheme Digest", AttackSuiteHttp.token(grant, "Authorization", "Digest username=\"" + id + "\""));
        Map<String, String> body = new LinkedHashMap<>(grant);
        body.put("client_id", id);
        replies.put("client_id in body, no secret", AttackSuiteHttp.token(body));
        Map<String, String> wrongBody = new LinkedHashMap<>(body);
        wrongBody.put("client_secret", "wrong");
        replies.put("wrong secret in body", AttackSuiteHttp.token(wrongBody));
        Map<String, String> emptyBody = new LinkedHashMap<>(body);
        emptyBody.put("client_secret", "");
        replies.put("empty secret in body", AttackSuiteHttp.token(emptyBody));
        replies.put("no credentials at all", AttackSuiteHttp.token(grant));
        Map<String, String> unknown = new LinkedHashMap<>(grant);
        unknown.put("client_id", "no-such-client");
        unknown.put("client_secret", secret);
        replies.put("unknown client", AttackSuiteHttp.token(unknown));

        Map<String, String> outcome = new LinkedHashMap<>();
        replies.forEach((name, reply) -> outcome.put(
                name, reply.status() + " " + (reply.isJson() ? reply.field("error") : "(not JSON) " + reply.body())));
        FIGURES.add("bad client credentials (" + replies.size() + " cases): " + outcome);
        replies.forEach((name, reply) -> {
            assertThat(reply.status()).as("%s: %s", name, reply.body()).isIn(400, 401);
            assertThat(reply.isJson())
                    .as("%s answers JSON: %s", name, reply.body())
                    .isTrue();
            assertThat(reply.field("error")).as(name).isIn("invalid_client", "unauthorized_client", "invalid_request");
            assertThat(reply.field("access_token")).as(name).isNull();
        });
        // The right secret still works for this client (no lockout from these few failures).
        assertThat(AttackSuiteHttp.token(grant, "Authorization", Forms.basic(id, secret))
                        .field("error"))
                .isEqualTo("invalid_grant");
    }

    @Test
    void aRefreshCannotWidenTheScope() throws Exception {
        String code = AttackSuiteHttp.code(AlexaServer.CLIENT_ID, NA, null, user);
        AttackSuiteHttp.Reply tokens =
                AttackSuiteHttp.token(AttackSuiteHttp.codeGrant(code, NA), "Authorization", BASIC);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        java.util.Set<String> original = granted(tokens);
        Map<String, String> results = new LinkedHashMap<>();
        for (String scope : List.of(
                "profile", "email", "offline_access profile", "openid roles", "admin", "profile email phone address")) {
            AttackSuiteHttp.Reply widened = AttackSuiteHttp.token(
                    AttackSuiteHttp.refreshGrant(tokens.field("refresh_token"), scope), "Authorization", BASIC);
            assertThat(widened.status())
                    .as("refresh asking for '%s': %s", scope, widened.body())
                    .isIn(200, 400);
            if (widened.status() == 400) {
                results.put(scope, "400 " + widened.field("error"));
                assertThat(widened.field("error")).isEqualTo("invalid_scope");
                assertThat(widened.field("access_token")).isNull();
            } else {
                // Keycloak's own outcome for scopes of the client outside the grant: dropped, never added.
                java.util.Set<String> now = granted(widened);
                results.put(scope, "200, granted " + now);
                assertThat(original)
                        .as("refresh asking for '%s' must not widen the grant", scope)
                        .containsAll(now);
            }
        }
        AttackSuiteHttp.Reply plain = AttackSuiteHttp.token(
                AttackSuiteHttp.refreshGrant(tokens.field("refresh_token"), null), "Authorization", BASIC);
        FIGURES.add("scope escalation on refresh (linked without profile, granted " + original + "): " + results
                + "; plain refresh afterwards " + plain.status());
        assertThat(plain.status()).isEqualTo(200);
    }

    /**
     * 100 KB of state or scope, in the URL and in a form body. Our rules refuse each on the page with the limit named:
     * the state over the server's limit (16,384, {@code alexa-state}), the scope over 2,048 characters
     * ({@code alexa-input-limits}). The assembly's quarkus.properties lets such a request line (Keycloak's limit is
     * 32,779 bytes) and form field (128 KiB; the scope is 200 KB once percent-encoded) through to them. At the token endpoint
     * Keycloak judges the scope first: 3 KB of unknown scope is its invalid_scope, and 26.6+ drops a parameter over
     * 4,000 characters, so a 100 KB scope refreshes with the grant unchanged. Each answer is read whole: a closed
     * connection fails the test.
     */
    @Test
    void oversizedStateAndScopeGetAnErrorNamingTheLimitAndTheServerStaysHealthy() throws Exception {
        String big = "s".repeat(100_000);
        Map<String, String> answers = new LinkedHashMap<>();
        HttpResponse<String> getState = AttackSuiteHttp.get(
                URI.create(AttackSuiteHttp.authorizationUrl(AlexaServer.CLIENT_ID, Forms.encode(NA), big, "profile")));
        answers.put("GET state 100 KB", getState.statusCode() + " " + limitNamed(getState.body()));
        HttpResponse<String> getScope = AttackSuiteHttp.get(URI.create(
                AttackSuiteHttp.authorizationUrl(AlexaServer.CLIENT_ID, Forms.encode(NA), "s", "profile " + big)));
        answers.put("GET scope 100 KB", getScope.statusCode() + " " + limitNamed(getScope.body()));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("response_type", "code");
        form.put("client_id", AlexaServer.CLIENT_ID);
        form.put("redirect_uri", NA);
        form.put("scope", "profile");
        form.put("state", big);
        AttackSuiteHttp.Reply postState = AttackSuiteHttp.post("/protocol/openid-connect/auth", form);
        answers.put("POST state 100 KB", postState.status() + " " + limitNamed(postState.body()));
        form.put("state", "s");
        form.put("scope", "profile " + "x ".repeat(50_000));
        AttackSuiteHttp.Reply postScope = AttackSuiteHttp.post("/protocol/openid-connect/auth", form);
        answers.put("POST scope 100 KB", postScope.status() + " " + limitNamed(postScope.body()));
        String code = AttackSuiteHttp.code(AlexaServer.CLIENT_ID, NA, "profile", user);
        AttackSuiteHttp.Reply tokens =
                AttackSuiteHttp.token(AttackSuiteHttp.codeGrant(code, NA), "Authorization", BASIC);
        AttackSuiteHttp.Reply refresh = AttackSuiteHttp.token(
                AttackSuiteHttp.refreshGrant(tokens.field("refresh_token"), "profile " + "s".repeat(3_000)),
                "Authorization",
                BASIC);
        answers.put("refresh scope 3 KB", refresh.status() + " " + refresh.field("error"));
        AttackSuiteHttp.Reply refreshBig = AttackSuiteHttp.token(
                AttackSuiteHttp.refreshGrant(tokens.field("refresh_token"), "profile " + big), "Authorization", BASIC);
        answers.put(
                "refresh scope 100 KB",
                refreshBig.status()
                        + (refreshBig.status() == 200
                                ? " granted " + granted(refreshBig)
                                : " " + refreshBig.field("error")));
        AttackSuiteHttp.Reply refreshAfter = AttackSuiteHttp.token(
                AttackSuiteHttp.refreshGrant(tokens.field("refresh_token"), null), "Authorization", BASIC);

        int health = AttackSuiteHttp.get(URI.create(AlexaServer.server().managementBaseUrl() + "/health/ready"))
                .statusCode();
        int loginPage = AttackSuiteHttp.get(URI.create(
                        AttackSuiteHttp.authorizationUrl(AlexaServer.CLIENT_ID, Forms.encode(NA), "s", "profile")))
                .statusCode();
        FIGURES.add("oversized inputs: " + answers + "; the link's refresh afterwards " + refreshAfter.status()
                + "; /health/ready " + health + ", login page " + loginPage);
        assertThat(getState.statusCode()).as("a 100 KB state in the URL").isEqualTo(400);
        assertThat(getState.body()).contains("100000 characters long, over this server&#39;s limit of 16384");
        assertThat(getScope.statusCode()).as("a 100 KB scope in the URL").isEqualTo(400);
        assertThat(getScope.body()).contains("over the limit of 2048 (alexa-input-limits)");
        assertThat(postState.status()).isEqualTo(400);
        assertThat(postState.body())
                .containsAnyOf(
                        "100000 characters long, over this server's limit of 16384",
                        "100000 characters long, over this server&#39;s limit of 16384");
        assertThat(postScope.status()).isEqualTo(400);
        assertThat(postScope.body()).contains("over the limit of 2048 (alexa-input-limits)");
        assertThat(refresh.status()).isEqualTo(400);
        assertThat(refresh.field("error")).isEqualTo("invalid_scope");
        // Keycloak 26.6+ drops a token-request parameter over 4,000 characters itself (it logs "Ignoring the
        // parameter"):
        // the refresh keeps the grant it had.
        assertThat(refreshBig.status()).as(refreshBig.body()).isEqualTo(200);
        assertThat(granted(tokens))
                .as("a refresh with a 100 KB scope must not widen the grant")
                .containsAll(granted(refreshBig));
        assertThat(refreshAfter.status()).as("the link still refreshes").isEqualTo(200);
        assertThat(health).isEqualTo(200);
        assertThat(loginPage).isEqualTo(200);
    }

    /** The limit an answer names, for the figures. */
    private static String limitNamed(String text) {
        Matcher m = Pattern.compile(
                        "over (?:this server(?:&#39;|')s )?(?:the )?limit of [0-9]+(?: \\(alexa-input-limits\\))?")
                .matcher(String.valueOf(text));
        return m.find() ? "(" + m.group().replace("&#39;", "'") + ")" : "(no limit named)";
    }

    private static final Pattern GUARD_METRIC =
            Pattern.compile("^alexa_client_secret_guard_total\\{([^}]*)}\\s+([0-9.eE+]+)$", Pattern.MULTILINE);

    /** The guard's counters of this skill on /metrics, by outcome. */
    static Map<String, Double> guardCounters(String skill) throws Exception {
        String metrics = AttackSuiteHttp.get(URI.create(AlexaServer.server().managementBaseUrl() + "/metrics"))
                .body();
        Map<String, Double> counters = new TreeMap<>(Map.of("failure", 0.0));
        Matcher m = GUARD_METRIC.matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains("skill=\"" + skill + "\"")) {
                Matcher outcome = Pattern.compile("outcome=\"([a-z]+)\"").matcher(m.group(1));
                if (outcome.find()) {
                    counters.put(outcome.group(1), Double.parseDouble(m.group(2)));
                }
            }
        }
        return counters;
    }

    /** A token request of the skill with its right secret from another loopback source address (127.0.0.2). */
    static int fromAnotherSource(String clientId, String secret) throws Exception {
        RequestConfig config = RequestConfig.custom()
                .setLocalAddress(InetAddress.getByName("127.0.0.2"))
                .setConnectTimeout(10_000)
                .setSocketTimeout(60_000)
                .build();
        try (CloseableHttpClient http =
                HttpClients.custom().setDefaultRequestConfig(config).build()) {
            HttpPost post = new HttpPost(AlexaServer.realmUrl() + "/protocol/openid-connect/token");
            post.setHeader("Authorization", Forms.basic(clientId, secret));
            post.setEntity(new UrlEncodedFormEntity(
                    List.of(
                            new BasicNameValuePair("grant_type", "authorization_code"),
                            new BasicNameValuePair("code", "not-a-code"),
                            new BasicNameValuePair("redirect_uri", NA)),
                    StandardCharsets.UTF_8));
            try (CloseableHttpResponse response = http.execute(post)) {
                EntityUtils.consume(response.getEntity());
                return response.getStatusLine().getStatusCode();
            }
        }
    }

    /**
     * 10,000 wrong secrets against one skill from one source (loopback, 4 connections). Keycloak checks every one and
     * refuses it; the guard counts each and logs a bounded number of lines; nothing is locked: the right secret from
     * the same source, and from another, still authenticates. A request that passes client authentication gets
     * invalid_grant (the code is bogus); a wrong secret gets 401 unauthorized_client.
     */
    @Test
    void bruteForceOfAClientSecretIsCountedAndNeverLocksTheRightSecretOut() throws Exception {
        String target = "guess-target";
        String secret = skill(target);
        int requests = 10_000;
        Map<String, Double> before = guardCounters(target);
        long linesBefore = SecretGuardIT.ourLogLines(AlexaServer.server());
        long start = System.nanoTime();

        Map<String, Integer> answers = SecretGuardIT.wrongSecrets(AlexaServer.realmUrl(), target, requests, true, null);

        double seconds = (System.nanoTime() - start) / 1e9;
        double counted = guardCounters(target).get("failure") - before.get("failure");
        long lines = SecretGuardIT.ourLogLines(AlexaServer.server()) - linesBefore;
        AttackSuiteHttp.Reply rightSecretSameSource = AttackSuiteHttp.token(
                AttackSuiteHttp.codeGrant("not-a-code", NA), "Authorization", Forms.basic(target, secret));
        int rightSecretOtherSource = fromAnotherSource(target, secret);
        // 62 letters and digits, 40 of them: 62^40 secrets; at this rate the expected time to guess is half of that.
        double years = Math.pow(62, 40) / 2 / (requests / seconds) / 3.15e7;

        String result = String.format(
                "brute force of one client secret: %d requests, 4 connections, loopback 127.0.0.1, %.1f s (%.0f/s)%n"
                        + "  answers: %s%n"
                        + "  guard (alexa_client_secret_guard_total): %.0f wrong secrets counted; our log lines during the run: %d%n"
                        + "  afterwards: right secret from the guessing source -> %d %s (past client authentication); right secret"
                        + " from 127.0.0.2 -> %d%n"
                        + "  verdict: every guess checked and refused, the right secret never refused; at %.0f guesses/s a 40-character"
                        + " secret takes about 10^%.0f years to guess",
                requests,
                seconds,
                requests / seconds,
                answers,
                counted,
                lines,
                rightSecretSameSource.status(),
                rightSecretSameSource.field("error"),
                rightSecretOtherSource,
                requests / seconds,
                Math.log10(years));
        FIGURES.add(result);
        AttackSuiteReport.write("brute-force.txt", result + "\n");

        assertThat(answers).containsOnlyKeys("401 unauthorized_client");
        assertThat(answers.get("401 unauthorized_client")).isEqualTo(requests);
        assertThat(counted).isEqualTo(requests);
        assertThat(lines).as("our log lines for %d wrong secrets", requests).isLessThan(100);
        assertThat(rightSecretSameSource.field("error"))
                .as("the right secret from the guessing source")
                .isEqualTo("invalid_grant");
        assertThat(rightSecretOtherSource)
                .as("the right secret from another source (Amazon)")
                .isEqualTo(400);
    }
}
