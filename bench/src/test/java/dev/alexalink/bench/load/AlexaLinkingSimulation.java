package dev.alexalink.bench.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * One Gatling run against one client: the phone's part of a link as the Alexa app's web view drives it (forms posted
 * as a browser posts them), and Amazon's part (code exchange and refresh with HTTP Basic client authentication).
 * {@link GatlingRun} sets the {@code sim.*} properties; each run is one scenario, one client and one load.
 * <p>
 * Modes: {@code link}, {@code exchange} and {@code refresh} are measured; {@code prepare} links users once and writes
 * their SSO cookie and refresh token to a CSV file, which {@code exchange} and {@code refresh} then feed on.
 * <p>
 * Prepared users sign in through the account console first. Keycloak ends an SSO session that was created for an
 * offline token as soon as the token is issued (so a real link leaves no session behind in the web view); a session
 * that the account console started survives, and later authorizations get their code from it without a password.
 */
public class AlexaLinkingSimulation extends Simulation {

    static final String STATE =
            "eyJhbGciOiJIUzI1NiJ9." + "eyJza2lsbElkIjoiYW16bjEuYXNrLnNraWxsLmJlbmNoIn0".repeat(8) + ".c2lnbmF0dXJl";
    static final String SCOPE = "profile";

    private final String realmPath = "/realms/" + property("sim.realm");
    private final String clientId = property("sim.clientId");
    private final String secret = property("sim.secret");
    private final String redirectUri = property("sim.redirectUri");
    private final String mode = property("sim.mode");
    private final Queue<String> prepared = new ConcurrentLinkedQueue<>();

    public AlexaLinkingSimulation() {
        HttpProtocolBuilder protocol = http.baseUrl(property("sim.baseUrl"))
                .acceptHeader("text/html,application/xhtml+xml,application/json")
                .userAgentHeader(
                        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Alexa-bench")
                .shareConnections();
        ScenarioBuilder scenario = switch (mode) {
            case "link" -> scenario("link " + clientId).feed(users()).exec(link());
            case "prepare" ->
                scenario("prepare " + clientId)
                        .feed(users())
                        .exec(signInToAccountConsole())
                        .exec(consentWithSession())
                        .exec(rememberSession());
            case "exchange" ->
                scenario("exchange " + clientId)
                        .feed(csv(property("sim.feed")).circular())
                        .exec(exchange());
            case "refresh" ->
                scenario("refresh " + clientId)
                        .feed(csv(property("sim.feed")).circular())
                        .exec(refresh());
            default ->
                throw new IllegalArgumentException("sim.mode=" + mode + ": must be link, prepare, exchange or refresh");
        };
        setUp(population(scenario)).protocols(protocol);
    }

    private PopulationBuilder population(ScenarioBuilder scenario) {
        Duration length = Duration.ofSeconds(Long.parseLong(property("sim.seconds")));
        return switch (property("sim.model")) {
            case "closed" ->
                scenario.injectClosed(constantConcurrentUsers(Integer.parseInt(property("sim.concurrency")))
                        .during(length));
            case "open" ->
                scenario.injectOpen(constantUsersPerSec(Double.parseDouble(property("sim.rate")))
                        .during(length));
            case "all" ->
                scenario.injectOpen(
                        rampUsers(Integer.parseInt(property("sim.userCount"))).during(length));
            default ->
                throw new IllegalArgumentException(
                        "sim.model=" + property("sim.model") + ": must be closed, open or all");
        };
    }

    /** Fresh users, each used once: consent is asked only the first time a user links a client. */
    private Iterator<Map<String, Object>> users() {
        int first = Integer.parseInt(property("sim.firstUser"));
        int count = Integer.parseInt(property("sim.userCount"));
        String prefix = property("sim.userPrefix");
        return IntStream.range(first, first + count)
                .<Map<String, Object>>mapToObj(n -> Map.of("username", UserPool.username(prefix, n)))
                .iterator();
    }

    private ChainBuilder link() {
        return group("link")
                .on(exec(authorize("authorize")
                                .check(
                                        status().is(200),
                                        css("#kc-form-login", "action").saveAs("loginAction")))
                        .exec(http("sign in")
                                .post("#{loginAction}")
                                .formParam("username", "#{username}")
                                .formParam("password", property("sim.password"))
                                .check(status().is(200), consentAction(), consentCode()))
                        .exec(allow("consent"))
                        .exec(codeExchange()));
    }

    private ChainBuilder signInToAccountConsole() {
        return exec(http("setup: account console")
                        .get(realmPath + "/protocol/openid-connect/auth")
                        .queryParam("response_type", "code")
                        .queryParam("client_id", "account-console")
                        .queryParam("redirect_uri", property("sim.baseUrl") + realmPath + "/account/")
                        .queryParam("code_challenge", pkceChallenge())
                        .queryParam("code_challenge_method", "S256")
                        .check(status().is(200), css("#kc-form-login", "action").saveAs("loginAction")))
                .exec(http("setup: sign in")
                        .post("#{loginAction}")
                        .formParam("username", "#{username}")
                        .formParam("password", property("sim.password"))
                        .disableFollowRedirect()
                        .check(status().is(302)));
    }

    private ChainBuilder consentWithSession() {
        return exec(authorize("setup: authorize").check(status().is(200), consentAction(), consentCode()))
                .exec(allow("setup: consent"))
                .exec(codeExchange());
    }

    /** The account console requires PKCE; its code is never exchanged, so any verifier will do. */
    private static String pkceChallenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest("bench-verifier-0123456789-0123456789-0123456789".getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ChainBuilder exchange() {
        return exec(addCookie(Cookie("KEYCLOAK_IDENTITY", "#{identity}").withPath(realmPath + "/")))
                .exec(authorize("authorize (SSO)")
                        .disableFollowRedirect()
                        .check(status().is(302), redirectedToAmazon()))
                .exec(codeExchange());
    }

    /** The authorization request as the Alexa app opens it, with a state as long as Alexa's. */
    private HttpRequestActionBuilder authorize(String name) {
        return http(name)
                .get(realmPath + "/protocol/openid-connect/auth")
                .queryParam("response_type", "code")
                .queryParam("client_id", clientId)
                .queryParam("redirect_uri", redirectUri)
                .queryParam("state", STATE)
                .queryParam("scope", SCOPE);
    }

    private static CheckBuilder.Final consentAction() {
        return css("form.alexa-consent-form", "action").saveAs("consentAction");
    }

    private static CheckBuilder.Final consentCode() {
        return css("form.alexa-consent-form input[name=code]", "value").saveAs("consentCode");
    }

    /** The user taps Allow: Keycloak answers with the redirect to Amazon, which is checked and not followed. */
    private HttpRequestActionBuilder allow(String name) {
        return http(name)
                .post("#{consentAction}")
                .formParam("code", "#{consentCode}")
                .formParam("accept", "")
                .disableFollowRedirect()
                .check(status().is(302), redirectedToAmazon());
    }

    private CheckBuilder.Final redirectedToAmazon() {
        // The redirect must go to the client's redirect URI with our state; the code is the query parameter.
        String expected = Pattern.quote(redirectUri) + "\\?.*\\bcode=([^&]+)";
        return headerRegex("Location", expected).saveAs("code");
    }

    private ChainBuilder codeExchange() {
        return exec(http("token")
                .post(realmPath + "/protocol/openid-connect/token")
                .basicAuth(clientId, secret)
                .formParam("grant_type", "authorization_code")
                .formParam("code", "#{code}")
                .formParam("redirect_uri", redirectUri)
                .check(status().is(200), jsonPath("$.refresh_token").saveAs("refreshToken")));
    }

    private ChainBuilder refresh() {
        return exec(http("refresh")
                .post(realmPath + "/protocol/openid-connect/token")
                .basicAuth(clientId, secret)
                .formParam("grant_type", "refresh_token")
                .formParam("refresh_token", "#{refreshToken}")
                .check(status().is(200), jsonPath("$.access_token").exists()));
    }

    private ChainBuilder rememberSession() {
        return exec(getCookieValue(
                        CookieKey("KEYCLOAK_IDENTITY").withPath(realmPath + "/").saveAs("identity")))
                .exec(session -> {
                    prepared.add(session.getString("username") + "," + session.getString("identity") + ","
                            + session.getString("refreshToken"));
                    return session;
                });
    }

    @Override
    public void after() {
        if ("prepare".equals(mode)) {
            try {
                Files.write(
                        Path.of(property("sim.feed")),
                        prepend("username,identity,refreshToken", List.copyOf(prepared)),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<String> prepend(String header, List<String> lines) {
        return Stream.concat(Stream.of(header), lines.stream()).toList();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set (GatlingRun sets it)");
        }
        return value;
    }
}
