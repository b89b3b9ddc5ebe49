package dev.alexalink.keycloak;

import dev.alexalink.rules.InvalidRuleConfigurationException;
import dev.alexalink.rules.Violation;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.clientpolicy.ClientPolicyException;

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
        LOG.warnf("Alexa rule refused %s for client '%s' in realm '%s': %s", error, clientId, realmName(session), violations);
        return new ClientPolicyException(error, detail);
    }

    static void logRepairs(KeycloakSession session, String clientId, List<?> repairs) {
        if (!repairs.isEmpty()) {
            LOG.warnf("Alexa rules repaired client '%s' in realm '%s': %s", clientId, realmName(session), repairs);
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
