package dev.alexalink.keycloak.clientpolicy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.rules.ScopeRule;
import dev.alexalink.rules.Violation;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.context.PreAuthorizationRequestContext;
import org.keycloak.services.clientpolicy.context.TokenRefreshContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies {@link ScopeRule}: requested scopes must be allowed (refused with invalid_scope, which Keycloak redirects
 * to Alexa with the state), a refresh cannot ask for more, and the client's own scopes stay within the allowed ones
 * with offline_access as a default scope.
 */
public class AlexaScopeExecutor extends RuleExecutor<AlexaScopeExecutor.Configuration, ScopeRule> {

    public AlexaScopeExecutor(KeycloakSession session) {
        super(session, Configuration.class, Configuration::new);
    }

    public static class Configuration extends RuleConfiguration<ScopeRule> {
        @JsonProperty(AlexaScopeExecutorFactory.ALLOWED_SCOPES)
        public List<String> allowedScopes = new ArrayList<>();

        @Override
        protected ScopeRule rule() {
            return new ScopeRule(allowedScopes);
        }
    }

    @Override
    public String getProviderId() {
        return AlexaScopeExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        switch (context.getEvent()) {
            case REGISTER, UPDATE -> checkClient((ClientCRUDContext) context);
            case PRE_AUTHORIZATION_REQUEST -> {
                PreAuthorizationRequestContext request = (PreAuthorizationRequestContext) context;
                String scope = request.getRequestParameters() == null
                        ? null
                        : request.getRequestParameters().getFirst(OAuth2Constants.SCOPE);
                Violation tooLong = ScopeRule.checkLength(scope).orElse(null);
                if (tooLong != null) {
                    throw Refusals.refuse(
                            session, context.getEvent(), request.getClientId(), "invalid_scope", List.of(tooLong));
                }
            }
            case AUTHORIZATION_REQUEST -> {
                AuthorizationRequestContext request = (AuthorizationRequestContext) context;
                checkRequested(
                        context,
                        KeycloakApi.scopeOf(request),
                        Refusals.clientIdOf(KeycloakApi.clientOf(session, context)));
            }
            case TOKEN_REFRESH -> {
                TokenRefreshContext refresh = (TokenRefreshContext) context;
                checkRequested(
                        context,
                        KeycloakApi.scopeOf(refresh),
                        Refusals.clientIdOf(KeycloakApi.clientOf(session, context)));
            }
            default -> {}
        }
    }

    private void checkRequested(ClientPolicyContext context, String scope, String clientId)
            throws ClientPolicyException {
        Violation violation = rule.checkRequested(scope).orElse(null);
        if (violation != null) {
            throw Refusals.refuse(session, context.getEvent(), clientId, "invalid_scope", List.of(violation));
        }
    }

    private void checkClient(ClientCRUDContext context) throws ClientPolicyException {
        ClientRepresentation proposed = context.getProposedClientRepresentation();
        List<String> repairs = new ArrayList<>();
        if (proposed.getDefaultClientScopes() == null && proposed.getOptionalClientScopes() == null) {
            if (context.getTargetClient() != null) {
                return; // the update leaves the client's scopes as they are
            }
            // Without this, Keycloak would give the new client every realm default scope (email, roles, ...).
            RealmModel realm = session.getContext().getRealm();
            Set<String> existing =
                    realm.getClientScopesStream().map(ClientScopeModel::getName).collect(Collectors.toSet());
            proposed.setDefaultClientScopes(ScopeRule.TECHNICAL_SCOPES.stream()
                    .filter(existing::contains)
                    .sorted()
                    .toList());
            proposed.setOptionalClientScopes(rule.allowedScopes().stream()
                    .filter(existing::contains)
                    .sorted()
                    .toList());
            repairs.add("defaultClientScopes=" + proposed.getDefaultClientScopes());
            repairs.add("optionalClientScopes=" + proposed.getOptionalClientScopes());
        } else if (proposed.getDefaultClientScopes() == null
                || !proposed.getDefaultClientScopes().contains(ScopeRule.OFFLINE_ACCESS)) {
            List<String> defaults = new ArrayList<>(
                    proposed.getDefaultClientScopes() == null ? List.of() : proposed.getDefaultClientScopes());
            defaults.add(ScopeRule.OFFLINE_ACCESS);
            if (proposed.getOptionalClientScopes() != null) {
                List<String> optional = new ArrayList<>(proposed.getOptionalClientScopes());
                optional.remove(ScopeRule.OFFLINE_ACCESS);
                proposed.setOptionalClientScopes(optional);
            }
            proposed.setDefaultClientScopes(defaults);
            repairs.add("added " + ScopeRule.OFFLINE_ACCESS
                    + " to the default client scopes (offline refresh tokens keep the link alive)");
        }
        List<Violation> violations =
                rule.checkClientScopes(proposed.getDefaultClientScopes(), proposed.getOptionalClientScopes());
        if (!violations.isEmpty()) {
            throw Refusals.refuseClientChange(session, context, "invalid_client_metadata", violations);
        }
        Refusals.logRepairs(session, proposed.getClientId(), repairs);
    }
}
