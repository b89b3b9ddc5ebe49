package dev.alexalink.keycloak.clientpolicy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.keycloak.startup.ClientPlaceholders;
import dev.alexalink.rules.ClientSecretRule;
import dev.alexalink.rules.ClientShapeRule;
import dev.alexalink.rules.PkceRule;
import dev.alexalink.rules.StateRule;
import dev.alexalink.rules.Violation;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.context.PreAuthorizationRequestContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Applies {@link ClientShapeRule}, {@link ClientSecretRule} and the client's PKCE setting ({@link PkceRule}) on client
 * create/update (repairing or refusing), and at request time refuses implicit and password grants (so that clients
 * imported with them switched on are covered), PKCE other than S256, and a {@code state} Keycloak would drop
 * ({@link StateRule}: refused on the page, before Keycloak parses the request).
 */
public class AlexaClientShapeExecutor extends RuleExecutor<AlexaClientShapeExecutor.Configuration, ClientShapeRule> {

    public AlexaClientShapeExecutor(KeycloakSession session) {
        super(session, Configuration.class, Configuration::new);
    }

    public static class Configuration extends RuleConfiguration<ClientShapeRule> {
        @JsonProperty(AlexaClientShapeExecutorFactory.AUTO_CONFIGURE)
        public Boolean autoConfigure = Boolean.TRUE;

        @JsonProperty(AlexaClientShapeExecutorFactory.ALLOW_IMPLICIT_FLOW)
        public boolean allowImplicitFlow;

        @JsonProperty(AlexaClientShapeExecutorFactory.ALLOW_DIRECT_ACCESS_GRANTS)
        public boolean allowDirectAccessGrants;

        @Override
        protected ClientShapeRule rule() {
            return new ClientShapeRule(
                    !Boolean.FALSE.equals(autoConfigure), allowImplicitFlow, allowDirectAccessGrants);
        }
    }

    @Override
    public String getProviderId() {
        return AlexaClientShapeExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        refuseUnresolvedPlaceholders(context);
        switch (context.getEvent()) {
            case REGISTER, UPDATE -> checkClient((ClientCRUDContext) context);
            case PRE_AUTHORIZATION_REQUEST -> checkState((PreAuthorizationRequestContext) context);
            case AUTHORIZATION_REQUEST -> {
                AuthorizationRequestContext request = (AuthorizationRequestContext) context;
                ClientModel client = KeycloakApi.clientOf(session, context);
                if (KeycloakApi.isImplicitOrHybridFlow(request) && !rule.allowsImplicitFlow()) {
                    throw Refusals.refuse(
                            session,
                            context.getEvent(),
                            Refusals.clientIdOf(client),
                            "unsupported_response_type",
                            List.of(
                                    new Violation(
                                            ClientShapeRule.NAME,
                                            "response_type '"
                                                    + request.getAuthorizationEndpointRequest()
                                                            .getResponseType()
                                                    + "' is refused: Alexa clients use the authorization code flow (response_type=code)")));
                }
                AuthorizationEndpointRequest parameters = request.getAuthorizationEndpointRequest();
                boolean required =
                        client != null && PkceRule.isRequired(client.getAttribute(PkceRule.CLIENT_ATTRIBUTE));
                Violation pkce = PkceRule.checkRequest(
                                parameters.getCodeChallenge(), parameters.getCodeChallengeMethod(), required)
                        .orElse(null);
                if (pkce != null) {
                    throw Refusals.refuse(
                            session, context.getEvent(), Refusals.clientIdOf(client), "invalid_request", List.of(pkce));
                }
            }
            case RESOURCE_OWNER_PASSWORD_CREDENTIALS_REQUEST -> {
                if (!rule.allowsDirectAccessGrants()) {
                    ClientModel client = KeycloakApi.clientOf(session, context);
                    throw Refusals.refuse(
                            session,
                            context.getEvent(),
                            Refusals.clientIdOf(client),
                            "unauthorized_client",
                            List.of(new Violation(
                                    ClientShapeRule.NAME,
                                    "the password grant (grant_type=password) is refused for Alexa clients")));
                }
            }
            default -> {}
        }
    }

    /**
     * A client whose import left a {@code ${VAR}} in place (reported at startup) gets no request served at all, so the
     * literal text is never accepted as its secret or used as its redirect URL. The caller learns no details.
     */
    private void refuseUnresolvedPlaceholders(ClientPolicyContext context) throws ClientPolicyException {
        ClientModel client = null;
        if (context instanceof PreAuthorizationRequestContext request && request.getClientId() != null) {
            client = session.getContext().getRealm().getClientByClientId(request.getClientId());
        } else if (!(context instanceof ClientCRUDContext)) {
            client = KeycloakApi.clientOf(session, context);
        }
        if (client == null) {
            return;
        }
        List<String> placeholders = ClientPlaceholders.unresolved(client);
        if (!placeholders.isEmpty()) {
            Refusals.refuse(
                    session,
                    context.getEvent(),
                    client.getClientId(),
                    "unauthorized_client",
                    placeholders.stream()
                            .map(p -> new Violation(ClientShapeRule.NAME, p))
                            .toList());
            throw new ClientPolicyException(
                    "unauthorized_client", "the client is misconfigured; the server log names the setting");
        }
    }

    /**
     * A state longer than Keycloak keeps would be dropped, and the code would reach Amazon without it: refused here,
     * as an error page, since a redirect to Amazon could not carry the state either.
     */
    private void checkState(PreAuthorizationRequestContext request) throws ClientPolicyException {
        String state = request.getRequestParameters() == null
                ? null
                : request.getRequestParameters().getFirst(OAuth2Constants.STATE);
        Violation violation = StateRule.checkRequest(state == null ? 0 : state.length(), KeycloakApi.stateLengthLimit())
                .orElse(null);
        if (violation != null) {
            throw Refusals.refuse(
                    session, request.getEvent(), request.getClientId(), "invalid_request", List.of(violation));
        }
    }

    private void checkClient(ClientCRUDContext context) throws ClientPolicyException {
        ClientRepresentation proposed = context.getProposedClientRepresentation();
        ClientModel existing = context.getTargetClient();
        ClientShapeRule.Shape shape = new ClientShapeRule.Shape(
                effective(proposed.isPublicClient(), existing, ClientModel::isPublicClient),
                effective(proposed.isBearerOnly(), existing, ClientModel::isBearerOnly),
                effective(proposed.getClientAuthenticatorType(), existing, ClientModel::getClientAuthenticatorType),
                effective(proposed.isStandardFlowEnabled(), existing, ClientModel::isStandardFlowEnabled),
                effective(proposed.isImplicitFlowEnabled(), existing, ClientModel::isImplicitFlowEnabled),
                effective(proposed.isDirectAccessGrantsEnabled(), existing, ClientModel::isDirectAccessGrantsEnabled),
                effective(proposed.isConsentRequired(), existing, ClientModel::isConsentRequired));
        ClientShapeRule.Result result = rule.evaluate(shape);

        List<Violation> violations = new ArrayList<>(result.violations());
        boolean secretChanges = proposed.getSecret() != null
                && (existing == null || !Objects.equals(proposed.getSecret(), existing.getSecret()));
        if (secretChanges) {
            ClientSecretRule.check(proposed.getSecret()).ifPresent(violations::add);
        }
        String pkceMethod =
                proposed.getAttributes() != null && proposed.getAttributes().containsKey(PkceRule.CLIENT_ATTRIBUTE)
                        ? proposed.getAttributes().get(PkceRule.CLIENT_ATTRIBUTE)
                        : existing == null ? null : existing.getAttribute(PkceRule.CLIENT_ATTRIBUTE);
        PkceRule.checkClientSetting(pkceMethod).ifPresent(violations::add);
        if (!violations.isEmpty()) {
            throw Refusals.refuseClientChange(session, context, "invalid_client_metadata", violations);
        }
        for (ClientShapeRule.Repair repair : result.repairs()) {
            switch (repair.setting()) {
                case "standardFlowEnabled" -> proposed.setStandardFlowEnabled(repair.value());
                case "implicitFlowEnabled" -> proposed.setImplicitFlowEnabled(repair.value());
                case "directAccessGrantsEnabled" -> proposed.setDirectAccessGrantsEnabled(repair.value());
                case "consentRequired" -> proposed.setConsentRequired(repair.value());
                default -> throw new IllegalStateException("no adapter for repair of " + repair.setting());
            }
        }
        Refusals.logRepairs(session, proposed.getClientId(), result.repairs());
    }

    private static <T> T effective(T proposed, ClientModel existing, Function<ClientModel, T> current) {
        if (proposed != null || existing == null) {
            return proposed;
        }
        return current.apply(existing);
    }
}
