package dev.alexalink.keycloak.admin;

import dev.alexalink.rules.AlexaDiagnostics;
import dev.alexalink.rules.AlexaSkill;
import dev.alexalink.rules.InvalidRuleConfigurationException;
import dev.alexalink.rules.SafeText;
import dev.alexalink.rules.SignInChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The configuration of one item of the admin console's "Alexa skills" page: the settings an admin edits (those of
 * the admin API's skill). The console cannot compute anything when it shows an item, so the page shows no console
 * values and no diagnostics: a snapshot of the last save looked editable and went stale. The Alexa admin page
 * ({@link AlexaAdminPageResource}) shows them, computed when it opens. The fields that older versions wrote on save
 * ({@link #WRITTEN_ON_SAVE}) are still accepted from realm files and dropped.
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

    /** What versions before the Alexa admin page wrote into an item on save; accepted back and dropped. */
    static final List<String> WRITTEN_ON_SAVE = Stream.of(
                    CONSOLE_VALUES.stream(),
                    Stream.of(DIAGNOSTICS),
                    CHECKS.stream().map(AlexaSkillItem::checkField))
            .flatMap(s -> s)
            .toList();

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
                        + String.join(", ", SETTINGS) + ")");
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

    /** Drops the fields that older versions wrote on save: they were snapshots, never settings. */
    static void dropWrittenOnSave(Map<String, List<String>> config) {
        WRITTEN_ON_SAVE.forEach(config::remove);
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
