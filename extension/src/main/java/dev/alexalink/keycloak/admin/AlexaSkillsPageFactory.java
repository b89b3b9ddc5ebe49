package dev.alexalink.keycloak.admin;

import dev.alexalink.keycloak.compat.AdminChecks;
import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.rules.AlexaSkill;
import dev.alexalink.rules.InputLimits;
import dev.alexalink.rules.InvalidRuleConfigurationException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Encode;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.ui.extend.UiPageProvider;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.alexalink.keycloak.admin.AlexaSkillItem.CLIENT;

/**
 * The admin console's "Alexa skills" page (Configure > Alexa skills), built on Keycloak's declarative UI: one item per
 * skill client. Saving an item does what {@code PUT /admin/realms/{realm}/alexa/skills/{clientId}} does. The console
 * can show only stored fields, so the page holds the settings alone; its help text sends admins to the Alexa admin
 * page ({@link AlexaAdminPageResource}) for the console values and the diagnostics, computed when it opens. The console
 * shows this page only with the experimental feature {@code declarative-ui} enabled; the Alexa admin page needs none.
 * <p>
 * Keycloak also validates items when a realm file brings them. A realm import does not apply them: clients are
 * imported before components and client policies after them, and imported clients are reported, never changed behind
 * the admin's back. Such an item is checked, stored, and applied when an admin saves it (here, or on the Alexa admin
 * page, which lists every Alexa client of the realm).
 */
public final class AlexaSkillsPageFactory
        implements UiPageProviderFactory<ComponentModel>, EnvironmentDependentProviderFactory {

    public static final String PROVIDER_ID = "alexa-skills";
    private static final Logger LOG = Logger.getLogger("dev.alexalink");
    private static final String REALM_BEING_CREATED = "dev.alexalink.realm-being-created.";
    /** The console saves its page's URL parameters with an item's fields; they are not settings. */
    private static final List<String> CONSOLE_URL_PARAMETERS = List.of("realm", "providerId", "id");

    private static final List<ProviderConfigProperty> PROPERTIES = properties();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /** A message key, like the labels: the console resolves them (theme-resources/messages). */
    @Override
    public String getHelpText() {
        return "alexa-skills-help";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    /** The list's columns; the first links to the item and titles its page. */
    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(CLIENT, AlexaSkillItem.NAME));
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        Map<String, List<String>> config = model.getConfig();
        CONSOLE_URL_PARAMETERS.forEach(config::remove);
        boolean imported = session.getAttribute(REALM_BEING_CREATED + realm.getId()) != null;
        AlexaSkill skill;
        try {
            skill = AlexaSkillItem.skillOf(config);
        } catch (InvalidRuleConfigurationException e) {
            throw imported ? refuseImport(session, realm, e.problems()) : refuse(session, realm, e.problems());
        }
        List<String> problems = conflictsWithOtherItems(realm, model, skill.clientId());
        if (!problems.isEmpty()) {
            throw imported ? refuseImport(session, realm, problems) : refuse(session, realm, problems);
        }
        model.setName(skill.clientId());
        AlexaSkillItem.dropWrittenOnSave(config);
        AlexaSkillItem.writeSettings(config, skill);
        if (imported) {
            return;
        }

        AdminAuth adminAuth = requireClientManagement(session, realm, realm.getClientByClientId(skill.clientId()));
        SkillSetup.Outcome outcome;
        try {
            outcome = SkillSetup.apply(session, realm, skill, adminAuth);
        } catch (InvalidRuleConfigurationException e) {
            throw refuse(session, realm, e.problems());
        } catch (ClientPolicyException e) {
            throw refuse(session, realm, List.of(SkillSetup.refusedByPolicies(e)));
        }
        if (!outcome.changes().isEmpty()) {
            LOG.infof(
                    "Alexa skill '%s' %s in realm '%s' (Alexa skills page): %s",
                    skill.clientId(), outcome.created() ? "created" : "updated", realm.getName(), outcome.changes());
        }
    }

    /** One item per client, and an item stays with its client: another client is another item. */
    private static List<String> conflictsWithOtherItems(RealmModel realm, ComponentModel model, String clientId) {
        List<String> problems = new ArrayList<>();
        ComponentModel stored = model.getId() == null ? null : realm.getComponent(model.getId());
        if (stored != null && !clientId.equals(stored.get(CLIENT))) {
            problems.add("this skill belongs to client '" + stored.get(CLIENT) + "': its client cannot change to '"
                    + clientId + "'; add another skill for that client");
        }
        boolean taken = realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(other -> PROVIDER_ID.equals(other.getProviderId()))
                .filter(other -> !Objects.equals(other.getId(), model.getId()))
                .anyMatch(other -> clientId.equals(other.get(CLIENT)));
        if (taken) {
            problems.add("client '" + clientId + "' already has an Alexa skill in realm '" + realm.getName()
                    + "': open that one to change it");
        }
        return problems;
    }

    /**
     * Keycloak lets admins who may manage the realm save items; applying one changes a client, which the admin API
     * allows only to admins who may also manage clients. The same holds here.
     */
    private static AdminAuth requireClientManagement(KeycloakSession session, RealmModel realm, ClientModel existing) {
        if (!(KeycloakApi.bearerToken(session) instanceof AccessToken token) || token.getIssuer() == null) {
            throw refuse(
                    session,
                    realm,
                    List.of("an Alexa skill is applied when an admin saves it with the admin"
                            + " console or the admin REST API, and this save was neither"));
        }
        String issuer = token.getIssuer();
        RealmModel adminRealm =
                session.realms().getRealmByName(Encode.decodePath(issuer.substring(issuer.lastIndexOf('/') + 1)));
        ClientModel adminClient = adminRealm == null ? null : adminRealm.getClientByClientId(token.getIssuedFor());
        UserModel admin = KeycloakApi.adminUser(session, adminRealm, token);
        if (admin == null) {
            throw new ForbiddenException("the admin of this save is unknown");
        }
        AdminAuth adminAuth = new AdminAuth(adminRealm, token, admin, adminClient);
        AdminChecks auth = KeycloakApi.adminChecks(session, realm, adminAuth);
        auth.requireManageClients();
        if (existing != null) {
            auth.requireManage(existing);
        }
        return adminAuth;
    }

    /**
     * Refuses the save, naming every problem. The console shows the message; the transaction is rolled back, so
     * that nothing of the save is kept.
     */
    private static ComponentValidationException refuse(
            KeycloakSession session, RealmModel realm, List<String> problems) {
        LOG.warnf(
                "Alexa skill change refused in realm '%s' (Alexa skills page): %s",
                realm.getName(), InputLimits.listed(problems));
        session.getTransactionManager().setRollbackOnly();
        // The message is a MessageFormat pattern; the problems go in as an argument, so their quotes stay as written.
        return new ComponentValidationException("{0}", InputLimits.listed(problems));
    }

    /**
     * Refuses a realm import that brings an invalid item: the whole import is undone. POST /admin/realms answers
     * HTTP 400 with the message; an import at startup stops with it.
     */
    private static WebApplicationException refuseImport(
            KeycloakSession session, RealmModel realm, List<String> problems) {
        // An HTTP error alone would not undo the import of POST /admin/realms.
        session.getTransactionManager().setRollbackOnly();
        String message = "Realm '" + realm.getName() + "' was not imported: an Alexa skill in it is invalid: "
                + InputLimits.listed(problems);
        return new WebApplicationException(
                message,
                Response.status(Response.Status.BAD_REQUEST)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("error", "invalid_alexa_skill", "error_description", message))
                        .build());
    }

    /** Labels and help texts are message keys (theme-resources/messages/messages_en.properties). */
    private static List<ProviderConfigProperty> properties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(CLIENT)
                .label("alexa-skill-client")
                .helpText("alexa-skill-client-help")
                .type(ProviderConfigProperty.STRING_TYPE)
                .required(true)
                .add()
                .property()
                .name(AlexaSkillItem.NAME)
                .label("alexa-skill-name")
                .helpText("alexa-skill-name-help")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(AlexaSkillItem.VENDOR_IDS)
                .label("alexa-skill-vendor-ids")
                .helpText("alexa-skill-vendor-ids-help")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .required(true)
                .add()
                .property()
                .name(AlexaSkillItem.REGIONS)
                .label("alexa-skill-regions")
                .helpText("alexa-skill-regions-help")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
                .options(
                        Arrays.stream(AlexaRegion.values()).map(AlexaRegion::id).toList())
                .add()
                .property()
                .name(AlexaSkillItem.SCOPES)
                .label("alexa-skill-scopes")
                .helpText("alexa-skill-scopes-help")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .add()
                .property()
                .name(AlexaSkillItem.APP_REDIRECT_URIS)
                .label("alexa-skill-app-redirect-uris")
                .helpText("alexa-skill-app-redirect-uris-help")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .add()
                .property()
                .name(AlexaSkillItem.RESOURCE_AUDIENCE)
                .label("alexa-skill-resource-audience")
                .helpText("alexa-skill-resource-audience-help")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property()
                .name(AlexaSkillItem.REQUIRE_PKCE)
                .label("alexa-skill-require-pkce")
                .helpText("alexa-skill-require-pkce-help")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
                .property()
                .name(AlexaSkillItem.ENABLE_LANGUAGES)
                .label("alexa-skill-enable-languages")
                .helpText("alexa-skill-enable-languages-help")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
                .build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    /**
     * Remembers which realms are being created in a session: between Keycloak's creation event and its post-create
     * event, a realm import is filling the realm, and items it brings are not applied.
     */
    public static void realmImportStarted(KeycloakSession session, RealmModel realm) {
        session.setAttribute(REALM_BEING_CREATED + realm.getId(), Boolean.TRUE);
    }

    public static void realmImportEnded(KeycloakSession session, RealmModel realm) {
        session.removeAttribute(REALM_BEING_CREATED + realm.getId());
    }

    @Override
    public void init(Config.Scope config) {}

    /**
     * The page needs the admin's token of a save to check the admin's client permissions, which Keycloak 26.0 does not
     * give providers ({@link KeycloakApi#hasBearerToken}). There, and on an unsupported version, the page is absent;
     * the admin REST API does the same.
     */
    @Override
    public boolean isSupported(Config.Scope config) {
        if (KeycloakApi.UNSUPPORTED.isPresent()) {
            return false;
        }
        return KeycloakApi.hasBearerToken();
    }

    @Override
    public void close() {}
}
