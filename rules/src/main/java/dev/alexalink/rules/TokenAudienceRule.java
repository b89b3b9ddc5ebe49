package dev.alexalink.rules;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The access tokens of an Alexa client carry an audience the skill's backend can check: the skill's client ID
 * always, and optionally a resource audience (the backend's own identifier, e.g. {@code https://api.example.com/skill}).
 * Without its client ID in {@code aud}, JWT libraries that check the audience refuse the token, and Keycloak's
 * introspection answers {@code active:false} to the skill's own client for every live token.
 * <p>
 * Keycloak puts audiences in with audience mappers; this rule says which mappers a client needs and whether the ones
 * it has do the job. A mapper is described by what it adds ({@link AudienceMapper}), not by Keycloak's types.
 */
public final class TokenAudienceRule {

    public static final String NAME = "alexa-token-audience";
    public static final int MAX_AUDIENCE_LENGTH = 255;
    /** The name of the mapper that adds the skill's client ID. */
    public static final String CLIENT_AUDIENCE_MAPPER = "alexa skill audience";
    /** The name of the mapper that adds the configured resource audience. */
    public static final String RESOURCE_AUDIENCE_MAPPER = "alexa resource audience";

    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]+");

    /**
     * What one audience mapper of the client adds: a client's ID ({@code includedClient}) or a custom value
     * ({@code includedCustom}), to the access token and to introspection answers or not.
     */
    public record AudienceMapper(
            String includedClient, String includedCustom, boolean accessToken, boolean introspection) {
        /** The audience it adds, as Keycloak's mapper does: the client audience wins over the custom one. */
        public String audience() {
            return includedClient != null && !includedClient.isEmpty() ? includedClient : includedCustom;
        }
    }

    private TokenAudienceRule() {}

    /**
     * Validates an admin's resource audience: empty means none; else one string of visible ASCII, at most
     * {@value #MAX_AUDIENCE_LENGTH} characters, an absolute URI when it has a scheme.
     */
    public static Optional<String> resourceAudienceProblem(String audience) {
        if (audience == null || audience.isEmpty()) {
            return Optional.empty();
        }
        if (audience.length() > MAX_AUDIENCE_LENGTH) {
            return Optional.of("resource audience '" + SafeText.of(audience) + "' is longer than " + MAX_AUDIENCE_LENGTH
                    + " characters");
        }
        Optional<String> placeholder = Placeholders.unresolvedVariable(audience);
        if (placeholder.isPresent()) {
            return Optional.of(
                    Placeholders.explain(placeholder.get(), "resource audience '" + SafeText.of(audience) + "'"));
        }
        if (!TOKEN.matcher(audience).matches()) {
            return Optional.of("resource audience '" + SafeText.of(audience) + "' must be one word of visible ASCII"
                    + " characters (no spaces), e.g. https://api.example.com/skill");
        }
        if (audience.contains(":")) {
            try {
                URI uri = new URI(audience);
                if (!uri.isAbsolute() || uri.getScheme() == null) {
                    return Optional.of("resource audience '" + SafeText.of(audience) + "' is not an absolute URI");
                }
            } catch (URISyntaxException e) {
                return Optional.of(
                        "resource audience '" + SafeText.of(audience) + "' is not a valid URI: " + e.getReason());
            }
        }
        return Optional.empty();
    }

    /** The audiences the tokens of this client must carry, the client ID first. */
    public static List<String> audiences(String clientId, String resourceAudience) {
        List<String> audiences = new ArrayList<>(List.of(clientId));
        if (resourceAudience != null && !resourceAudience.isEmpty() && !resourceAudience.equals(clientId)) {
            audiences.add(resourceAudience);
        }
        return audiences;
    }

    /** What is wrong when a client's tokens lack its own ID as audience. */
    public static String finding(String clientId) {
        return "access tokens of '" + SafeText.of(clientId) + "' do not carry '" + SafeText.of(clientId)
                + "' as audience:"
                + " a skill backend that checks the audience refuses them, and introspection by the skill's client answers"
                + " active:false";
    }

    public static String fix(String clientId) {
        return "save the skill again on the Alexa skills page or with the skills API, or add an Audience mapper"
                + " (Included Client Audience: " + SafeText.of(clientId)
                + ", Add to access token, Add to token introspection)"
                + " to the client";
    }

    /** A violation when no mapper puts the client's own ID into its access tokens and introspection answers. */
    public static Optional<Violation> check(String clientId, Collection<AudienceMapper> mappers) {
        boolean carried =
                mappers.stream().anyMatch(m -> clientId.equals(m.audience()) && m.accessToken() && m.introspection());
        if (carried) {
            return Optional.empty();
        }
        return Optional.of(new Violation(NAME, finding(clientId) + ". Fix: " + fix(clientId)));
    }

    /** The report's check that a client's access tokens name it, and only a valid resource audience besides, as audience. */
    public static Check check(ClientSettings client) {
        String clientId = client.clientId();
        Optional<String> resource = client.resourceAudience() == null
                ? Optional.empty()
                : resourceAudienceProblem(client.resourceAudience());
        if (check(clientId, client.audienceMappers()).isPresent()) {
            return Check.fail(
                    "token-audience",
                    finding(clientId),
                    "Clients > " + clientId + " > Client scopes > " + clientId + "-dedicated: " + fix(clientId));
        }
        if (resource.isPresent()) {
            return Check.fail(
                    "token-audience",
                    resource.get(),
                    "Clients > " + clientId + " > Client scopes > " + clientId + "-dedicated > "
                            + RESOURCE_AUDIENCE_MAPPER + ": correct or remove its audience");
        }
        return Check.pass("token-audience", "access tokens carry '" + clientId + "' as audience");
    }
}
