package dev.alexalink.example.skill;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Where the skill finds Keycloak, and who it is there.
 *
 * @param realmUrl     the realm's URL, which is also the issuer of its tokens: {@code https://id.example.com/realms/alexa}
 * @param clientId     the skill's client in the realm (the Client ID of the Alexa console)
 * @param clientSecret its secret, used only to revoke the token when the user disables the skill
 * @param audience     what the access token's {@code aud} must contain; the client id when null
 */
public record SkillConfig(String realmUrl, String clientId, String clientSecret, String audience) {

    public static final String REALM_URL = "KEYCLOAK_REALM_URL";
    public static final String CLIENT_ID = "ALEXA_CLIENT_ID";
    public static final String CLIENT_SECRET = "ALEXA_CLIENT_SECRET";
    public static final String AUDIENCE = "ALEXA_TOKEN_AUDIENCE";

    public SkillConfig {
        realmUrl = realmUrl(REALM_URL, realmUrl);
        clientId = required(CLIENT_ID, clientId);
        clientSecret = required(CLIENT_SECRET, clientSecret);
        audience = audience == null || audience.isBlank() ? clientId : audience.strip();
    }

    public static SkillConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static SkillConfig fromEnvironment(Map<String, String> environment) {
        return new SkillConfig(
                environment.get(REALM_URL),
                environment.get(CLIENT_ID),
                environment.get(CLIENT_SECRET),
                environment.get(AUDIENCE));
    }

    public String issuer() {
        return realmUrl;
    }

    public URI jwksUri() {
        return URI.create(realmUrl + "/protocol/openid-connect/certs");
    }

    public URI userinfoUri() {
        return URI.create(realmUrl + "/protocol/openid-connect/userinfo");
    }

    public URI revocationUri() {
        return URI.create(realmUrl + "/protocol/openid-connect/revoke");
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value.strip();
    }

    /** An http(s) URL ending in /realms/NAME, without the trailing slash (Keycloak's issuer has none). */
    private static String realmUrl(String name, String value) {
        String url = required(name, value).replaceAll("/+$", "");
        try {
            URI uri = new URI(url);
            boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (http
                    && uri.getHost() != null
                    && uri.getQuery() == null
                    && uri.getFragment() == null
                    && uri.getPath() != null
                    && uri.getPath().matches(".*/realms/[^/]+")) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                name + " must be the realm's URL, like https://id.example.com/realms/alexa; got '" + value + "'");
    }
}
