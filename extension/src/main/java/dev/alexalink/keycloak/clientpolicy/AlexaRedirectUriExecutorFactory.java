package dev.alexalink.keycloak.clientpolicy;

import dev.alexalink.rules.AlexaRegion;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import java.util.Arrays;
import java.util.List;

public class AlexaRedirectUriExecutorFactory extends AbstractAlexaExecutorFactory {

    public static final String PROVIDER_ID = "alexa-redirect-uris";
    public static final String VENDOR_IDS = "vendor-ids";
    public static final String REGIONS = "regions";
    public static final String APP_REDIRECT_URIS = "app-redirect-uris";
    public static final String LEGACY_STATUS_PAGE = "legacy-status-page";

    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(VENDOR_IDS)
            .label("Vendor IDs")
            .helpText("Vendor IDs of your Amazon developer account (letters and digits, e.g. M2AAAAAAAAAAAA)."
                    + " Redirect URLs https://{region host}/api/skill/link/{vendor ID} are allowed for each.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .add()
            .property()
            .name(REGIONS)
            .label("Regions")
            .helpText("Alexa regions whose redirect URL is allowed. Empty means all three; the Alexa app uses the"
                    + " user's region, so a skill published worldwide needs all of them.")
            .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
            .options(Arrays.stream(AlexaRegion.values()).map(AlexaRegion::id).toList())
            .defaultValue(
                    Arrays.stream(AlexaRegion.values()).map(AlexaRegion::id).toList())
            .add()
            .property()
            .name(APP_REDIRECT_URIS)
            .label("App-to-app redirect URLs")
            .helpText(
                    "Your app's Universal Links / App Links used for app-to-app linking. Exact https URLs, no wildcards.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .add()
            .property()
            .name(LEGACY_STATUS_PAGE)
            .label("Allow legacy status-page URLs")
            .helpText(
                    "Also allow https://{pitangui|layla}.amazon.com/spa/skill/account-linking-status.html?vendorId={vendor ID},"
                            + " shown in older Amazon documentation.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(false)
            .add()
            .build();

    @Override
    public ClientPolicyExecutorProvider<?> create(KeycloakSession session) {
        return new AlexaRedirectUriExecutor(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Alexa clients may only use Alexa's exact regional redirect URLs for the configured vendor IDs, plus"
                + " explicitly listed app-to-app URLs. Enforced on client create/update and on authorization requests.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }
}
