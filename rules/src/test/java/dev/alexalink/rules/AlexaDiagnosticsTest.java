package dev.alexalink.rules;

import dev.alexalink.rules.AlexaDiagnostics.Check;
import dev.alexalink.rules.AlexaDiagnostics.ClientSettings;
import dev.alexalink.rules.AlexaDiagnostics.RealmSettings;
import dev.alexalink.rules.AlexaDiagnostics.Report;
import dev.alexalink.rules.AlexaDiagnostics.Rules;
import dev.alexalink.rules.AlexaDiagnostics.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AlexaDiagnosticsTest {

    private static final String VENDOR = "M2VENDOR0001";
    private static final Rules RULES = new Rules(
            new RedirectUriRule(List.of(VENDOR), List.of(), List.of(), false),
            new ScopeRule(List.of("profile")),
            new TokenLifetimeRule(360),
            new ClientShapeRule(true, false, false));

    static RealmSettings goodRealm() {
        return new RealmSettings("shop", 300, 1800, 36000, false, 0, 63072000, false, 0, true, true, "external",
                URI.create("https://auth.example.com"), true);
    }

    static ClientSettings goodClient() {
        return new ClientSettings("alexa-skill",
                List.of(AlexaRegion.NORTH_AMERICA.redirectUri(VENDOR), AlexaRegion.EUROPE.redirectUri(VENDOR), AlexaRegion.FAR_EAST.redirectUri(VENDOR)),
                false, false, "client-secret", "A".repeat(20) + "b".repeat(20), true, false, false, true,
                Set.of("basic", "acr", "offline_access"), Set.of("profile"),
                Map.of("access.token.lifespan", "3600"), "alexa",
                List.of(new TokenAudienceRule.AudienceMapper("alexa-skill", null, true, true)));
    }

    @Test
    void aWellConfiguredRealmAndClientPassEveryCheck() {
        Report report = AlexaDiagnostics.diagnose(goodRealm(), RULES, List.of(goodClient()));

        assertThat(report.failures()).isZero();
        assertThat(report.realmChecks()).allSatisfy(check -> assertThat(check.status()).as(check.toString()).isEqualTo(Status.PASS));
        assertThat(report.clients().get(0).checks()).allSatisfy(check -> {
            assertThat(check.status()).as(check.toString()).isEqualTo(Status.PASS);
            assertThat(check.fix()).isNull();
        });
        assertThat(report.realmChecks()).extracting(Check::id).containsExactly("alexa-policy", "offline-session-idle",
                "offline-session-max", "refresh-token-reuse", "sso-session", "offline-access-role", "offline-access-scope",
                "frontend-url", "ssl-required");
        assertThat(report.clients().get(0).checks()).extracting(Check::id).containsExactly("redirect-uris", "scopes",
                "access-token-lifespan", "offline-access", "refresh-tokens", "client-offline-session", "client-authentication",
                "client-secret", "standard-flow", "implicit-flow", "direct-grants", "consent", "token-audience", "pkce", "theme");
    }

    static Stream<Arguments> realmProblems() {
        return Stream.of(
                realm("offline-session-idle", "90 days", r -> realmWith(r, "offlineSessionIdleTimeout", 90 * 86400)),
                realm("offline-session-max", "every link ends after 60 days", r -> realmWith(r, "offlineSessionMax", 60 * 86400)),
                realm("refresh-token-reuse", "max reuse 0", r -> realmWith(r, "revokeRefreshToken", 0)),
                realm("sso-session", "120 s", r -> realmWith(r, "ssoSessionIdleTimeout", 120)),
                realm("offline-access-role", "default roles do not include 'offline_access'", r -> realmWith(r, "defaultRoles", 0)),
                realm("offline-access-scope", "no 'offline_access' client scope", r -> realmWith(r, "offlineScope", 0)),
                realm("frontend-url", "it is not https", r -> realmWith(r, "frontendUrl", "http://auth.example.com")),
                realm("frontend-url", "uses port 8443", r -> realmWith(r, "frontendUrl", "https://auth.example.com:8443")),
                realm("frontend-url", "'localhost' is not a public DNS name", r -> realmWith(r, "frontendUrl", "https://localhost")),
                realm("frontend-url", "'10.1.2.3' is not a public DNS name", r -> realmWith(r, "frontendUrl", "https://10.1.2.3")),
                realm("ssl-required", "'Require SSL' is none", r -> realmWith(r, "sslRequired", "none")),
                realm("alexa-policy", "no enabled client policy", r -> realmWith(r, "policy", 0)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("realmProblems")
    void eachRealmProblemFailsItsCheckWithAFix(String id, String finding, UnaryOperator<RealmSettings> seed) {
        Report report = AlexaDiagnostics.diagnose(seed.apply(goodRealm()), RULES, List.of(goodClient()));

        Check check = report.realmChecks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.finding()).contains(finding);
        assertThat(check.fix()).isNotBlank();
        assertThat(report.realmChecks().stream().filter(c -> c.status() != Status.PASS)).as("only that check fails").hasSize(1);
    }

    static Stream<Arguments> clientProblems() {
        String layla = AlexaRegion.EUROPE.redirectUri(VENDOR);
        return Stream.of(
                client("redirect-uris", "redirect URI 'https://evil.example.com/cb' is refused",
                        c -> clientWith(c, "redirectUris", List.of(AlexaRegion.NORTH_AMERICA.redirectUri(VENDOR), layla,
                                AlexaRegion.FAR_EAST.redirectUri(VENDOR), "https://evil.example.com/cb"))),
                client("redirect-uris", "users of region north-america cannot link",
                        c -> clientWith(c, "redirectUris", List.of(AlexaRegion.NORTH_AMERICA.redirectUri("M2OTHERVENDOR"), layla,
                                AlexaRegion.FAR_EAST.redirectUri(VENDOR)))),
                client("scopes", "default client scope 'email'", c -> clientWith(c, "defaultScopes", Set.of("basic", "offline_access", "email"))),
                client("access-token-lifespan", "300 s, less than Alexa's 360 s", c -> clientWith(c, "attribute", Map.of("access.token.lifespan", "300"))),
                client("offline-access", "'offline_access' is not a default client scope", c -> clientWith(c, "defaultScopes", Set.of("basic"))),
                client("refresh-tokens", "'Use refresh tokens' is off", c -> clientWith(c, "attribute", Map.of("access.token.lifespan", "3600", "use.refresh.tokens", "false"))),
                client("client-offline-session", "'Client Offline Session Idle' of 30 days",
                        c -> clientWith(c, "attribute", Map.of("access.token.lifespan", "3600", "client.offline.session.idle.timeout", "2592000"))),
                client("client-offline-session", "'Client Offline Session Max' of 365 days",
                        c -> clientWith(c, "attribute", Map.of("access.token.lifespan", "3600", "client.offline.session.max.lifespan", "31536000"))),
                client("client-authentication", "the client is public", c -> clientWith(c, "publicClient", true)),
                client("client-authentication", "authenticates with 'client-jwt'", c -> clientWith(c, "authenticator", "client-jwt")),
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

        List<Check> failing = report.clients().get(0).checks().stream().filter(c -> c.status() != Status.PASS).toList();
        assertThat(failing).extracting(Check::id).as("failing checks").contains(id);
        Check check = failing.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.finding()).contains(finding);
        assertThat(check.fix()).isNotBlank();
    }

    @Test
    void aMissingRegionIsAWarningBecauseASkillMayBeOfferedInSomeRegionsOnly() {
        ClientSettings client = clientWith(goodClient(), "redirectUris", List.of(AlexaRegion.NORTH_AMERICA.redirectUri(VENDOR),
                AlexaRegion.FAR_EAST.redirectUri(VENDOR)));

        Check check = find(AlexaDiagnostics.checkClient(goodRealm(), RULES, client), "redirect-uris");

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.finding()).isEqualTo("users of region europe cannot link: " + AlexaRegion.EUROPE.redirectUri(VENDOR) + " is not registered");
        assertThat(check.fix()).contains(AlexaRegion.EUROPE.redirectUri(VENDOR));
    }

    @Test
    void anotherSkillsVendorIsNotReportedMissing() {
        Rules twoSkills = new Rules(new RedirectUriRule(List.of(VENDOR, "M2OTHERSKILL"), List.of(), List.of(), false),
                RULES.scopes(), RULES.tokens(), RULES.shape());

        Check check = find(AlexaDiagnostics.checkClient(goodRealm(), twoSkills, goodClient()), "redirect-uris");

        assertThat(check.status()).isEqualTo(Status.PASS);
    }

    @Test
    void theRedirectFixListsExactlyTheUrisToKeep() {
        ClientSettings client = clientWith(goodClient(), "redirectUris", List.of(AlexaRegion.NORTH_AMERICA.redirectUri(VENDOR), "https://evil.example.com/cb"));

        Check check = AlexaDiagnostics.checkClient(goodRealm(), RULES, client).get(0);

        assertThat(check.fix()).endsWith("exactly " + AlexaRegion.NORTH_AMERICA.redirectUri(VENDOR) + " "
                + AlexaRegion.EUROPE.redirectUri(VENDOR) + " " + AlexaRegion.FAR_EAST.redirectUri(VENDOR));
    }

    @Test
    void anotherThemeIsAWarningNotAFailure() {
        ClientSettings client = clientWith(goodClient(), "theme", "keycloak.v2");

        Check theme = AlexaDiagnostics.checkClient(goodRealm(), RULES, client).stream().filter(c -> c.id().equals("theme")).findFirst().orElseThrow();

        assertThat(theme.status()).isEqualTo(Status.WARN);
        assertThat(theme.fix()).contains("login_theme=alexa");
    }

    @Test
    void aShortRealmTokenLifespanIsOnlyAWarningWhenTheTokenExecutorRaisesIt() {
        ClientSettings client = clientWith(goodClient(), "attribute", Map.of());

        Check withExecutor = find(AlexaDiagnostics.checkClient(goodRealm(), RULES, client), "access-token-lifespan");
        Check without = find(AlexaDiagnostics.checkClient(goodRealm(), new Rules(RULES.redirectUris(), RULES.scopes(), null, RULES.shape()), client),
                "access-token-lifespan");

        assertThat(withExecutor.status()).isEqualTo(Status.WARN);
        assertThat(without.status()).isEqualTo(Status.FAIL);
        assertThat(without.finding()).contains("the realm's 300 s");
    }

    @Test
    void withoutAnAlexaPolicyEveryClientIsReportedUncovered() {
        Report report = AlexaDiagnostics.diagnose(realmWith(goodRealm(), "policy", 0), null, List.of(goodClient()));

        assertThat(report.clients().get(0).checks()).extracting(Check::id).startsWith("policy-coverage", "redirect-uris", "scopes");
        assertThat(find(report.clients().get(0).checks(), "policy-coverage").status()).isEqualTo(Status.FAIL);
        assertThat(find(report.clients().get(0).checks(), "redirect-uris").finding()).contains("no 'alexa-redirect-uris' executor");
    }

    @Test
    void theListsOfCheckIdsNameEveryCheckInReportOrder() {
        Report covered = AlexaDiagnostics.diagnose(goodRealm(), RULES, List.of(goodClient()));
        Report uncoveredPublic = AlexaDiagnostics.diagnose(realmWith(goodRealm(), "policy", 0), null,
                List.of(clientWith(goodClient(), "publicClient", true)));

        for (Report report : List.of(covered, uncoveredPublic)) {
            List<String> realmIds = report.realmChecks().stream().map(Check::id).toList();
            List<String> clientIds = report.clients().get(0).checks().stream().map(Check::id).toList();
            assertThat(realmIds).isEqualTo(AlexaDiagnostics.REALM_CHECK_IDS);
            assertThat(AlexaDiagnostics.CLIENT_CHECK_IDS.stream().filter(clientIds::contains).toList()).isEqualTo(clientIds);
        }
        assertThat(covered.clients().get(0).checks()).extracting(Check::id)
                .isEqualTo(AlexaDiagnostics.CLIENT_CHECK_IDS.subList(1, AlexaDiagnostics.CLIENT_CHECK_IDS.size()));
        assertThat(uncoveredPublic.clients().get(0).checks()).extracting(Check::id)
                .contains("policy-coverage").doesNotContain("client-secret");
    }

    private static Check find(List<Check> checks, String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static Arguments realm(String id, String finding, UnaryOperator<RealmSettings> seed) {
        return Arguments.of(id, finding, seed);
    }

    private static Arguments client(String id, String finding, UnaryOperator<ClientSettings> seed) {
        return Arguments.of(id, finding, seed);
    }

    private static RealmSettings realmWith(RealmSettings r, String setting, Object value) {
        return new RealmSettings(r.name(), r.accessTokenLifespan(),
                setting.equals("ssoSessionIdleTimeout") ? (int) value : r.ssoSessionIdleTimeout(), r.ssoSessionMaxLifespan(),
                setting.equals("revokeRefreshToken") || r.revokeRefreshToken(), r.refreshTokenMaxReuse(),
                setting.equals("offlineSessionIdleTimeout") ? (int) value : r.offlineSessionIdleTimeout(),
                setting.equals("offlineSessionMax") || r.offlineSessionMaxLifespanEnabled(),
                setting.equals("offlineSessionMax") ? (int) value : r.offlineSessionMaxLifespan(),
                !setting.equals("defaultRoles") && r.defaultRolesGrantOfflineAccess(),
                !setting.equals("offlineScope") && r.offlineAccessScopeExists(),
                setting.equals("sslRequired") ? (String) value : r.sslRequired(),
                setting.equals("frontendUrl") ? URI.create((String) value) : r.frontendUrl(),
                !setting.equals("policy") && r.alexaPolicyEnabled());
    }

    @Test
    void aClientWithoutItsAudienceOrWithPlainPkceFails() {
        Report noAudience = AlexaDiagnostics.diagnose(goodRealm(), RULES, List.of(clientWith(goodClient(), "audienceMappers", List.of())));
        assertThat(noAudience.clients().get(0).checks()).filteredOn(c -> c.id().equals("token-audience")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(Status.FAIL))
                .satisfies(c -> assertThat(c.finding()).contains("do not carry 'alexa-skill'"))
                .satisfies(c -> assertThat(c.fix()).contains("Audience mapper"));
        Report plain = AlexaDiagnostics.diagnose(goodRealm(), RULES,
                List.of(clientWith(goodClient(), "attribute", Map.of("pkce.code.challenge.method", "plain"))));
        assertThat(plain.clients().get(0).checks()).filteredOn(c -> c.id().equals("pkce")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(Status.FAIL));
    }

    @SuppressWarnings("unchecked")
    private static ClientSettings clientWith(ClientSettings c, String setting, Object value) {
        Map<String, String> attributes = setting.equals("attribute") ? new HashMap<>((Map<String, String>) value) : c.attributes();
        return new ClientSettings(c.clientId(),
                setting.equals("redirectUris") ? (List<String>) value : c.redirectUris(),
                setting.equals("publicClient") ? (boolean) value : c.publicClient(), c.bearerOnly(),
                setting.equals("authenticator") ? (String) value : c.clientAuthenticatorType(),
                setting.equals("secret") ? (String) value : c.secret(),
                setting.equals("standardFlow") ? (boolean) value : c.standardFlowEnabled(),
                setting.equals("implicit") ? (boolean) value : c.implicitFlowEnabled(),
                setting.equals("direct") ? (boolean) value : c.directAccessGrantsEnabled(),
                setting.equals("consent") ? (boolean) value : c.consentRequired(),
                setting.equals("defaultScopes") ? (Set<String>) value : c.defaultScopes(), c.optionalScopes(),
                attributes, setting.equals("theme") ? (String) value : c.loginTheme(),
                setting.equals("audienceMappers") ? (List<TokenAudienceRule.AudienceMapper>) value : c.audienceMappers());
    }
}
