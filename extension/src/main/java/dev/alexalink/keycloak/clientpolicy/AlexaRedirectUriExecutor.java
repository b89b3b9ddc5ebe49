package dev.alexalink.keycloak.clientpolicy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.alexalink.rules.RedirectUriRule;
import dev.alexalink.rules.Violation;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.context.PreAuthorizationRequestContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Applies {@link RedirectUriRule} to client registration and updates, and to authorization requests before Keycloak
 * looks at the redirect URI, so that a refused one gets an error page and is never redirected to.
 */
public class AlexaRedirectUriExecutor extends RuleExecutor<AlexaRedirectUriExecutor.Configuration, RedirectUriRule> {

    public AlexaRedirectUriExecutor(KeycloakSession session) {
        super(session, Configuration.class, Configuration::new);
    }

    public static class Configuration extends RuleConfiguration<RedirectUriRule> {
        @JsonProperty(AlexaRedirectUriExecutorFactory.VENDOR_IDS)
        public List<String> vendorIds = new ArrayList<>();

        @JsonProperty(AlexaRedirectUriExecutorFactory.REGIONS)
        public List<String> regions = new ArrayList<>();

        @JsonProperty(AlexaRedirectUriExecutorFactory.APP_REDIRECT_URIS)
        public List<String> appRedirectUris = new ArrayList<>();

        @JsonProperty(AlexaRedirectUriExecutorFactory.LEGACY_STATUS_PAGE)
        public boolean legacyStatusPage;

        @Override
        protected RedirectUriRule rule() {
            return new RedirectUriRule(vendorIds, regions, appRedirectUris, legacyStatusPage);
        }
    }

    @Override
    public String getProviderId() {
        return AlexaRedirectUriExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        switch (context.getEvent()) {
            case REGISTER, UPDATE -> checkClient((ClientCRUDContext) context);
            case PRE_AUTHORIZATION_REQUEST -> checkAuthorizationRequest((PreAuthorizationRequestContext) context);
            default -> {}
        }
    }

    private void checkClient(ClientCRUDContext context) throws ClientPolicyException {
        ClientRepresentation proposed = context.getProposedClientRepresentation();
        Collection<String> uris = proposed.getRedirectUris();
        if (uris == null && context.getTargetClient() != null) {
            uris = context.getTargetClient().getRedirectUris();
        }
        List<Violation> violations = rule.checkRegistered(uris);
        if (!violations.isEmpty()) {
            throw Refusals.refuseClientChange(session, context, "invalid_redirect_uri", violations);
        }
    }

    private void checkAuthorizationRequest(PreAuthorizationRequestContext context) throws ClientPolicyException {
        MultivaluedMap<String, String> params = context.getRequestParameters();
        List<String> requestObjects = Stream.of(OIDCLoginProtocol.REQUEST_PARAM, OIDCLoginProtocol.REQUEST_URI_PARAM)
                .filter(params::containsKey)
                .toList();
        List<Violation> violations =
                rule.checkAuthorizationRequest(params.get(OAuth2Constants.REDIRECT_URI), requestObjects);
        if (!violations.isEmpty()) {
            throw Refusals.refuse(session, context.getEvent(), context.getClientId(), "invalid_request", violations);
        }
    }
}
