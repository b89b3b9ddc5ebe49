package dev.alexalink.keycloak.clientpolicy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.rules.LinkRevocationRule;
import dev.alexalink.rules.RefreshTokenRule;
import dev.alexalink.rules.SafeText;
import dev.alexalink.rules.TokenAudienceRule;
import dev.alexalink.rules.TokenLifetimeRule;
import dev.alexalink.rules.Violation;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.RefreshToken;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.context.TokenRefreshResponseContext;
import org.keycloak.services.clientpolicy.context.TokenResponseContext;
import org.keycloak.services.clientpolicy.context.TokenRevokeResponseContext;
import org.keycloak.services.managers.UserConsentManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link TokenLifetimeRule} and {@link RefreshTokenRule} to every token response of an Alexa client: the access
 * token lives at least the minimum (whatever the realm default), so {@code expires_in} is always there and large
 * enough, and the refresh token is an offline token. Client settings that contradict them are refused.
 * <p>
 * {@link TokenAudienceRule}: a created or updated Alexa client without the audience mapper of its own ID gets it.
 * {@link LinkRevocationRule}: revoking an Alexa client's access token ends the user's link to the skill, as "Remove
 * access" in the account console does.
 */
public class AlexaTokenExecutor extends RuleExecutor<AlexaTokenExecutor.Configuration, TokenLifetimeRule> {

    private static final RefreshTokenRule REFRESH_TOKENS = new RefreshTokenRule();
    private static final Logger LOG = Logger.getLogger("dev.alexalink");

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
                shapeResponse(
                        context, response.getAccessTokenResponseBuilder(), KeycloakApi.clientOf(session, context));
            }
            case TOKEN_REFRESH_RESPONSE -> {
                TokenRefreshResponseContext response = (TokenRefreshResponseContext) context;
                shapeResponse(
                        context, response.getAccessTokenResponseBuilder(), KeycloakApi.clientOf(session, context));
            }
            case TOKEN_REVOKE_RESPONSE -> endLink((TokenRevokeResponseContext) context);
            default -> {}
        }
    }

    private void shapeResponse(
            ClientPolicyContext context, TokenManager.AccessTokenResponseBuilder response, ClientModel client)
            throws ClientPolicyException {
        RefreshToken refreshToken = response.getRefreshToken();
        Violation violation = REFRESH_TOKENS
                .checkIssued(refreshToken == null ? null : refreshToken.getType())
                .orElse(null);
        if (violation != null) {
            throw Refusals.refuse(
                    session, context.getEvent(), Refusals.clientIdOf(client), "invalid_scope", List.of(violation));
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
        REFRESH_TOKENS
                .checkUseRefreshTokens(attribute(attributes, existing, OIDCConfigAttributes.USE_REFRESH_TOKEN))
                .ifPresent(violations::add);
        if (!violations.isEmpty()) {
            throw Refusals.refuseClientChange(session, context, "invalid_client_metadata", violations);
        }
        addClientAudience(context, proposed, existing);
    }

    /**
     * The client's own ID in its tokens' audience. A new client gets the mapper in its representation; an existing
     * one gets it on its model (Keycloak's client update leaves mappers alone), and in the representation too when
     * the update carries mappers (a dynamic-registration update replaces them with the ones it carries).
     */
    private void addClientAudience(ClientCRUDContext context, ClientRepresentation proposed, ClientModel existing) {
        String clientId = proposed.getClientId() != null
                ? proposed.getClientId()
                : existing == null ? null : existing.getClientId();
        if (clientId == null) {
            return;
        }
        boolean added = false;
        if ((existing == null || proposed.getProtocolMappers() != null)
                && TokenAudienceRule.check(clientId, AudienceMappers.of(proposed.getProtocolMappers()))
                        .isPresent()) {
            List<ProtocolMapperRepresentation> mappers = proposed.getProtocolMappers() == null
                    ? new ArrayList<>()
                    : new ArrayList<>(proposed.getProtocolMappers());
            mappers.removeIf(m -> TokenAudienceRule.CLIENT_AUDIENCE_MAPPER.equals(m.getName()));
            mappers.add(AudienceMappers.clientAudience(clientId));
            proposed.setProtocolMappers(mappers);
            added = true;
        }
        if (existing != null
                && TokenAudienceRule.check(clientId, AudienceMappers.of(existing))
                        .isPresent()) {
            ProtocolMapperModel stale = existing.getProtocolMapperByName(
                    OIDCLoginProtocol.LOGIN_PROTOCOL, TokenAudienceRule.CLIENT_AUDIENCE_MAPPER);
            if (stale != null) {
                existing.removeProtocolMapper(stale);
            }
            existing.addProtocolMapper(AudienceMappers.toModel(AudienceMappers.clientAudience(clientId)));
            added = true;
        }
        if (added) {
            Refusals.logRepairs(
                    session,
                    clientId,
                    List.of("audience mapper '" + TokenAudienceRule.CLIENT_AUDIENCE_MAPPER + "' (" + clientId
                            + " in the aud of access tokens and introspection; " + TokenAudienceRule.NAME + ")"));
        }
    }

    /**
     * After Keycloak revoked an access token of an Alexa client: the user's link to the skill goes too (consent,
     * offline session, client sessions). A refresh or offline token was already handled by Keycloak.
     */
    private void endLink(TokenRevokeResponseContext context) {
        ClientModel client = KeycloakApi.clientOf(session, context);
        String token = context.getParams() == null ? null : context.getParams().getFirst("token");
        if (client == null || token == null) {
            return;
        }
        AccessToken accessToken = session.tokens().decode(token, AccessToken.class);
        if (accessToken == null
                || !LinkRevocationRule.endsLinkOnRevocation(accessToken.getType())
                || accessToken.getSubject() == null) {
            return;
        }
        RealmModel realm = session.getContext().getRealm();
        UserModel user = session.users().getUserById(realm, accessToken.getSubject());
        if (user != null && UserConsentManager.revokeConsentToClient(session, client, user)) {
            LOG.infof(
                    "Alexa rule %s: an access token of skill '%s' in realm '%s' was revoked (RFC 7009), so the link of"
                            + " user %s ends: consent and offline session removed",
                    LinkRevocationRule.NAME,
                    SafeText.of(client.getClientId()),
                    SafeText.of(realm.getName()),
                    user.getId());
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
