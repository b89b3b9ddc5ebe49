package dev.alexalink.keycloak.clientpolicy;

import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.rules.InputLimits;
import dev.alexalink.rules.InvalidRuleConfigurationException;
import dev.alexalink.rules.SafeText;
import dev.alexalink.rules.Violation;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.context.DynamicClientRegisterContext;
import org.keycloak.services.clientpolicy.context.DynamicClientUpdateContext;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Turns rule violations into Keycloak's refusals, and logs each one with the realm and client it concerns. */
public final class Refusals {

    private static final Logger LOG = Logger.getLogger("dev.alexalink");

    private Refusals() {}

    /**
     * Logs the violations on one line, naming the rules, the step refused, the client and the realm (each violation's
     * message names the offending value), and returns the refusal that carries them; both list at most
     * {@link InputLimits#MAX_PROBLEMS_LISTED}, so that a refusal costs one bounded line whatever the input.
     */
    static ClientPolicyException refuse(
            KeycloakSession session,
            ClientPolicyEvent step,
            String clientId,
            String error,
            List<Violation> violations) {
        String client = clientId == null ? "an unnamed client" : "client '" + SafeText.of(clientId) + "'";
        ClientPolicyException refusal = refusal(session, step, client, error, violations);
        if (step == ClientPolicyEvent.PRE_AUTHORIZATION_REQUEST || step == ClientPolicyEvent.AUTHORIZATION_REQUEST) {
            KeycloakApi.recordAuthorizationRefusal(session, clientId, refusal.getError(), refusal.getErrorDetail());
        }
        if (step == ClientPolicyEvent.PRE_AUTHORIZATION_REQUEST) {
            // Keycloak shows this refusal on its error page as sanitized HTML (entities decoded first), and the detail
            // quotes the request's own values: a redirect_uri with a link in it would become a live link on our domain.
            return new ClientPolicyException(refusal.getError(), SafeText.forErrorPage(refusal.getErrorDetail()));
        }
        return refusal;
    }

    private static ClientPolicyException refusal(
            KeycloakSession session, ClientPolicyEvent step, String client, String error, List<Violation> violations) {
        String rules = violations.stream().map(Violation::rule).distinct().collect(Collectors.joining(", "));
        String detail =
                InputLimits.listed(violations.stream().map(Violation::message).toList());
        LOG.warnf(
                "Alexa rule %s refused %s of %s in realm '%s' (%s): %s",
                rules, describe(step), client, realmName(session), error, detail);
        return new ClientPolicyException(error, detail);
    }

    /**
     * Refuses a client create or update. Keycloak's admin API answers a ClientPolicyException with HTTP 400 and its
     * detail, but dynamic client registration turns it into 403 insufficient_scope and drops the detail; there the
     * RFC 7591 answer (400 with error and error_description) is sent directly.
     */
    static ClientPolicyException refuseClientChange(
            KeycloakSession session, ClientCRUDContext context, String error, List<Violation> violations) {
        ClientRepresentation proposed = context.getProposedClientRepresentation();
        String client = proposed.getClientId() != null
                ? "client '" + SafeText.of(proposed.getClientId()) + "'"
                : proposed.getName() != null
                        ? "a new client named '" + SafeText.of(proposed.getName()) + "' (no client ID yet)"
                        : "a new client (no client ID or name yet)";
        ClientPolicyException refusal = refusal(session, context.getEvent(), client, error, violations);
        if (context instanceof DynamicClientRegisterContext || context instanceof DynamicClientUpdateContext) {
            throw new ErrorResponseException(refusal.getError(), refusal.getErrorDetail(), Response.Status.BAD_REQUEST);
        }
        return refusal;
    }

    /** The step of a request or client change, as a log line names it. */
    private static String describe(ClientPolicyEvent step) {
        return switch (step) {
            case REGISTER -> "the registration";
            case UPDATE -> "an update";
            case PRE_AUTHORIZATION_REQUEST, AUTHORIZATION_REQUEST -> "the authorization request";
            case TOKEN_REQUEST, TOKEN_RESPONSE -> "the code exchange";
            case TOKEN_REFRESH, TOKEN_REFRESH_RESPONSE -> "the token refresh";
            case RESOURCE_OWNER_PASSWORD_CREDENTIALS_REQUEST -> "the password grant";
            default -> "a " + step + " request";
        };
    }

    static void logRepairs(KeycloakSession session, String clientId, List<?> repairs) {
        if (!repairs.isEmpty()) {
            LOG.warnf(
                    "Alexa rules repaired client '%s' in realm '%s': %s",
                    SafeText.of(clientId), realmName(session), InputLimits.listed(repairs));
        }
    }

    static String clientIdOf(ClientModel client) {
        return client == null ? null : client.getClientId();
    }

    private static String realmName(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        return realm == null ? "?" : realm.getName();
    }

    /**
     * Builds a rule from an executor's configuration. Bad configuration becomes HTTP 400 naming every problem, both at
     * the admin API and, as a failed startup, at realm import.
     */
    static <R> R fromConfiguration(Supplier<R> rule) {
        try {
            return rule.get();
        } catch (InvalidRuleConfigurationException e) {
            throw new InvalidConfigurationException(e.getMessage());
        }
    }

    public static final class InvalidConfigurationException extends WebApplicationException {
        public InvalidConfigurationException(String message) {
            super(
                    message,
                    Response.status(Response.Status.BAD_REQUEST)
                            .type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of(
                                    "error", "invalid_client_policy_configuration", "error_description", message))
                            .build());
        }
    }
}
