package dev.alexalink.keycloak.clientpolicy;

import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.rules.AlexaClientRule;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.idm.ClientPolicyConditionConfigurationRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.ClientPolicyVote;
import org.keycloak.services.clientpolicy.condition.AbstractClientPolicyConditionProvider;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.context.PreAuthorizationRequestContext;

import java.util.List;
import java.util.Map;

/**
 * Votes YES for Alexa skill clients ({@link AlexaClientRule}). Unlike the built-in client-attributes condition it
 * also decides on REGISTER, from the proposed representation, and on UPDATE a client stays an Alexa client while
 * either its current or its proposed settings say so.
 */
public class AlexaClientCondition
        extends AbstractClientPolicyConditionProvider<ClientPolicyConditionConfigurationRepresentation> {

    public AlexaClientCondition(KeycloakSession session) {
        super(session);
    }

    @Override
    public String getProviderId() {
        return AlexaClientConditionFactory.PROVIDER_ID;
    }

    @Override
    public ClientPolicyVote applyPolicy(ClientPolicyContext context) throws ClientPolicyException {
        ClientPolicyVote vote = decide(context);
        if (vote == ClientPolicyVote.YES && KeycloakApi.UNSUPPORTED.isPresent()) {
            // Never serve an Alexa client half-checked: the startup log has the one line that says why.
            throw new ClientPolicyException(
                    "unauthorized_client",
                    "Alexa account linking does not support Keycloak " + KeycloakApi.RUNNING_VERSION
                            + "; the server log says which versions it supports");
        }
        return vote;
    }

    private ClientPolicyVote decide(ClientPolicyContext context) {
        switch (context.getEvent()) {
            case REGISTER:
            case UPDATE: {
                ClientCRUDContext crud = (ClientCRUDContext) context;
                return vote(
                        isAlexaClient(crud.getProposedClientRepresentation()) || isAlexaClient(crud.getTargetClient()));
            }
            case PRE_AUTHORIZATION_REQUEST: {
                String clientId = ((PreAuthorizationRequestContext) context).getClientId();
                ClientModel client = clientId == null
                        ? null
                        : session.getContext().getRealm().getClientByClientId(clientId);
                return vote(isAlexaClient(client));
            }
            default:
                if (context instanceof ClientCRUDContext crud) {
                    return vote(isAlexaClient(crud.getTargetClient()));
                }
                if (KeycloakApi.isPreTokenRequest(context.getEvent())) {
                    // Keycloak 26.7+. Before client authentication Keycloak can name the client only by looking the
                    // code up in the single-use store and the user session, which it then does again for the exchange.
                    // No Alexa rule acts here: TOKEN_REQUEST follows, after client authentication, with every executor.
                    // Not deciding spares that lookup to every code exchange of every client of the realm. NO rather
                    // than ABSTAIN: in a policy that adds other conditions, ABSTAIN would let those alone apply it to
                    // other clients.
                    return ClientPolicyVote.NO;
                }
                ClientModel client = KeycloakApi.clientOf(session, context);
                return client == null ? ClientPolicyVote.ABSTAIN : vote(isAlexaClient(client));
        }
    }

    private static ClientPolicyVote vote(boolean alexaClient) {
        return alexaClient ? ClientPolicyVote.YES : ClientPolicyVote.NO;
    }

    /** Reads the one marker attribute rather than the client's attribute map, which Keycloak copies on each call. */
    public static boolean isAlexaClient(ClientModel client) {
        return client != null
                && AlexaClientRule.isAlexaClientWithMarker(
                        client.getAttribute(AlexaClientRule.MARKER_ATTRIBUTE), client::getRedirectUris);
    }

    static boolean isAlexaClient(ClientRepresentation rep) {
        if (rep == null) {
            return false;
        }
        List<String> uris = rep.getRedirectUris();
        Map<String, String> attributes = rep.getAttributes();
        return AlexaClientRule.isAlexaClient(uris, attributes);
    }
}
