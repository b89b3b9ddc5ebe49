package dev.alexalink.keycloak;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.rules.RefreshTokenRule;
import dev.alexalink.rules.TokenLifetimeRule;
import dev.alexalink.rules.Violation;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.RefreshToken;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.context.TokenRefreshResponseContext;
import org.keycloak.services.clientpolicy.context.TokenResponseContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link TokenLifetimeRule} and {@link RefreshTokenRule} to every token response of an Alexa client: the access
 * token lives at least the minimum (whatever the realm default), so {@code expires_in} is always there and large
 * enough, and the refresh token is an offline token. Client settings that contradict them are refused.
 */
public class AlexaTokenExecutor extends RuleExecutor<AlexaTokenExecutor.Configuration, TokenLifetimeRule> {

    private static final RefreshTokenRule REFRESH_TOKENS = new RefreshTokenRule();

    public AlexaTokenExecutor(KeycloakSession session) {
        super(session, Configuration.class, Configuration::new);
    }

    public static class Configuration extends RuleConfiguration<TokenLifetimeRule> {
        @JsonProperty(AlexaTokenExecutorFactory.MINIMUM_ACCESS_TOKEN_LIFESPAN)
        public Integer minimumAccessTokenLifespan;

        @Override
        protected TokenLifetimeRule rule() {
            return new TokenLifetimeRule(minimumAccessTokenLifespan);
        }
    }

    @Override
    public String getProviderId() {
        return AlexaTokenExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        switch (context.getEvent()) {
            case REGISTER, UPDATE -> checkClient((ClientCRUDContext) context);
            case TOKEN_RESPONSE -> {
                TokenResponseContext response = (TokenResponseContext) context;
                shapeResponse(context, response.getAccessTokenResponseBuilder(), KeycloakApi.clientOf(session, context));
            }
            case TOKEN_REFRESH_RESPONSE -> {
                TokenRefreshResponseContext response = (TokenRefreshResponseContext) context;
                shapeResponse(context, response.getAccessTokenResponseBuilder(), KeycloakApi.clientOf(session, context));
            }
            default -> {
            }
        }
    }

    private void shapeResponse(ClientPolicyContext context, TokenManager.AccessTokenResponseBuilder response, ClientModel client)
            throws ClientPolicyException {
        RefreshToken refreshToken = response.getRefreshToken();
        Violation violation = REFRESH_TOKENS.checkIssued(refreshToken == null ? null : refreshToken.getType()).orElse(null);
        if (violation != null) {
            throw Refusals.refuse(session, context.getEvent(), Refusals.clientIdOf(client), "invalid_scope", List.of(violation));
        }
        AccessToken accessToken = response.getAccessToken();
        if (accessToken != null) {
            long now = Time.currentTime();
            long exp = accessToken.getExp() == null ? 0 : accessToken.getExp();
            accessToken.exp(rule.expiryAtLeastMinimum(now, exp));
        }
    }

    private void checkClient(ClientCRUDContext context) throws ClientPolicyException {
        ClientRepresentation proposed = context.getProposedClientRepresentation();
        Map<String, String> attributes = proposed.getAttributes();
        ClientModel existing = context.getTargetClient();
        List<Violation> violations = new ArrayList<>();
        rule.checkClientLifespan(attribute(attributes, existing, OIDCConfigAttributes.ACCESS_TOKEN_LIFESPAN))
                .ifPresent(violations::add);
        REFRESH_TOKENS.checkUseRefreshTokens(attribute(attributes, existing, OIDCConfigAttributes.USE_REFRESH_TOKEN))
                .ifPresent(violations::add);
        if (!violations.isEmpty()) {
            throw Refusals.refuseClientChange(session, context, "invalid_client_metadata", violations);
        }
    }

    /** The attribute as it will be after the change: the proposed value, or the current one when not proposed. */
    private static String attribute(Map<String, String> proposed, ClientModel existing, String name) {
        if (proposed != null && proposed.containsKey(name)) {
            return proposed.get(name);
        }
        return existing == null ? null : existing.getAttribute(name);
    }
}
