package dev.alexalink.rules;

import dev.alexalink.rules.AlexaDiagnostics.Report;
import dev.alexalink.rules.Check.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static dev.alexalink.rules.SampleSettings.RULES;
import static dev.alexalink.rules.SampleSettings.VENDOR;
import static dev.alexalink.rules.SampleSettings.clientWith;
import static dev.alexalink.rules.SampleSettings.find;
import static dev.alexalink.rules.SampleSettings.goodClient;
import static dev.alexalink.rules.SampleSettings.goodRealm;
import static dev.alexalink.rules.SampleSettings.realmWith;
import static org.assertj.core.api.Assertions.assertThat;

class AlexaDiagnosticsTest {

    @Test
    void aWellConfiguredRealmAndClientPassEveryCheck() {
        Report report = AlexaDiagnostics.diagnose(goodRealm(), RULES, List.of(goodClient()));

        assertThat(report.failures()).isZero();
        assertThat(report.realmChecks())
                .allSatisfy(
                        check -> assertThat(check.status()).as(check.toString()).isEqualTo(Status.PASS));
        assertThat(report.clients().get(0).checks()).allSatisfy(check -> {
            assertThat(check.status()).as(check.toString()).isEqualTo(Status.PASS);
            assertThat(check.fix()).isNull();
        });
        assertThat(report.realmChecks())
                .extracting(Check::id)
                .containsExactly(
                        "alexa-policy",
                        "offline-session-idle",
                        "offline-session-max",
                        "refresh-token-reuse",
                        "sso-session",
                        "offline-access-role",
                        "offline-access-scope",
                        "frontend-url",
                        "ssl-required");
        assertThat(report.clients().get(0).checks())
                .extracting(Check::id)
                .containsExactly(
                        "redirect-uris",
                        "scopes",
                        "access-token-lifespan",
                        "offline-access",
                        "refresh-tokens",
                        "client-offline-session",
                        "client-authentication",
                        "client-secret",
                        "standard-flow",
                        "implicit-flow",
                        "direct-grants",
                        "consent",
                        "token-audience",
                        "pkce",
                        "theme",
                        "languages");
    }

    static Stream<Arguments> realmProblems() {
        return Stream.of(
                realm("offline-session-idle", "90 days", r -> realmWith(r, "offlineSessionIdleTimeout", 90 * 86400)),
                realm(
                        "offline-session-max",
                        "every link ends after 60 days",
                        r -> realmWith(r, "offlineSessionMax", 60 * 86400)),
                realm("refresh-token-reuse", "max reuse 0", r -> realmWith(r, "revokeRefreshToken", 0)),
                realm("sso-session", "120 s", r -> realmWith(r, "ssoSessionIdleTimeout", 120)),
                realm(
                        "offline-access-role",
                        "default roles do not include 'offline_access'",
                        r -> realmWith(r, "defaultRoles", 0)),
                realm("offline-access-scope", "no 'offline_access' client scope", r -> realmWith(r, "offlineScope", 0)),
                realm("frontend-url", "it is not https", r -> realmWith(r, "frontendUrl", "http://auth.example.com")),
                realm(
                        "frontend-url",
                        "uses port 8443",
                        r -> realmWith(r, "frontendUrl", "https://auth.example.com:8443")),
                realm(
                        "frontend-url",
                        "'localhost' is not a public DNS name",
                        r -> realmWith(r, "frontendUrl", "https://localhost")),
                realm(
                        "frontend-url",
                        "'10.1.2.3' is not a public DNS name",
                        r -> realmWith(r, "frontendUrl", "https://10.1.2.3")),
                realm("ssl-required", "'Require SSL' is none", r -> realmWith(r, "sslRequired", "none")),
                realm("alexa-policy", "no enabled client policy", r -> realmWith(r, "policy", 0)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("realmProblems")
    void eachRealmProblemFailsItsCheckWithAFix(String id, String finding, UnaryOperator<RealmSettings> seed) {
        Report report = AlexaDiagnostics.diagnose(seed.apply(goodRealm()), RULES, List.of(goodClient()));

        Check check = report.realmChecks().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.finding()).contains(finding);
        assertThat(check.fix()).isNotBlank();
        assertThat(report.realmChecks().stream().filter(c -> c.status() != Status.PASS))
                .as("only that check fails")
                .hasSize(1);
    }

    static Stream<Arguments> clientProblems() {
        String layla = AlexaRegion.EUROPE.redirectUri(VENDOR);
        return Stream.of(
                client(
                        "redirect-uris",
                        "redirect URI 'https://evil.example.com/cb' is refused",
                        c -> clientWith(
                                c,
                                "redirectUris",
                                List.of(
                                        AlexaRegion.NORTH_AMERICA.redirectUri(VENDOR),
                                        layla,
                                        AlexaRegion.FAR_EAST.redirectUri(VENDOR),
                                        "https://evil.example.com/cb"))),
                client(
                        "redirect-uris",
                        "users of region north-america cannot link",
                        c -> clientWith(
                                c,
                                "redirectUris",
                                List.of(
                                        AlexaRegion.NORTH_AMERICA.redirectUri("M2OTHERVENDOR"),
                                        layla,
                                        AlexaRegion.FAR_EAST.redirectUri(VENDOR)))),
                client(
                        "scopes",
                        "default client scope 'email'",
                        c -> clientWith(c, "defaultScopes", Set.of("basic", "offline_access", "email"))),
                client(
                        "access-token-lifespan",
                        "300 s, less than Alexa's 360 s",
                        c -> clientWith(c, "attribute", Map.of("access.token.lifespan", "300"))),
                client(
                        "offline-access",
                        "'offline_access' is not a default client scope",
                        c -> clientWith(c, "defaultScopes", Set.of("basic"))),
                client(
                        "refresh-tokens",
                        "'Use refresh tokens' is off",
                        c -> clientWith(
                                c,
                                "attribute",
                                Map.of("access.token.lifespan", "3600", "use.refresh.tokens", "false"))),
                client(
                        "client-offline-session",
                        "'Client Offline Session Idle' of 30 days",
                        c -> clientWith(
                                c,
                                "attribute",
                                Map.of(
                                        "access.token.lifespan",
                                        "3600",
                                        "client.offline.session.idle.timeout",
                                        "2592000"))),
                client(
                        "client-offline-session",
                        "'Client Offline Session Max' of 365 days",
                        c -> clientWith(
                                c,
                                "attribute",
                                Map.of(
                                        "access.token.lifespan",
                                        "3600",
                                        "client.offline.session.max.lifespan",
                                        "31536000"))),
                client("client-authentication", "the client is public", c -> clientWith(c, "publicClient", true)),
                client(
                        "client-authentication",
                        "authenticates with 'client-jwt'",
                        c -> clientWith(c, "authenticator", "client-jwt")),
                client("client-secret", "secret", c -> clientWith(c, "secret", "short+/=")),
                client("standard-flow", "'Standard flow') is off", c -> clientWith(c, "standardFlow", false)),
                client("implicit-flow", "the implicit flow is on", c -> clientWith(c, "implicit", true)),
                client("direct-grants", "direct access grants", c -> clientWith(c, "direct", true)),
                client("consent", "consent is not required", c -> clientWith(c, "consent", false)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("clientProblems")
    void eachClientProblemFailsItsCheckWithAFix(String id, String finding, UnaryOperator<ClientSettings> seed) {
        Report report = AlexaDiagnostics.diagnose(goodRealm(), RULES, List.of(seed.apply(goodClient())));

        List<Check> failing = report.clients().get(0).checks().stream()
                .filter(c -> c.status() != Status.PASS)
                .toList();
        assertThat(failing).extracting(Check::id).as("failing checks").contains(id);
        Check check =
                failing.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.finding()).contains(finding);
        assertThat(check.fix()).isNotBlank();
    }

    @Test
    void withoutAnAlexaPolicyEveryClientIsReportedUncovered() {
        Report report = AlexaDiagnostics.diagnose(realmWith(goodRealm(), "policy", 0), null, List.of(goodClient()));

        assertThat(report.clients().get(0).checks())
                .extracting(Check::id)
                .startsWith("policy-coverage", "redirect-uris", "scopes");
        assertThat(find(report.clients().get(0).checks(), "policy-coverage").status())
                .isEqualTo(Status.FAIL);
        assertThat(find(report.clients().get(0).checks(), "redirect-uris").finding())
                .contains("no 'alexa-redirect-uris' executor");
    }

    @Test
    void theListsOfCheckIdsNameEveryCheckInReportOrder() {
        Report covered = AlexaDiagnostics.diagnose(goodRealm(), RULES, List.of(goodClient()));
        Report uncoveredPublic = AlexaDiagnostics.diagnose(
                realmWith(goodRealm(), "policy", 0), null, List.of(clientWith(goodClient(), "publicClient", true)));

        for (Report report : List.of(covered, uncoveredPublic)) {
            List<String> realmIds = report.realmChecks().stream().map(Check::id).toList();
            List<String> clientIds =
                    report.clients().get(0).checks().stream().map(Check::id).toList();
            assertThat(realmIds).isEqualTo(AlexaDiagnostics.REALM_CHECK_IDS);
            assertThat(AlexaDiagnostics.CLIENT_CHECK_IDS.stream()
                            .filter(clientIds::contains)
                            .toList())
                    .isEqualTo(clientIds);
        }
        assertThat(covered.clients().get(0).checks())
                .extracting(Check::id)
                .isEqualTo(AlexaDiagnostics.CLIENT_CHECK_IDS.subList(1, AlexaDiagnostics.CLIENT_CHECK_IDS.size()));
        assertThat(uncoveredPublic.clients().get(0).checks())
                .extracting(Check::id)
                .contains("policy-coverage")
                .doesNotContain("client-secret");
    }

    private static Arguments realm(String id, String finding, UnaryOperator<RealmSettings> seed) {
        return Arguments.of(id, finding, seed);
    }

    private static Arguments client(String id, String finding, UnaryOperator<ClientSettings> seed) {
        return Arguments.of(id, finding, seed);
    }

    @Test
    void aClientWithoutItsAudienceOrWithPlainPkceFails() {
        Report noAudience = AlexaDiagnostics.diagnose(
                goodRealm(), RULES, List.of(clientWith(goodClient(), "audienceMappers", List.of())));
        assertThat(noAudience.clients().get(0).checks())
                .filteredOn(c -> c.id().equals("token-audience"))
                .singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(Status.FAIL))
                .satisfies(c -> assertThat(c.finding()).contains("do not carry 'alexa-skill'"))
                .satisfies(c -> assertThat(c.fix()).contains("Audience mapper"));
        Report plain = AlexaDiagnostics.diagnose(
                goodRealm(),
                RULES,
                List.of(clientWith(goodClient(), "attribute", Map.of("pkce.code.challenge.method", "plain"))));
        assertThat(plain.clients().get(0).checks())
                .filteredOn(c -> c.id().equals("pkce"))
                .singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(Status.FAIL));
    }

    @Test
    void withoutAKnownUrlTheFrontendUrlCheckIsLeftOut() {
        RealmSettings r = goodRealm();
        RealmSettings atStartup = new RealmSettings(
                r.name(),
                r.accessTokenLifespan(),
                r.ssoSessionIdleTimeout(),
                r.ssoSessionMaxLifespan(),
                r.revokeRefreshToken(),
                r.refreshTokenMaxReuse(),
                r.offlineSessionIdleTimeout(),
                r.offlineSessionMaxLifespanEnabled(),
                r.offlineSessionMaxLifespan(),
                r.defaultRolesGrantOfflineAccess(),
                r.offlineAccessScopeExists(),
                r.sslRequired(),
                null,
                r.alexaPolicyEnabled(),
                r.internationalizationEnabled(),
                r.supportedLocales());

        assertThat(AlexaDiagnostics.diagnose(atStartup, RULES, List.of()).realmChecks())
                .extracting(Check::id)
                .doesNotContain("frontend-url")
                .hasSize(AlexaDiagnostics.REALM_CHECK_IDS.size() - 1);
    }

    @Test
    void theProblemsLineNamesEachProblemWithItsFixAndAtMostTen() {
        ClientSettings client = goodClient();
        for (Map.Entry<String, Object> setting : Map.<String, Object>of(
                        "consent",
                        false,
                        "implicit",
                        true,
                        "direct",
                        true,
                        "standardFlow",
                        false,
                        "publicClient",
                        true,
                        "audienceMappers",
                        List.of(),
                        "defaultScopes",
                        Set.of("basic"))
                .entrySet()) {
            client = clientWith(client, setting.getKey(), setting.getValue());
        }
        Report report = AlexaDiagnostics.diagnose(
                realmWith(goodRealm(), "policy", 0), null, List.of(clientWith(client, "theme", null)));
        List<Check> problems = report.clients().get(0).problems();

        assertThat(problems)
                .hasSizeGreaterThan(InputLimits.MAX_PROBLEMS_LISTED)
                .allSatisfy(c -> assertThat(c.status()).isNotEqualTo(Status.PASS));
        String line = AlexaDiagnostics.describe(problems);
        assertThat(line)
                .startsWith("FAIL policy-coverage: no enabled Alexa client policy covers this client")
                .contains(" (fix: Realm settings > Client policies: enable policy 'alexa-account-linking'")
                .endsWith(" | and " + (problems.size() - InputLimits.MAX_PROBLEMS_LISTED) + " more problem(s) ("
                        + InputLimits.NAME + " lists at most " + InputLimits.MAX_PROBLEMS_LISTED + ")");
        assertThat(line.split(" \\| ")).hasSize(InputLimits.MAX_PROBLEMS_LISTED + 1);
        assertThat(AlexaDiagnostics.describe(List.of(problems.get(0)))).doesNotContain(" | ");
    }
}
