package dev.alexalink.keycloak.admin;

import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.rules.PkceRule;
import dev.alexalink.rules.TokenAudienceRule;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A skill's settings as its client has them now, in the words of the body of {@code PUT …/alexa/skills/{clientId}}
 * (without {@code enableLanguages}, which is an action on the realm, not a setting of the client): what the Alexa
 * admin page fills its form with, so that saving it unchanged changes nothing. The vendor IDs and regions are read
 * from the client's Alexa redirect URLs, the scopes from its optional client scopes.
 */
public record SkillSettings(
        String name,
        List<String> vendorIds,
        List<String> regions,
        List<String> scopes,
        List<String> appRedirectUris,
        String resourceAudience,
        boolean requirePkce) {

    static SkillSettings of(ClientModel client) {
        Set<String> vendors = new LinkedHashSet<>();
        Set<AlexaRegion> regions = new LinkedHashSet<>();
        Set<String> apps = new LinkedHashSet<>();
        client.getRedirectUris().stream().sorted().forEach(uri -> {
            Optional<AlexaRegion> region = AlexaRegion.ofRedirectUri(uri);
            int link = uri.indexOf(AlexaRegion.LINK_PATH);
            if (region.isPresent() && link > 0) {
                regions.add(region.get());
                vendors.add(uri.substring(link + AlexaRegion.LINK_PATH.length()));
            } else {
                apps.add(uri);
            }
        });
        ProtocolMapperModel audience = client.getProtocolMapperByName(
                OIDCLoginProtocol.LOGIN_PROTOCOL, TokenAudienceRule.RESOURCE_AUDIENCE_MAPPER);
        String resource = audience == null ? null : audience.getConfig().get("included.custom.audience");
        return new SkillSettings(
                client.getName(),
                List.copyOf(vendors),
                Arrays.stream(AlexaRegion.values())
                        .filter(regions::contains)
                        .map(AlexaRegion::id)
                        .toList(),
                client.getClientScopes(false).keySet().stream().sorted().toList(),
                List.copyOf(apps),
                resource == null || resource.isBlank() ? null : resource,
                PkceRule.isRequired(client.getAttribute(PkceRule.CLIENT_ATTRIBUTE)));
    }
}
