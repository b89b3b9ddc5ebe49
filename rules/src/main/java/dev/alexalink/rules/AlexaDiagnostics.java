package dev.alexalink.rules;

import dev.alexalink.rules.Check.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The diagnostics report: every Alexa rule's checks for a realm and each of its Alexa clients, whether they pass, and
 * the exact fix when they do not. Each rule contributes its own checks ({@link SignInChecks} those of the sign-in
 * pages, which no executor enforces); the checks that an Alexa policy exists and covers the clients are here. It reads plain
 * snapshots of the settings, so that it judges clients from a realm import exactly like clients an admin created.
 * The diagnostics API, the console page and the startup log all show this report.
 */
public final class AlexaDiagnostics {

    public record ClientReport(String clientId, List<Check> checks) {
        public long failures() {
            return checks.stream()
                    .filter(check -> check.status() == Status.FAIL)
                    .count();
        }

        /** The checks that do not pass. */
        public List<Check> problems() {
            return AlexaDiagnostics.problems(checks);
        }
    }

    public record Report(String realm, List<Check> realmChecks, List<ClientReport> clients) {
        public long failures() {
            return realmChecks.stream()
                            .filter(check -> check.status() == Status.FAIL)
                            .count()
                    + clients.stream().mapToLong(ClientReport::failures).sum();
        }

        /** The realm's checks that do not pass. */
        public List<Check> realmProblems() {
            return problems(realmChecks);
        }
    }

    /** Every check a realm's part of a report can hold, in report order. */
    public static final List<String> REALM_CHECK_IDS = List.of(
            "alexa-policy",
            "offline-session-idle",
            "offline-session-max",
            "refresh-token-reuse",
            "sso-session",
            "offline-access-role",
            "offline-access-scope",
            "frontend-url",
            "ssl-required");
    /**
     * Every check a client's part of a report can hold, in report order. {@code policy-coverage} only appears when no
     * Alexa policy covers the client, {@code client-secret} only for confidential clients, {@code languages} only for
     * clients whose pages use the 'alexa' theme.
     */
    public static final List<String> CLIENT_CHECK_IDS = List.of(
            "policy-coverage",
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

    static final String ENABLE_SKILL = "PUT /admin/realms/{realm}/alexa/skills/{clientId} sets this";

    private AlexaDiagnostics() {}

    /** Diagnoses a realm and its Alexa clients; {@code rules} is null when no enabled Alexa policy covers them. */
    public static Report diagnose(RealmSettings realm, PolicyRules rules, List<ClientSettings> clients) {
        List<ClientReport> clientReports = new ArrayList<>();
        for (ClientSettings client : clients) {
            clientReports.add(new ClientReport(client.clientId(), checkClient(realm, rules, client)));
        }
        return new Report(realm.name(), checkRealm(realm, rules), clientReports);
    }

    static List<Check> checkRealm(RealmSettings realm, PolicyRules rules) {
        List<Check> checks = new ArrayList<>();
        checks.add(
                realm.alexaPolicyEnabled() && rules != null
                        ? Check.pass(
                                "alexa-policy", "an enabled client policy applies the Alexa rules to Alexa clients")
                        : Check.fail(
                                "alexa-policy",
                                "no enabled client policy with the 'alexa-client' condition: none of the Alexa rules apply",
                                "Realm settings > Client policies > Policies: add policy 'alexa-account-linking' with condition 'alexa-client'"
                                        + " and profile 'alexa-account-linking' (" + ENABLE_SKILL + ")"));
        checks.addAll(RefreshTokenRule.realmChecks(realm));
        checks.add(SignInChecks.ssoSession(realm));
        checks.addAll(RefreshTokenRule.offlineAccessChecks(realm));
        if (realm.frontendUrl() != null) {
            checks.add(SignInChecks.frontendUrl(realm.frontendUrl()));
        }
        checks.add(SignInChecks.sslRequired(realm));
        return checks;
    }

    static List<Check> checkClient(RealmSettings realm, PolicyRules rules, ClientSettings client) {
        List<Check> checks = new ArrayList<>();
        if (rules == null) {
            checks.add(Check.fail(
                    "policy-coverage",
                    "no enabled Alexa client policy covers this client: nothing enforces the Alexa rules",
                    "Realm settings > Client policies: enable policy 'alexa-account-linking' (" + ENABLE_SKILL + ")"));
        }
        checks.add(RedirectUriRule.check(rules == null ? null : rules.redirectUris(), client));
        checks.add(ScopeRule.check(rules == null ? null : rules.scopes(), client));
        checks.add(TokenLifetimeRule.check(rules == null ? null : rules.tokens(), realm, client));
        checks.addAll(RefreshTokenRule.clientChecks(realm, client));
        checks.addAll(ClientShapeRule.checks(rules == null ? null : rules.shape(), client));
        checks.add(TokenAudienceRule.check(client));
        checks.add(PkceRule.check(client));
        checks.add(SignInChecks.theme(client));
        SignInChecks.languages(realm, client).ifPresent(checks::add);
        return checks;
    }

    /**
     * The problems as one line: each check's status, id, finding and fix, at most {@link InputLimits#MAX_PROBLEMS_LISTED}
     * of them, and how many more there are.
     */
    public static String describe(List<Check> problems) {
        int max = InputLimits.MAX_PROBLEMS_LISTED;
        String shown = problems.stream()
                .limit(max)
                .map(check ->
                        check.status() + " " + check.id() + ": " + check.finding() + " (fix: " + check.fix() + ")")
                .collect(Collectors.joining(" | "));
        return problems.size() <= max
                ? shown
                : shown + " | and " + (problems.size() - max) + " more problem(s) (" + InputLimits.NAME
                        + " lists at most " + max + ")";
    }

    private static List<Check> problems(List<Check> checks) {
        return checks.stream().filter(check -> check.status() != Status.PASS).toList();
    }

    /** A positive whole number of seconds, or empty for none (blank, zero, negative or not a number: Keycloak's default applies). */
    static Optional<Integer> positive(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            return parsed > 0 ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
