package dev.alexalink.keycloak.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.alexalink.keycloak.clientpolicy.AlexaClientCondition;
import dev.alexalink.keycloak.clientpolicy.RealmAudit;
import dev.alexalink.keycloak.compat.AdminChecks;
import dev.alexalink.rules.AlexaDiagnostics;
import dev.alexalink.rules.AlexaDiagnostics.Report;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.rules.AlexaSkill;
import dev.alexalink.rules.Check;
import dev.alexalink.rules.InputLimits;
import dev.alexalink.rules.InvalidRuleConfigurationException;
import dev.alexalink.rules.SafeText;
import dev.alexalink.rules.SignInChecks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.util.JsonSerialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Alexa part of a realm's admin API, {@code /admin/realms/{realm}/alexa}: enable a skill in one call, read the
 * values for the Alexa developer console, and diagnose the realm. Keycloak's admin authentication applies; each call
 * needs the same permissions as the admin console screens it stands for.
 */
public final class AlexaAdminResource {

    private static final Logger LOG = Logger.getLogger("dev.alexalink");
    private static final Set<String> SKILL_FIELDS = Set.of(
            "name",
            "vendorIds",
            "regions",
            "scopes",
            "appRedirectUris",
            "resourceAudience",
            "requirePkce",
            SignInChecks.ENABLE_LANGUAGES);

    public record SkillDiagnostics(long failures, List<Check> realm, List<Check> client) {}

    /** {@code adminPage}: the skill on the Alexa admin page ({@link AlexaAdminPageResource}) of the caller's realm. */
    public record Skill(
            String clientId,
            String name,
            ConsoleValues alexaConsole,
            SkillBackendValues skillBackend,
            SkillDiagnostics diagnostics,
            SkillSettings settings,
            String adminPage) {

        Skill withoutSecret() {
            return new Skill(
                    clientId, name, alexaConsole.withoutSecret(), skillBackend, diagnostics, settings, adminPage);
        }
    }

    public record SkillChange(
            String clientId,
            String outcome,
            List<String> changes,
            ConsoleValues alexaConsole,
            SkillBackendValues skillBackend,
            SkillDiagnostics diagnostics,
            SkillSettings settings,
            String adminPage) {

        SkillChange withoutSecret() {
            return new SkillChange(
                    clientId,
                    outcome,
                    changes,
                    alexaConsole.withoutSecret(),
                    skillBackend,
                    diagnostics,
                    settings,
                    adminPage);
        }
    }

    /** The client secret, for the Alexa developer console's "Your Secret". */
    public record Secret(String clientId, String clientSecret) {}

    public record SkillSummary(String clientId, String name, long failures) {}

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminChecks auth;
    private final AdminEventBuilder adminEvent;

    AlexaAdminResource(KeycloakSession session, RealmModel realm, AdminChecks auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /** The diagnostics report of the realm and all its Alexa clients. */
    @GET
    @Path("diagnostics")
    @Produces(MediaType.APPLICATION_JSON)
    public Report diagnostics() {
        auth.requireViewRealm();
        auth.requireViewClients();
        return RealmAudit.audit(session, realm);
    }

    /** The realm's Alexa clients, each with its number of failed checks. */
    @GET
    @Path("skills")
    @Produces(MediaType.APPLICATION_JSON)
    public List<SkillSummary> skills() {
        auth.requireViewRealm();
        auth.requireViewClients();
        Report report = RealmAudit.audit(session, realm);
        List<SkillSummary> skills = new ArrayList<>();
        for (AlexaDiagnostics.ClientReport client : report.clients()) {
            ClientModel model = realm.getClientByClientId(client.clientId());
            skills.add(new SkillSummary(client.clientId(), model.getName(), client.failures()));
        }
        return skills;
    }

    /** One skill: the values for the Alexa developer console and its diagnostics. */
    @GET
    @Path("skills/{clientId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Skill skill(@PathParam("clientId") String clientId) {
        auth.requireViewRealm();
        ClientModel client = viewableAlexaClient(clientId);
        return new Skill(
                client.getClientId(),
                client.getName(),
                ConsoleValues.of(session, realm, client),
                SkillBackendValues.of(session, realm, client),
                diagnosticsOf(client),
                SkillSettings.of(client),
                adminPage(client));
    }

    /** The realm's Alexa client of that ID, which the admin may view; 404 naming it when there is none. */
    private ClientModel viewableAlexaClient(String clientId) {
        ClientModel client = realm.getClientByClientId(clientId);
        if (client == null || !AlexaClientCondition.isAlexaClient(client)) {
            auth.requireViewClients();
            throw error(
                    Response.Status.NOT_FOUND,
                    "alexa_skill_not_found",
                    "realm '" + realm.getName() + "' has no Alexa client '" + SafeText.of(clientId) + "'",
                    List.of());
        }
        auth.requireView(client);
        return client;
    }

    /**
     * The skill's client secret alone, with the permission of Keycloak's own {@code GET /clients/{id}/client-secret}
     * (view the client).
     */
    @GET
    @Path("skills/{clientId}/secret")
    @Produces(MediaType.APPLICATION_JSON)
    public Secret secret(@PathParam("clientId") String clientId) {
        ClientModel client = viewableAlexaClient(clientId);
        return new Secret(client.getClientId(), client.isPublicClient() ? null : client.getSecret());
    }

    /**
     * Creates or updates the skill's client and merges the Alexa client profile and policy into the realm's. The body
     * is {@code {"name", "vendorIds", "regions", "scopes", "appRedirectUris", "resourceAudience", "requirePkce",
     * "enableLanguages"}}; {@code vendorIds} is required. {@code enableLanguages: true} turns on the realm's
     * Internationalization with the 'alexa' theme's languages, a realm-wide change made only when asked for.
     */
    @PUT
    @Path("skills/{clientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response enableSkill(@PathParam("clientId") String clientId, InputStream request) {
        auth.requireManageRealm();
        auth.requireManageClients();
        ClientModel existing = realm.getClientByClientId(clientId);
        if (existing != null) {
            auth.requireManage(existing);
        }
        JsonNode body = read(request);
        AlexaSkill skill = parse(clientId, body);
        SkillSetup.Outcome outcome;
        try {
            outcome = SkillSetup.apply(session, realm, skill, auth.adminAuth());
        } catch (InvalidRuleConfigurationException e) {
            session.getTransactionManager().setRollbackOnly();
            throw refuse(e.problems());
        } catch (ClientPolicyException e) {
            session.getTransactionManager().setRollbackOnly();
            throw refuse(List.of(SkillSetup.refusedByPolicies(e)));
        }
        ClientModel client = outcome.client();
        String result = outcome.created() ? "created" : outcome.changes().isEmpty() ? "unchanged" : "updated";
        if (!outcome.changes().isEmpty()) {
            LOG.infof(
                    "Alexa skill '%s' %s in realm '%s': %s",
                    client.getClientId(), result, realm.getName(), outcome.changes());
            adminEvent
                    .operation(outcome.created() ? OperationType.CREATE : OperationType.UPDATE)
                    .resource(ResourceType.CLIENT)
                    .resourcePath("clients", client.getId())
                    .representation(body)
                    .success();
        }
        SkillChange change = new SkillChange(
                client.getClientId(),
                result,
                outcome.changes(),
                ConsoleValues.of(session, realm, client),
                SkillBackendValues.of(session, realm, client),
                diagnosticsOf(client),
                SkillSettings.of(client),
                adminPage(client));
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(change)
                .build();
    }

    /**
     * The body as JSON, read up to {@link InputLimits#MAX_SKILL_BODY_BYTES}: a longer one is refused with 413 naming
     * the limit. The rest of a longer body is read and dropped, so that the client gets the answer instead of a
     * connection closed while it still sends.
     */
    private JsonNode read(InputStream request) {
        try (InputStream in = request) {
            byte[] bytes = in.readNBytes(InputLimits.MAX_SKILL_BODY_BYTES + 1);
            if (bytes.length > InputLimits.MAX_SKILL_BODY_BYTES) {
                long rest = in.transferTo(OutputStream.nullOutputStream());
                String problem = "the body is " + (bytes.length + rest) + " bytes, over the limit of "
                        + InputLimits.MAX_SKILL_BODY_BYTES + " bytes (" + InputLimits.NAME + ")";
                LOG.warnf("Alexa skill change refused in realm '%s': %s", realm.getName(), problem);
                throw error(
                        Response.Status.REQUEST_ENTITY_TOO_LARGE,
                        "alexa_skill_body_too_large",
                        problem,
                        List.of(problem));
            }
            return bytes.length == 0 ? null : JsonSerialization.mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw refuse(List.of("the body is not JSON (" + SafeText.of(e.getOriginalMessage())
                    + "); it must be a JSON object with the fields " + SKILL_FIELDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AlexaSkill parse(String clientId, JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw refuse(List.of("the body must be a JSON object with the fields " + SKILL_FIELDS));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SKILL_FIELDS.contains(name)) {
                problems.add("unknown field '" + SafeText.of(name)
                        + "' (the fields are name, vendorIds, regions, scopes, appRedirectUris,"
                        + " resourceAudience, requirePkce, enableLanguages)");
            }
        }
        String name = string(body, "name", "", problems);
        List<String> vendorIds = strings(body, "vendorIds", problems);
        if (!body.hasNonNull("vendorIds")) {
            problems.add("field 'vendorIds' is required: the vendor ID(s) in your skill's Alexa redirect URLs");
        }
        List<String> regions = strings(body, "regions", problems);
        List<String> scopes = strings(body, "scopes", problems);
        List<String> apps = strings(body, "appRedirectUris", problems);
        String audience = string(body, "resourceAudience", ", e.g. \"https://api.example.com/skill\"", problems);
        boolean requirePkce = bool(body, "requirePkce", problems);
        boolean enableLanguages = bool(body, SignInChecks.ENABLE_LANGUAGES, problems);
        try {
            AlexaSkill skill = AlexaSkill.of(
                    clientId, name, vendorIds, regions, scopes, apps, audience, requirePkce, enableLanguages);
            if (problems.isEmpty()) {
                return skill;
            }
        } catch (InvalidRuleConfigurationException e) {
            problems.addAll(e.problems());
        }
        throw refuse(problems);
    }

    /** An optional boolean field; false when absent. */
    private static boolean bool(JsonNode body, String field, List<String> problems) {
        if (!body.hasNonNull(field)) {
            return false;
        }
        if (!body.get(field).isBoolean()) {
            problems.add("field '" + field + "' must be true or false, not "
                    + SafeText.of(body.get(field).toString()));
            return false;
        }
        return body.get(field).asBoolean();
    }

    /** An optional string field; null when absent. {@code example} follows the complaint about another type. */
    private static String string(JsonNode body, String field, String example, List<String> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add("field '" + field + "' must be a string" + example);
            return null;
        }
        return node.asText();
    }

    private static List<String> strings(JsonNode body, String field, List<String> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add("field '" + field + "' must be an array of strings, e.g. [\"" + example(field) + "\"]");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (value.isTextual()) {
                values.add(value.asText());
            } else {
                problems.add("field '" + field + "' must contain only strings, not " + SafeText.of(value.toString()));
            }
        }
        return values;
    }

    private static String example(String field) {
        return switch (field) {
            case "vendorIds" -> "M2AAAAAAAAAAAA";
            case "regions" -> AlexaRegion.EUROPE.id();
            case "scopes" -> "profile";
            default -> "https://example.com/alexa-app-link";
        };
    }

    /** The skill on the Alexa admin page of the admin's own realm, where they sign in. */
    private String adminPage(ClientModel client) {
        RealmModel adminRealm = auth.adminAuth().getRealm();
        return AlexaAdminPageResource.pageUrl(
                session, adminRealm == null ? realm : adminRealm, realm, client.getClientId());
    }

    private SkillDiagnostics diagnosticsOf(ClientModel client) {
        Report report = RealmAudit.audit(session, realm, List.of(client));
        List<Check> clientChecks = report.clients().get(0).checks();
        return new SkillDiagnostics(report.failures(), report.realmChecks(), clientChecks);
    }

    private WebApplicationException refuse(List<String> problems) {
        String listed = InputLimits.listed(problems);
        LOG.warnf("Alexa skill change refused in realm '%s': %s", realm.getName(), listed);
        return error(Response.Status.BAD_REQUEST, "invalid_alexa_skill", listed, InputLimits.firstListed(problems));
    }

    private static WebApplicationException error(
            Response.Status status, String error, String description, List<String> problems) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("error", error);
        entity.put("error_description", description);
        if (!problems.isEmpty()) {
            entity.put("problems", problems);
        }
        return new WebApplicationException(Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(entity)
                .build());
    }
}
