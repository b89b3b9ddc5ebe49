package dev.alexalink.keycloak.admin;

import dev.alexalink.rules.AlexaDiagnostics;
import dev.alexalink.rules.AlexaDiagnostics.Report;
import dev.alexalink.rules.AlexaSkill;
import dev.alexalink.rules.Check;
import dev.alexalink.rules.Check.Status;
import dev.alexalink.rules.InvalidRuleConfigurationException;
import dev.alexalink.rules.SafeText;
import dev.alexalink.rules.SignInChecks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The configuration of one item of the admin console's "Alexa skills" page: the settings an admin edits (those of
 * the admin API's skill), and the fields the server writes each time the item is saved: the values for the Alexa
 * developer console and the diagnostics. The console cannot compute anything when it shows an item, so these are
 * snapshots of the last save.
 */
final class AlexaSkillItem {

    static final String CLIENT = "client";
    static final String NAME = "name";
    static final String VENDOR_IDS = "vendorIds";
    static final String REGIONS = "regions";
    static final String SCOPES = "scopes";
    static final String APP_REDIRECT_URIS = "appRedirectUris";
    static final String RESOURCE_AUDIENCE = "resourceAudience";
    static final String REQUIRE_PKCE = "requirePkce";
    static final String ENABLE_LANGUAGES = SignInChecks.ENABLE_LANGUAGES;
    static final List<String> SETTINGS = List.of(
            CLIENT,
            NAME,
            VENDOR_IDS,
            REGIONS,
            SCOPES,
            APP_REDIRECT_URIS,
            RESOURCE_AUDIENCE,
            REQUIRE_PKCE,
            ENABLE_LANGUAGES);

    static final String AUTHORIZATION_URI = "consoleAuthorizationUri";
    static final String ACCESS_TOKEN_URI = "consoleAccessTokenUri";
    static final String CLIENT_ID = "consoleClientId";
    static final String SECRET = "consoleSecret";
    static final String AUTHENTICATION_SCHEME = "consoleAuthenticationScheme";
    static final String CONSOLE_SCOPES = "consoleScopes";
    static final String DOMAIN_LIST = "consoleDomainList";
    static final String TOKEN_EXPIRATION = "consoleDefaultAccessTokenExpirationTime";
    static final String REDIRECT_URLS = "consoleAlexaRedirectUrls";
    static final String BACKEND_ISSUER = "backendIssuer";
    static final String BACKEND_AUDIENCES = "backendAudiences";
    static final List<String> CONSOLE_VALUES = List.of(
            AUTHORIZATION_URI,
            ACCESS_TOKEN_URI,
            CLIENT_ID,
            SECRET,
            AUTHENTICATION_SCHEME,
            CONSOLE_SCOPES,
            DOMAIN_LIST,
            TOKEN_EXPIRATION,
            REDIRECT_URLS,
            BACKEND_ISSUER,
            BACKEND_AUDIENCES);
    static final String DIAGNOSTICS = "diagnostics";
    /** The client's checks first: they are about this skill; then the realm's. */
    static final List<String> CHECKS = Stream.concat(
                    AlexaDiagnostics.CLIENT_CHECK_IDS.stream(), AlexaDiagnostics.REALM_CHECK_IDS.stream())
            .toList();

    static final List<String> WRITTEN_ON_SAVE = Stream.of(
                    CONSOLE_VALUES.stream(),
                    Stream.of(DIAGNOSTICS),
                    CHECKS.stream().map(AlexaSkillItem::checkField))
            .flatMap(s -> s)
            .toList();

    /** Why a check is missing from a client's report: two checks only run where they apply. */
    static final Map<String, String> NOT_REPORTED = Map.of(
            "policy-coverage",
                    "Not reported: this check appears only when no enabled Alexa client policy covers the client.",
            "client-secret", "Not reported: this check appears only for confidential clients.");

    private AlexaSkillItem() {}

    static String checkField(String checkId) {
        return "check-" + checkId;
    }

    /**
     * The skill the settings describe.
     *
     * @throws InvalidRuleConfigurationException naming every problem: unknown fields, several values where one is
     *                                           expected, and everything {@link AlexaSkill#of} refuses
     */
    static AlexaSkill skillOf(Map<String, List<String>> config) {
        List<String> problems = new ArrayList<>();
        for (String field : config.keySet()) {
            if (!SETTINGS.contains(field) && !WRITTEN_ON_SAVE.contains(field)) {
                problems.add("unknown field '" + SafeText.of(field) + "' (the settings are "
                        + String.join(", ", SETTINGS) + "; the other fields are written when the skill is saved)");
            }
        }
        String clientId = single(config, CLIENT, problems);
        String name = single(config, NAME, problems);
        try {
            boolean requirePkce = bool(config, REQUIRE_PKCE, problems);
            boolean enableLanguages = bool(config, ENABLE_LANGUAGES, problems);
            AlexaSkill skill = AlexaSkill.of(
                    clientId,
                    name,
                    values(config, VENDOR_IDS),
                    values(config, REGIONS),
                    values(config, SCOPES),
                    values(config, APP_REDIRECT_URIS),
                    single(config, RESOURCE_AUDIENCE, problems),
                    requirePkce,
                    enableLanguages);
            if (problems.isEmpty()) {
                return skill;
            }
        } catch (InvalidRuleConfigurationException e) {
            problems.addAll(e.problems());
        }
        throw new InvalidRuleConfigurationException(AlexaSkill.NAME, problems);
    }

    /** Stores the settings as they were applied: the name and regions with their defaults filled in. */
    static void writeSettings(Map<String, List<String>> config, AlexaSkill skill) {
        set(config, CLIENT, List.of(skill.clientId()));
        set(config, NAME, List.of(skill.name()));
        set(config, VENDOR_IDS, skill.vendorIds());
        set(config, REGIONS, skill.regions());
        putOrRemove(config, SCOPES, skill.scopes());
        putOrRemove(config, APP_REDIRECT_URIS, skill.appRedirectUris());
        putOrRemove(
                config,
                RESOURCE_AUDIENCE,
                skill.resourceAudience() == null ? List.of() : List.of(skill.resourceAudience()));
        set(config, REQUIRE_PKCE, List.of(String.valueOf(skill.requirePkce())));
        set(config, ENABLE_LANGUAGES, List.of(String.valueOf(skill.enableLanguages())));
    }

    /** A boolean setting: "true" or "false", false when absent. */
    private static boolean bool(Map<String, List<String>> config, String field, List<String> problems) {
        String value = single(config, field, problems);
        if (value != null && !List.of("true", "false").contains(value)) {
            problems.add("field '" + field + "' must be true or false, not '" + SafeText.of(value) + "'");
        }
        return "true".equals(value);
    }

    /** Replaces the written fields with these console values (never the secret) and this report of the client. */
    static void writeComputed(
            Map<String, List<String>> config,
            String realmName,
            ConsoleValues console,
            SkillBackendValues backend,
            Report report,
            Instant checkedAt) {
        WRITTEN_ON_SAVE.forEach(config::remove);
        set(config, AUTHORIZATION_URI, List.of(console.authorizationUri()));
        set(config, ACCESS_TOKEN_URI, List.of(console.accessTokenUri()));
        set(config, CLIENT_ID, List.of(console.clientId()));
        set(
                config,
                SECRET,
                List.of("Not stored here: copy it from Clients > " + console.clientId()
                        + " > Credentials > Client Secret, or GET /admin/realms/" + realmName + "/alexa/skills/"
                        + console.clientId()));
        set(config, AUTHENTICATION_SCHEME, List.of(console.authenticationScheme()));
        putOrRemove(config, CONSOLE_SCOPES, console.scopes());
        set(config, DOMAIN_LIST, console.domainList());
        set(config, TOKEN_EXPIRATION, List.of(String.valueOf(console.defaultAccessTokenExpirationTime())));
        putOrRemove(config, REDIRECT_URLS, console.alexaRedirectUrls());
        set(config, BACKEND_ISSUER, List.of(backend.issuer()));
        putOrRemove(config, BACKEND_AUDIENCES, backend.audiences());
        set(config, DIAGNOSTICS, List.of(summary(report, checkedAt)));
        List<Check> checks = new ArrayList<>(report.realmChecks());
        report.clients().forEach(client -> checks.addAll(client.checks()));
        for (String id : CHECKS) {
            String text = checks.stream()
                    .filter(check -> check.id().equals(id))
                    .findFirst()
                    .map(AlexaSkillItem::describe)
                    .orElse(NOT_REPORTED.getOrDefault(id, "Not reported."));
            set(config, checkField(id), List.of(text));
        }
    }

    /**
     * For an item that arrives with a realm import: the import does not apply it (imported clients are reported, not
     * changed), so the written fields say so instead of showing values from wherever the file was exported.
     */
    static void writeNotApplied(Map<String, List<String>> config, Instant importedAt) {
        WRITTEN_ON_SAVE.forEach(config::remove);
        set(
                config,
                DIAGNOSTICS,
                List.of("Not applied: imported with the realm at " + importedAt.truncatedTo(ChronoUnit.SECONDS)
                        + ". A realm import does not change the client. Open this skill and save it to apply it and to see the"
                        + " Alexa console values and the diagnostics."));
    }

    static String summary(Report report, Instant checkedAt) {
        List<Check> checks = new ArrayList<>(report.realmChecks());
        report.clients().forEach(client -> checks.addAll(client.checks()));
        long failed =
                checks.stream().filter(check -> check.status() == Status.FAIL).count();
        long warnings =
                checks.stream().filter(check -> check.status() == Status.WARN).count();
        long passed = checks.size() - failed - warnings;
        return failed + " failed, " + warnings + (warnings == 1 ? " warning, " : " warnings, ") + passed + " passed"
                + " (checked when saved, " + checkedAt.truncatedTo(ChronoUnit.SECONDS) + ")";
    }

    static String describe(Check check) {
        String text = check.status() + ": " + check.finding();
        return check.fix() == null ? text : text + "\nFix: " + check.fix();
    }

    private static String single(Map<String, List<String>> config, String field, List<String> problems) {
        List<String> values = values(config, field);
        if (values.size() > 1) {
            problems.add("field '" + field + "' takes one value, not " + values.size() + ": "
                    + values.stream().map(v -> "'" + SafeText.of(v) + "'").toList());
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> values(Map<String, List<String>> config, String field) {
        return Optional.ofNullable(config.get(field)).orElse(List.of());
    }

    private static void putOrRemove(Map<String, List<String>> config, String field, List<String> values) {
        if (values.isEmpty()) {
            config.remove(field);
        } else {
            set(config, field, values);
        }
    }

    /** Component configurations are mutable lists; Keycloak may add to them. */
    private static void set(Map<String, List<String>> config, String field, List<String> values) {
        config.put(field, new ArrayList<>(values));
    }
}
