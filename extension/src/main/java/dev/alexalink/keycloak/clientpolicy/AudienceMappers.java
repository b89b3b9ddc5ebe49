package dev.alexalink.keycloak.clientpolicy;

import dev.alexalink.rules.TokenAudienceRule;
import dev.alexalink.rules.TokenAudienceRule.AudienceMapper;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AudienceProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link TokenAudienceRule} in Keycloak's terms: the audience mappers ({@code oidc-audience-mapper}) of a client, read
 * as the rule's {@link AudienceMapper}s, and the two mappers an Alexa client gets: its own client ID, and the
 * optional resource audience. The ID token is left alone (its audience is the client by definition).
 */
public final class AudienceMappers {

    /** The custom-audience key of Keycloak's audience mapper (private in 26.0's {@code AudienceProtocolMapper}). */
    static final String INCLUDED_CUSTOM_AUDIENCE = "included.custom.audience";

    private AudienceMappers() {}

    public static List<AudienceMapper> of(ClientModel client) {
        return describe(
                client.getProtocolMappersStream().map(m -> Map.entry(m.getProtocolMapper(), config(m.getConfig()))));
    }

    static List<AudienceMapper> of(Collection<ProtocolMapperRepresentation> mappers) {
        return describe(
                mappers == null
                        ? Stream.empty()
                        : mappers.stream()
                                .map(m -> Map.entry(String.valueOf(m.getProtocolMapper()), config(m.getConfig()))));
    }

    private static List<AudienceMapper> describe(Stream<Map.Entry<String, Map<String, String>>> mappers) {
        return mappers.filter(m -> AudienceProtocolMapper.PROVIDER_ID.equals(m.getKey()))
                .map(Map.Entry::getValue)
                .map(c -> new AudienceMapper(
                        c.get(AudienceProtocolMapper.INCLUDED_CLIENT_AUDIENCE),
                        c.get(INCLUDED_CUSTOM_AUDIENCE),
                        "true".equals(c.get(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN)),
                        "true"
                                .equals(c.getOrDefault(
                                        OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION,
                                        c.get(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN)))))
                .toList();
    }

    private static Map<String, String> config(Map<String, String> config) {
        return config == null ? Map.of() : config;
    }

    /** The mapper that puts the client's own ID into its access tokens and introspection answers. */
    public static ProtocolMapperRepresentation clientAudience(String clientId) {
        return mapper(
                TokenAudienceRule.CLIENT_AUDIENCE_MAPPER, AudienceProtocolMapper.INCLUDED_CLIENT_AUDIENCE, clientId);
    }

    /** The mapper that adds the skill backend's own identifier. */
    public static ProtocolMapperRepresentation resourceAudience(String audience) {
        return mapper(TokenAudienceRule.RESOURCE_AUDIENCE_MAPPER, INCLUDED_CUSTOM_AUDIENCE, audience);
    }

    private static ProtocolMapperRepresentation mapper(String name, String key, String value) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        mapper.setProtocolMapper(AudienceProtocolMapper.PROVIDER_ID);
        Map<String, String> config = new HashMap<>();
        config.put(key, value);
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, "true");
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION, "true");
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN, "false");
        mapper.setConfig(config);
        return mapper;
    }

    public static ProtocolMapperModel toModel(ProtocolMapperRepresentation mapper) {
        ProtocolMapperModel model = new ProtocolMapperModel();
        model.setName(mapper.getName());
        model.setProtocol(mapper.getProtocol());
        model.setProtocolMapper(mapper.getProtocolMapper());
        model.setConfig(new HashMap<>(mapper.getConfig()));
        return model;
    }

    /** The resource audience the client's tokens carry now, from the mapper of that name. */
    static Optional<String> resourceAudienceOf(ClientModel client) {
        return Optional.ofNullable(client.getProtocolMapperByName(
                        OIDCLoginProtocol.LOGIN_PROTOCOL, TokenAudienceRule.RESOURCE_AUDIENCE_MAPPER))
                .map(m -> m.getConfig().get(INCLUDED_CUSTOM_AUDIENCE));
    }
}
