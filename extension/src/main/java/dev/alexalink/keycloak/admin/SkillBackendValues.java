package dev.alexalink.keycloak.admin;

import dev.alexalink.keycloak.clientpolicy.AudienceMappers;
import dev.alexalink.rules.PkceRule;
import dev.alexalink.rules.TokenAudienceRule;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.List;

/**
 * What the skill's backend needs to read the user from the access token Alexa hands it: the issuer to check, where the
 * keys, userinfo, introspection and revocation are, and the audiences the tokens carry. The admin API returns it next
 * to the Alexa console values, and the Alexa skills page shows it.
 */
public record SkillBackendValues(
        String issuer,
        String jwksUri,
        String userinfoUri,
        String introspectionUri,
        String revocationUri,
        List<String> audiences,
        boolean pkceRequired) {

    static SkillBackendValues of(KeycloakSession session, RealmModel realm, ClientModel client) {
        String issuer = ConsoleValues.realmUrl(session, realm);
        String oidc = issuer + "/protocol/openid-connect";
        List<String> audiences = AudienceMappers.of(client).stream()
                .filter(m ->
                        m.accessToken() && m.audience() != null && !m.audience().isEmpty())
                .map(TokenAudienceRule.AudienceMapper::audience)
                .distinct()
                .sorted(java.util.Comparator.comparing((String audience) -> !audience.equals(client.getClientId()))
                        .thenComparing(java.util.Comparator.naturalOrder()))
                .toList();
        return new SkillBackendValues(
                issuer,
                oidc + "/certs",
                oidc + "/userinfo",
                oidc + "/token/introspect",
                oidc + "/revoke",
                audiences,
                PkceRule.isRequired(client.getAttribute(PkceRule.CLIENT_ATTRIBUTE)));
    }
}
