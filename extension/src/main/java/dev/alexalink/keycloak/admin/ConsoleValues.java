package dev.alexalink.keycloak.admin;

import dev.alexalink.keycloak.clientpolicy.RealmAudit;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.rules.ScopeRule;
import dev.alexalink.rules.TokenLifetimeRule;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;

import java.net.URI;
import java.util.List;

/**
 * What the Alexa developer console's Account Linking page asks for, in its order and words, for one Alexa client.
 * The admin API returns it, and the admin console's Alexa skills page shows it (without the secret).
 */
public record ConsoleValues(
        String authorizationUri,
        String accessTokenUri,
        String clientId,
        String clientSecret,
        String authenticationScheme,
        List<String> scopes,
        List<String> domainList,
        int defaultAccessTokenExpirationTime,
        List<String> alexaRedirectUrls) {

    public static final String AUTHENTICATION_SCHEME = "HTTP Basic";

    /** The same values without the client secret: the Alexa admin page fetches it only when asked to show it. */
    ConsoleValues withoutSecret() {
        return new ConsoleValues(
                authorizationUri,
                accessTokenUri,
                clientId,
                null,
                authenticationScheme,
                scopes,
                domainList,
                defaultAccessTokenExpirationTime,
                alexaRedirectUrls);
    }

    /** The realm's public URL, its issuer: e.g. https://id.example.com/realms/alexa. */
    static String realmUrl(KeycloakSession session, RealmModel realm) {
        return realmUrl(RealmAudit.frontendUrl(session, realm), realm);
    }

    private static String realmUrl(URI base, RealmModel realm) {
        return jakarta.ws.rs.core.UriBuilder.fromUri(base)
                .path("realms")
                .path(realm.getName())
                .build()
                .toString();
    }

    static ConsoleValues of(KeycloakSession session, RealmModel realm, ClientModel client) {
        return of(RealmAudit.frontendUrl(session, realm), realm, client);
    }

    /** @param base the server's public URL, as browsers and Alexa reach it */
    public static ConsoleValues of(URI base, RealmModel realm, ClientModel client) {
        String realmUrl = realmUrl(base, realm);
        int lifespan = realm.getAccessTokenLifespan();
        String own = client.getAttribute(OIDCConfigAttributes.ACCESS_TOKEN_LIFESPAN);
        if (own != null && own.matches("\\d+") && Integer.parseInt(own) > 0) {
            lifespan = Integer.parseInt(own);
        }
        // openid first: it makes the access token good at userinfo, where the skill's backend reads the user.
        List<String> scopes = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(ScopeRule.OPENID),
                        client.getClientScopes(false).keySet().stream().sorted())
                .toList();
        List<String> redirects = client.getRedirectUris().stream()
                .filter(uri -> uri.contains(AlexaRegion.LINK_PATH))
                .sorted()
                .toList();
        return new ConsoleValues(
                realmUrl + "/protocol/openid-connect/auth",
                realmUrl + "/protocol/openid-connect/token",
                client.getClientId(),
                client.getSecret(),
                AUTHENTICATION_SCHEME,
                scopes,
                List.of(base.getHost()),
                Math.max(lifespan, TokenLifetimeRule.ALEXA_MINIMUM_SECONDS),
                redirects);
    }
}
