package dev.alexalink.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of an Alexa client: confidential with a client secret, authorization code flow, consent required;
 * no implicit flow and no direct access grants unless the admin explicitly allows them.
 * <p>
 * Settings whose safe value is obvious (flows, consent) are repaired when auto-configure is on; the rest
 * (public or bearer-only clients, other authenticators) change how the client authenticates, so they are refused.
 */
public final class ClientShapeRule {

    public static final String NAME = "alexa-client-shape";
    public static final String CLIENT_SECRET_AUTHENTICATOR = "client-secret";

    /** The settings of a client as they will be after the change being checked. Null means unset. */
    public record Shape(
            Boolean publicClient,
            Boolean bearerOnly,
            String clientAuthenticatorType,
            Boolean standardFlowEnabled,
            Boolean implicitFlowEnabled,
            Boolean directAccessGrantsEnabled,
            Boolean consentRequired) {}

    /** A setting changed by the rule: what, to which value, and why. */
    public record Repair(String setting, boolean value, String reason) {
        @Override
        public String toString() {
            return setting + "=" + value + " (" + reason + ")";
        }
    }

    public record Result(List<Repair> repairs, List<Violation> violations) {}

    private final boolean autoConfigure;
    private final boolean allowImplicitFlow;
    private final boolean allowDirectAccessGrants;

    public ClientShapeRule(boolean autoConfigure, boolean allowImplicitFlow, boolean allowDirectAccessGrants) {
        this.autoConfigure = autoConfigure;
        this.allowImplicitFlow = allowImplicitFlow;
        this.allowDirectAccessGrants = allowDirectAccessGrants;
    }

    public boolean allowsImplicitFlow() {
        return allowImplicitFlow;
    }

    public boolean allowsDirectAccessGrants() {
        return allowDirectAccessGrants;
    }

    public Result evaluate(Shape shape) {
        List<Repair> repairs = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();

        if (Boolean.TRUE.equals(shape.publicClient())) {
            violations.add(new Violation(
                    NAME,
                    "the client is public: Alexa authenticates with a client secret;"
                            + " turn 'Client authentication' on"));
        }
        if (Boolean.TRUE.equals(shape.bearerOnly())) {
            violations.add(new Violation(NAME, "the client is bearer-only: it cannot log users in for Alexa"));
        }
        String authenticator = shape.clientAuthenticatorType();
        if (authenticator != null && !CLIENT_SECRET_AUTHENTICATOR.equals(authenticator)) {
            violations.add(new Violation(
                    NAME,
                    "client authenticator '" + authenticator + "' cannot be used by Alexa;" + " use '"
                            + CLIENT_SECRET_AUTHENTICATOR + "' (Client Id and Secret)"));
        }
        // Keycloak treats an unset standard flow as enabled, consent as not required.
        if (Boolean.FALSE.equals(shape.standardFlowEnabled())) {
            fix(repairs, violations, "standardFlowEnabled", true, "Alexa uses the authorization code flow");
        }
        if (Boolean.TRUE.equals(shape.implicitFlowEnabled()) && !allowImplicitFlow) {
            fix(
                    repairs,
                    violations,
                    "implicitFlowEnabled",
                    false,
                    "Alexa does not use the implicit flow and it leaks tokens");
        }
        if (Boolean.TRUE.equals(shape.directAccessGrantsEnabled()) && !allowDirectAccessGrants) {
            fix(
                    repairs,
                    violations,
                    "directAccessGrantsEnabled",
                    false,
                    "password grants would let the skill's secret holder log in as any user");
        }
        if (!Boolean.TRUE.equals(shape.consentRequired())) {
            fix(repairs, violations, "consentRequired", true, "users must see what Alexa may do before linking");
        }
        return new Result(repairs, violations);
    }

    private void fix(List<Repair> repairs, List<Violation> violations, String setting, boolean value, String reason) {
        if (autoConfigure) {
            repairs.add(new Repair(setting, value, reason));
        } else {
            violations.add(new Violation(
                    NAME,
                    setting + " must be " + value + ": " + reason
                            + " (turn on auto-configure to have it set automatically)"));
        }
    }

    /** The report's checks of how a client authenticates and which flows it has; {@code rule} may be null (no executor). */
    public static List<Check> checks(ClientShapeRule rule, ClientSettings client) {
        List<Check> checks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (client.publicClient()) {
            problems.add("the client is public");
        }
        if (client.bearerOnly()) {
            problems.add("the client is bearer-only");
        }
        if (client.clientAuthenticatorType() != null
                && !CLIENT_SECRET_AUTHENTICATOR.equals(client.clientAuthenticatorType())) {
            problems.add("it authenticates with '" + SafeText.of(client.clientAuthenticatorType()) + "'");
        }
        checks.add(
                problems.isEmpty()
                        ? Check.pass(
                                "client-authentication",
                                "Alexa authenticates with the client ID and secret (HTTP Basic or in the body)")
                        : Check.fail(
                                "client-authentication",
                                String.join("; ", problems) + ": Alexa authenticates with a client ID and secret",
                                "Clients > " + client.clientId()
                                        + " > Settings > Capability config: Client authentication on;"
                                        + " Credentials > Client Authenticator: Client Id and Secret"));
        if (!client.publicClient()) {
            checks.add(ClientSecretRule.check(client));
        }
        checks.add(
                client.standardFlowEnabled()
                        ? Check.pass("standard-flow", "the authorization code flow is on")
                        : Check.fail(
                                "standard-flow",
                                "the authorization code flow ('Standard flow') is off: Alexa cannot link",
                                Check.settings(client) + "Standard flow: on (standardFlowEnabled=true)"));
        checks.add(grantCheck(
                "implicit-flow",
                "the implicit flow",
                client.implicitFlowEnabled(),
                rule != null && rule.allowsImplicitFlow(),
                Check.settings(client) + "Implicit flow: off (implicitFlowEnabled=false)"));
        checks.add(grantCheck(
                "direct-grants",
                "the password grant (direct access grants)",
                client.directAccessGrantsEnabled(),
                rule != null && rule.allowsDirectAccessGrants(),
                Check.settings(client) + "Direct access grants: off (directAccessGrantsEnabled=false)"));
        checks.add(
                client.consentRequired()
                        ? Check.pass("consent", "users see the consent page before linking")
                        : Check.fail(
                                "consent",
                                "consent is not required: users link without seeing what Alexa may do",
                                "Clients > " + client.clientId()
                                        + " > Settings > Login settings > Consent required: on (consentRequired=true)"));
        return checks;
    }

    private static Check grantCheck(String id, String what, boolean enabled, boolean allowed, String fix) {
        if (!enabled) {
            return Check.pass(id, what + " is off");
        }
        if (allowed) {
            return Check.warn(id, what + " is on, as the policy allows; Alexa does not use it", fix);
        }
        return Check.fail(id, what + " is on: Alexa does not use it, and it weakens the client", fix);
    }
}
