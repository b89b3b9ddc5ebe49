package dev.alexalink.keycloak;

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
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.DynamicClientRegisterContext;
import org.keycloak.services.clientpolicy.context.DynamicClientUpdateContext;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Turns rule violations into Keycloak's refusals, and logs each one with the realm and client it concerns. */
final class Refusals {

    private static final Logger LOG = Logger.getLogger("dev.alexalink");

    private Refusals() {
    }

    static ClientPolicyException refuse(KeycloakSession session, String clientId, String error, List<Violation> violations) {
        String detail = violations.stream().map(Violation::message).collect(Collectors.joining("; "));
        LOG.warnf("Alexa rule refused %s for client '%s' in realm '%s': %s", error, SafeText.of(clientId), realmName(session), violations);
        return new ClientPolicyException(error, detail);
    }

    /**
     * Refuses a client create or update. Keycloak's admin API answers a ClientPolicyException with HTTP 400 and its
     * detail, but dynamic client registration turns it into 403 insufficient_scope and drops the detail; there the
     * RFC 7591 answer (400 with error and error_description) is sent directly.
     */
    static ClientPolicyException refuseClientChange(KeycloakSession session, ClientCRUDContext context, String error,
                                                    List<Violation> violations) {
        ClientPolicyException refusal = refuse(session, context.getProposedClientRepresentation().getClientId(), error, violations);
        if (context instanceof DynamicClientRegisterContext || context instanceof DynamicClientUpdateContext) {
            throw new ErrorResponseException(refusal.getError(), refusal.getErrorDetail(), Response.Status.BAD_REQUEST);
        }
        return refusal;
    }

    static void logRepairs(KeycloakSession session, String clientId, List<?> repairs) {
        if (!repairs.isEmpty()) {
            LOG.warnf("Alexa rules repaired client '%s' in realm '%s': %s", SafeText.of(clientId), realmName(session), repairs);
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

    static final class InvalidConfigurationException extends WebApplicationException {
        InvalidConfigurationException(String message) {
            super(message, Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", "invalid_client_policy_configuration", "error_description", message)).build());
        }
    }
}
