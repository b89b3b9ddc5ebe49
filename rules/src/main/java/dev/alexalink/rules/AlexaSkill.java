package dev.alexalink.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One Alexa skill as an admin enables it: the client it links through, and what the Alexa developer console says
 * about it. Validated whole on creation, every problem named at once, so that nothing is applied from bad input.
 */
public record AlexaSkill(
        String clientId,
        String name,
        List<String> vendorIds,
        List<String> regions,
        List<String> scopes,
        List<String> appRedirectUris,
        String resourceAudience,
        boolean requirePkce,
        boolean enableLanguages) {

    public static final String NAME = "alexa-skill";
    /** Granted to every Alexa client without being asked for: the offline refresh token, and Keycloak's basics. */
    public static final Set<String> DEFAULT_SCOPES = Set.of("basic", "acr", ScopeRule.OFFLINE_ACCESS);

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final int MAX_NAME_LENGTH = 255;

    public AlexaSkill {
        vendorIds = List.copyOf(vendorIds);
        regions = List.copyOf(regions);
        scopes = List.copyOf(scopes);
        appRedirectUris = List.copyOf(appRedirectUris);
    }

    /**
     * Validates an admin's request. Missing lists mean: no scopes, all three regions, no app-to-app URLs; a missing
     * name means the client ID.
     *
     * @throws InvalidRuleConfigurationException naming every problem
     */
    public static AlexaSkill of(
            String clientId,
            String name,
            Collection<String> vendorIds,
            Collection<String> regions,
            Collection<String> scopes,
            Collection<String> appRedirectUris) {
        return of(clientId, name, vendorIds, regions, scopes, appRedirectUris, null, false);
    }

    /**
     * The same, with the skill backend's resource audience (none when null or empty) and whether the skill requires
     * PKCE (app-to-app linking). {@code openid} may be listed among the scopes: it is always allowed, and no client
     * scope, so it is taken out of the list.
     */
    public static AlexaSkill of(
            String clientId,
            String name,
            Collection<String> vendorIds,
            Collection<String> regions,
            Collection<String> scopes,
            Collection<String> appRedirectUris,
            String resourceAudience,
            boolean requirePkce) {
        return of(clientId, name, vendorIds, regions, scopes, appRedirectUris, resourceAudience, requirePkce, false);
    }

    /**
     * The same, and whether to turn on the realm's Internationalization with the {@value SignInChecks#ALEXA_THEME}
     * theme's languages ({@link SignInChecks#ALEXA_THEME_LOCALES}): a realm-wide change, made only when asked for.
     */
    public static AlexaSkill of(
            String clientId,
            String name,
            Collection<String> vendorIds,
            Collection<String> regions,
            Collection<String> scopes,
            Collection<String> appRedirectUris,
            String resourceAudience,
            boolean requirePkce,
            boolean enableLanguages) {
        List<String> problems = new ArrayList<>();
        InputLimits.tooMany("vendor IDs", vendorIds, InputLimits.MAX_VENDOR_IDS).ifPresent(problems::add);
        InputLimits.tooMany("regions", regions, InputLimits.MAX_LIST_ENTRIES).ifPresent(problems::add);
        InputLimits.tooMany("scopes", scopes, InputLimits.MAX_LIST_ENTRIES).ifPresent(problems::add);
        InputLimits.tooMany("app-to-app redirect URLs", appRedirectUris, InputLimits.MAX_REDIRECT_URIS)
                .ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidRuleConfigurationException(NAME, problems);
        }
        if (clientId == null || clientId.isEmpty()) {
            problems.add("a client ID is required");
        } else if (!CLIENT_ID.matcher(clientId).matches()) {
            problems.add("client ID '" + SafeText.of(clientId)
                    + "' must be 1 to 255 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String displayName = name == null || name.isBlank() ? clientId : name.strip();
        if (displayName != null && displayName.length() > MAX_NAME_LENGTH) {
            problems.add("name '" + SafeText.of(displayName) + "' is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (displayName != null && !SafeText.of(displayName).equals(displayName)) {
            problems.add("name '" + SafeText.of(displayName) + "' contains control characters");
        }
        List<String> vendors = distinct(vendorIds, "vendor ID", problems);
        List<String> regionIds = distinct(regions, "region", problems);
        List<String> scopeNames = new ArrayList<>(distinct(scopes, "scope", problems));
        scopeNames.remove(ScopeRule.OPENID);
        TokenAudienceRule.resourceAudienceProblem(resourceAudience).ifPresent(problems::add);
        List<String> apps = distinct(appRedirectUris, "app-to-app redirect URL", problems);
        if (scopeNames.contains(ScopeRule.OFFLINE_ACCESS)) {
            problems.add("scope '" + ScopeRule.OFFLINE_ACCESS + "' is granted to every Alexa client as a default scope;"
                    + " do not list it (nor in the Alexa console)");
        }
        try {
            new RedirectUriRule(vendors, regionIds, apps, false);
        } catch (InvalidRuleConfigurationException e) {
            problems.addAll(e.problems());
        }
        try {
            new ScopeRule(scopeNames);
        } catch (InvalidRuleConfigurationException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleConfigurationException(NAME, problems);
        }
        List<String> resolvedRegions = regionIds.isEmpty()
                ? java.util.Arrays.stream(AlexaRegion.values())
                        .map(AlexaRegion::id)
                        .toList()
                : regionIds;
        String audience = resourceAudience == null || resourceAudience.isEmpty() ? null : resourceAudience;
        return new AlexaSkill(
                clientId,
                displayName,
                vendors,
                resolvedRegions,
                scopeNames,
                apps,
                audience,
                requirePkce,
                enableLanguages);
    }

    /** The redirect URIs the client registers: each vendor's URL in each region, then the app-to-app URLs. */
    public List<String> redirectUris() {
        return List.copyOf(new RedirectUriRule(vendorIds, regions, appRedirectUris, false).allowedRedirectUris());
    }

    private static List<String> distinct(Collection<String> values, String what, List<String> problems) {
        if (values == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String value : values) {
            if (!seen.add(value)) {
                problems.add(what + " '" + SafeText.of(value) + "' is listed twice");
            }
        }
        return new ArrayList<>(seen);
    }
}
