package dev.alexalink.example.skill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The skill's side of the account link: who the access token belongs to, and revoking it. */
public final class KeycloakLink {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakLink.class);
    /** Alexa waits 8 seconds for the skill's answer; each call to Keycloak gets part of that. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SkillConfig config;
    private final ConfigurableJWTProcessor<SecurityContext> jwtProcessor = new DefaultJWTProcessor<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade attempt on plain http
            .connectTimeout(TIMEOUT)
            .build();

    public KeycloakLink(SkillConfig config, Clock clock) {
        this.config = config;
        int timeoutMillis = (int) TIMEOUT.toMillis();
        JWKSource<SecurityContext> realmKeys;
        try {
            // Cached for 15 minutes; a token signed by a key not in the cache (a rotation) fetches the set again.
            realmKeys = JWKSourceBuilder.create(
                            config.jwksUri().toURL(), new DefaultResourceRetriever(timeoutMillis, timeoutMillis))
                    .cache(Duration.ofMinutes(15).toMillis(), TIMEOUT.toMillis())
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(SkillConfig.REALM_URL + ": " + e.getMessage(), e);
        }
        jwtProcessor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, realmKeys));
        jwtProcessor.setJWTClaimsSetVerifier(
                new DefaultJWTClaimsVerifier<>(
                        Set.of(config.audience()),
                        // Keycloak marks access tokens "typ": "Bearer"; its ID tokens have the same issuer and
                        // audience.
                        new JWTClaimsSet.Builder()
                                .issuer(config.issuer())
                                .claim("typ", "Bearer")
                                .build(),
                        Set.of("sub", "exp"),
                        null) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(clock.instant());
                    }
                });
    }

    /**
     * The user whose link the token is, or empty when there is no valid link: no token, a token that fails
     * verification (signature, issuer, audience, expiry), or one that userinfo refuses because the link was revoked.
     *
     * @throws IOException when Keycloak cannot be reached or answers with an error: not a reason to ask for a new link
     */
    public Optional<LinkedUser> user(String accessToken) throws IOException, InterruptedException {
        if (accessToken == null || accessToken.isBlank()) {
            return Optional.empty();
        }
        JWTClaimsSet claims;
        try {
            claims = jwtProcessor.process(accessToken, null);
        } catch (ParseException | BadJOSEException e) {
            LOG.info("Access token rejected: {}", e.getMessage());
            return Optional.empty();
        } catch (JOSEException e) {
            throw new IOException("Cannot verify the access token: " + e.getMessage(), e);
        }

        // A valid signature does not mean the link still exists: userinfo knows whether it was revoked.
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(config.userinfoUri())
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            LOG.info("Userinfo refused the access token of {}: the link was revoked", claims.getSubject());
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("Userinfo answered HTTP " + response.statusCode() + ": " + response.body());
        }
        JsonNode userinfo = JSON.readTree(response.body());
        if (!claims.getSubject().equals(userinfo.path("sub").asText())) {
            LOG.warn("Userinfo answered for another subject than the token's {}", claims.getSubject());
            return Optional.empty();
        }
        String name = Stream.of("given_name", "name", "preferred_username")
                .map(claim -> userinfo.path(claim).asText(""))
                .filter(value -> !value.isBlank())
                .findFirst()
                .orElse("there");
        return Optional.of(new LinkedUser(claims.getSubject(), name));
    }

    /**
     * Revokes the token at the realm's RFC 7009 endpoint, which ends the user's link: Alexa's refresh token stops
     * working too. Returns whether Keycloak accepted the request.
     */
    public boolean revoke(String accessToken) throws IOException, InterruptedException {
        String form = "token=" + encode(accessToken) + "&token_type_hint=access_token";
        // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined.
        String credentials = encode(config.clientId()) + ":" + encode(config.clientSecret());
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(config.revocationUri())
                        .timeout(TIMEOUT)
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            LOG.warn("Revocation answered HTTP {}: {}", response.statusCode(), response.body());
            return false;
        }
        return true;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
