package dev.alexalink.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An Alexa client grants only the scopes the skill is configured with (the Alexa console takes at most 15).
 * {@code offline_access} is always part of an Alexa client: it is what makes the link outlive the SSO session.
 * {@code openid} is always allowed: it is no client scope but the OpenID Connect request that makes the access token
 * good at the userinfo endpoint, which is how a skill backend reads the user.
 */
public final class ScopeRule {

    public static final String NAME = "alexa-scopes";
    public static final int MAX_SCOPES = 15;
    public static final String OFFLINE_ACCESS = "offline_access";
    public static final String OPENID = "openid";

    /**
     * Keycloak's own default scopes that carry no user data beyond the subject and the authentication itself.
     * They may stay default scopes of an Alexa client without being listed.
     */
    public static final Set<String> TECHNICAL_SCOPES = Set.of("basic", "acr", "web-origins", OFFLINE_ACCESS);

    /** RFC 6749 §3.3 scope-token: %x21 / %x23-5B / %x5D-7E. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private final Set<String> allowed;

    public ScopeRule(Collection<String> allowedScopes) {
        List<String> problems = new ArrayList<>();
        InputLimits.tooMany("allowed scopes", allowedScopes, InputLimits.MAX_LIST_ENTRIES)
                .ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidRuleConfigurationException(NAME, problems);
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : allowedScopes == null ? List.<String>of() : allowedScopes) {
            Placeholders.unresolvedVariable(scope)
                    .ifPresent(
                            v -> problems.add(Placeholders.explain(v, "allowed scope '" + SafeText.of(scope) + "'")));
            if (scope == null || !SCOPE_TOKEN.matcher(scope).matches()) {
                problems.add("allowed scope '" + SafeText.of(scope)
                        + "' is not a valid OAuth scope name (RFC 6749 §3.3: no spaces, quotes or backslashes)");
            } else if (!scopes.add(scope)) {
                problems.add("allowed scope '" + SafeText.of(scope) + "' is listed twice");
            }
        }
        if (scopes.size() > MAX_SCOPES) {
            problems.add(
                    scopes.size() + " allowed scopes " + scopes + " exceed the Alexa console's limit of " + MAX_SCOPES);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleConfigurationException(NAME, problems);
        }
        this.allowed = Set.copyOf(scopes);
    }

    public Set<String> allowedScopes() {
        return allowed;
    }

    /**
     * Checks the length of a request's {@code scope} parameter as sent, before anything parses it: Keycloak drops an
     * authorization request's scope over its own limit (4,000 characters on 26.3+) and would go on without it.
     */
    public static Optional<Violation> checkLength(String scopeParameter) {
        return InputLimits.tooLong("the scope parameter", scopeParameter, InputLimits.MAX_SCOPE_PARAMETER_LENGTH)
                .map(problem -> new Violation(NAME, problem));
    }

    /** Checks the {@code scope} parameter of an authorization or refresh request. */
    public Optional<Violation> checkRequested(String scopeParameter) {
        if (scopeParameter == null || scopeParameter.isBlank()) {
            return Optional.empty();
        }
        Optional<Violation> tooLong = checkLength(scopeParameter);
        if (tooLong.isPresent()) {
            return tooLong;
        }
        List<String> refused = new ArrayList<>();
        for (String scope : scopeParameter.trim().split(" +")) {
            if (!allowed.contains(scope) && !OFFLINE_ACCESS.equals(scope) && !OPENID.equals(scope)) {
                refused.add(scope);
            }
        }
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Violation(
                NAME,
                "scope " + SafeText.of(String.join(" ", refused)) + " is not allowed for this Alexa skill (allowed: "
                        + OPENID + " " + String.join(" ", sorted(allowedWithoutOpenid())) + ")"));
    }

    /**
     * Checks the client scopes a client would grant: defaults are granted without being asked for, optionals on
     * request. Both must stay within the allowed scopes, and offline_access must be a default scope.
     */
    public List<Violation> checkClientScopes(Collection<String> defaultScopes, Collection<String> optionalScopes) {
        List<Violation> violations = new ArrayList<>();
        if (defaultScopes != null) {
            for (String scope : defaultScopes) {
                if (!allowed.contains(scope) && !TECHNICAL_SCOPES.contains(scope)) {
                    violations.add(new Violation(
                            NAME,
                            "default client scope '" + SafeText.of(scope) + "' is granted to Alexa without being"
                                    + " an allowed scope; remove it or add it to the allowed scopes "
                                    + sorted(allowed)));
                }
            }
            if (!defaultScopes.contains(OFFLINE_ACCESS)) {
                violations.add(
                        new Violation(
                                NAME,
                                "'" + OFFLINE_ACCESS + "' is not a default client scope: refresh tokens"
                                        + " would die with the SSO session and unlink users; add it as a default client scope"));
            }
        }
        if (optionalScopes != null) {
            for (String scope : optionalScopes) {
                if (!allowed.contains(scope) && !OFFLINE_ACCESS.equals(scope)) {
                    violations.add(new Violation(
                            NAME,
                            "optional client scope '" + SafeText.of(scope) + "' is not an allowed scope;"
                                    + " remove it or add it to the allowed scopes " + sorted(allowed)));
                }
            }
        }
        return violations;
    }

    private List<String> allowedWithoutOpenid() {
        return allowed.stream().filter(scope -> !OPENID.equals(scope)).toList();
    }

    private static List<String> sorted(Collection<String> scopes) {
        String[] array = scopes.toArray(String[]::new);
        Arrays.sort(array);
        return List.of(array);
    }

    /** The report's check of a client's client scopes; {@code rule} is null when no executor applies this rule. */
    public static Check check(ScopeRule rule, ClientSettings client) {
        if (rule == null) {
            return Check.fail(
                    "scopes",
                    "no 'alexa-scopes' executor limits the scopes Alexa may request",
                    "add executor 'alexa-scopes' with the console's scopes to profile 'alexa-account-linking' ("
                            + AlexaDiagnostics.ENABLE_SKILL + ")");
        }
        List<String> allowed = rule.allowedScopes().stream().sorted().toList();
        List<Violation> violations = rule.checkClientScopes(client.defaultScopes(), client.optionalScopes());
        if (violations.isEmpty()) {
            return Check.pass("scopes", "client scopes stay within the allowed scopes " + allowed);
        }
        return Check.fail(
                "scopes",
                InputLimits.listed(violations.stream().map(Violation::message).toList()),
                "Clients > " + client.clientId() + " > Client scopes: keep 'offline_access' as Default, and only "
                        + allowed + " besides basic, acr and web-origins");
    }
}
