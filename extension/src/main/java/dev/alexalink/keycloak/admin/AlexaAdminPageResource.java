package dev.alexalink.keycloak.admin;

import dev.alexalink.keycloak.clientpolicy.RealmAudit;
import dev.alexalink.keycloak.compat.AdminChecks;
import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.rules.SafeText;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.Config;
import org.keycloak.common.Profile;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.BrowserSecurityHeaders;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Alexa admin page, {@code /realms/{adminRealm}/alexa-admin/}: a small page of its own (HTML, CSS and script from
 * this JAR, no build step, nothing from elsewhere) and its JSON API under {@code api/realms/{realm}/…}, which hands
 * every call to the same {@link AlexaAdminResource} as the admin REST API. It needs no experimental feature and serves
 * on every supported Keycloak version.
 * <p>
 * The API authenticates the browser's SSO session of the admin realm by Keycloak's identity cookie, as the account
 * console's sign-in does, and checks the admin's permissions with Keycloak's own evaluator, as the admin REST API does
 * for the admin console. Against cross-site requests, every API call needs the header {@value #HEADER} (which a form
 * or a cross-site request without CORS cannot send), a write needs {@code Content-Type: application/json}, and a
 * request with an {@code Origin} needs the server's own. The API never answers CORS.
 */
public final class AlexaAdminPageResource {

    public static final String PATH = AlexaAdminPageProviderFactory.PROVIDER_ID;
    public static final String HEADER = "X-Alexa-Admin";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src"
            + " 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String STATIC = "/alexa-admin/";

    private final KeycloakSession session;
    private final RealmModel adminRealm;

    AlexaAdminPageResource(KeycloakSession session) {
        this.session = session;
        this.adminRealm = session.getContext().getRealm();
    }

    /** The page's URL for an admin of {@code adminRealm}; with a realm and a client, the page opens that skill. */
    public static String pageUrl(KeycloakSession session, RealmModel adminRealm, RealmModel realm, String clientId) {
        URI base = RealmAudit.frontendUrl(session, adminRealm);
        String page = UriBuilder.fromUri(base)
                        .path("realms")
                        .path(adminRealm.getName())
                        .path(PATH)
                        .build()
                        .toString()
                + "/";
        if (realm == null) {
            return page;
        }
        return page + "#/" + fragment(realm.getName()) + (clientId == null ? "" : "/" + fragment(clientId));
    }

    private static String fragment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        requireAdminApi();
        String base = session.getContext()
                        .getUri()
                        .getBaseUriBuilder()
                        .path("realms")
                        .path(adminRealm.getName())
                        .path(PATH)
                        .build()
                        .getRawPath()
                + "/";
        String console = session.getContext()
                        .getUri()
                        .getBaseUriBuilder()
                        .path("admin")
                        .path(adminRealm.getName())
                        .path("console")
                        .build()
                        .getRawPath()
                + "/";
        String html = text("index.html")
                .replace("__BASE__", attribute(base))
                .replace("__CONSOLE__", attribute(console))
                .replace("__ADMIN_REALM__", attribute(adminRealm.getName()));
        return secured(Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")))
                .build();
    }

    @GET
    @Path("app.js")
    @Produces("text/javascript")
    public Response script() {
        requireAdminApi();
        return secured(Response.ok(text("app.js"), "text/javascript;charset=UTF-8"))
                .build();
    }

    @GET
    @Path("app.css")
    @Produces("text/css")
    public Response style() {
        requireAdminApi();
        return secured(Response.ok(text("app.css"), "text/css;charset=UTF-8")).build();
    }

    /** Who is signed in, and the realms they may see. */
    @GET
    @Path("api/session")
    @Produces(MediaType.APPLICATION_JSON)
    public Response whoAmI() {
        AdminAuth auth = authenticate();
        List<String> realms = new ArrayList<>();
        boolean master = isAdministrationRealm();
        (master ? session.realms().getRealmsStream().toList() : List.of(adminRealm)).forEach(realm -> {
            try {
                checksIn(realm, auth).requireViewRealm();
                realms.add(realm.getName());
            } catch (WebApplicationException forbidden) {
                // not this admin's realm
            } finally {
                session.getContext().setRealm(adminRealm);
            }
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("user", auth.getUser().getUsername());
        answer.put("adminRealm", adminRealm.getName());
        answer.put("realms", realms.stream().sorted().toList());
        return json(Response.ok(answer));
    }

    @GET
    @Path("api/realms/{realm}/skills")
    @Produces(MediaType.APPLICATION_JSON)
    public Response skills(@PathParam("realm") String realm) {
        AlexaAdminResource api = api(realm);
        return answer(api::skills);
    }

    @GET
    @Path("api/realms/{realm}/diagnostics")
    @Produces(MediaType.APPLICATION_JSON)
    public Response diagnostics(@PathParam("realm") String realm) {
        AlexaAdminResource api = api(realm);
        return answer(api::diagnostics);
    }

    @GET
    @Path("api/realms/{realm}/skills/{clientId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response skill(@PathParam("realm") String realm, @PathParam("clientId") String clientId) {
        AlexaAdminResource api = api(realm);
        return answer(() -> api.skill(clientId).withoutSecret());
    }

    @GET
    @Path("api/realms/{realm}/skills/{clientId}/secret")
    @Produces(MediaType.APPLICATION_JSON)
    public Response secret(@PathParam("realm") String realm, @PathParam("clientId") String clientId) {
        AlexaAdminResource api = api(realm);
        return answer(() -> api.secret(clientId));
    }

    @PUT
    @Path("api/realms/{realm}/skills/{clientId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response enableSkill(
            @PathParam("realm") String realm,
            @PathParam("clientId") String clientId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        AlexaAdminResource api = api(realm);
        if (contentType == null
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType.split(";")[0].trim()))) {
            throw failure(
                    Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "a change must be sent as Content-Type: application/json");
        }
        try {
            Response answer = api.enableSkill(clientId, body);
            Object entity = answer.getEntity();
            if (entity instanceof AlexaAdminResource.SkillChange change) {
                entity = change.withoutSecret();
            }
            return json(Response.status(answer.getStatus()).entity(entity));
        } catch (WebApplicationException e) {
            throw asJson(e);
        }
    }

    /**
     * The Alexa admin API of {@code realmName} for the signed-in admin, after the request checks: the session, the
     * cross-site rules, and, as Keycloak's admin API has it, that an admin of a realm other than the administration
     * realm ({@code master}) manages only their own.
     */
    private AlexaAdminResource api(String realmName) {
        AdminAuth auth = authenticate();
        RealmModel realm = session.realms().getRealmByName(realmName);
        if (realm == null) {
            throw failure(
                    Response.Status.NOT_FOUND, "realm_not_found", "there is no realm '" + SafeText.of(realmName) + "'");
        }
        if (!isAdministrationRealm() && !adminRealm.equals(realm)) {
            throw failure(
                    Response.Status.FORBIDDEN,
                    "forbidden",
                    "an admin of realm '" + adminRealm.getName() + "' manages only that realm, not '" + realm.getName()
                            + "'");
        }
        AdminChecks checks = checksIn(realm, auth);
        AdminEventBuilder adminEvent =
                new AdminEventBuilder(realm, auth, session, session.getContext().getConnection());
        return new AlexaAdminResource(session, realm, checks, adminEvent);
    }

    private Response answer(Supplier<Object> call) {
        try {
            return json(Response.ok(call.get()));
        } catch (WebApplicationException e) {
            throw asJson(e);
        }
    }

    /** Keycloak's permission checks of this admin in {@code realm}, which becomes the request's realm. */
    private AdminChecks checksIn(RealmModel realm, AdminAuth auth) {
        session.getContext().setRealm(realm);
        return KeycloakApi.adminChecks(session, realm, auth);
    }

    private boolean isAdministrationRealm() {
        return adminRealm.getName().equals(Config.getAdminRealm());
    }

    private AdminAuth authenticate() {
        requireAdminApi();
        HttpHeaders headers = session.getContext().getRequestHeaders();
        if (!"1".equals(headers.getHeaderString(HEADER))) {
            throw failure(
                    Response.Status.FORBIDDEN,
                    "missing_header",
                    "this API answers only the Alexa admin page: the request needs the header " + HEADER + ": 1");
        }
        String origin = headers.getHeaderString("Origin");
        if (origin != null && !origin.equals(ownOrigin())) {
            throw failure(
                    Response.Status.FORBIDDEN,
                    "foreign_origin",
                    "a request from " + SafeText.of(origin) + " is refused: only pages of this server may call this"
                            + " API");
        }
        KeycloakApi.CookieAdmin admin = KeycloakApi.identityCookieAdmin(session, adminRealm);
        ClientModel console = adminRealm.getClientByClientId(Constants.ADMIN_CONSOLE_CLIENT_ID);
        if (admin == null) {
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("error", "not_signed_in");
            entity.put(
                    "error_description",
                    "you are not signed in to realm '" + adminRealm.getName()
                            + "': sign in to the admin console, then reload this page");
            throw new WebApplicationException(
                    json(Response.status(Response.Status.UNAUTHORIZED).entity(entity)));
        }
        if (console == null || !console.isEnabled()) {
            throw failure(
                    Response.Status.FORBIDDEN,
                    "forbidden",
                    "the admin console of realm '" + adminRealm.getName() + "' is disabled");
        }
        return admin.asAdminConsole(adminRealm, console);
    }

    /** The scheme, host and port this request came to, as Keycloak sees them (proxy headers as configured). */
    private String ownOrigin() {
        URI base = session.getContext().getUri().getBaseUri();
        int port = base.getPort();
        boolean defaultPort = port == -1
                || ("https".equals(base.getScheme()) && port == 443)
                || ("http".equals(base.getScheme()) && port == 80);
        return base.getScheme() + "://" + base.getHost() + (defaultPort ? "" : ":" + port);
    }

    private void requireAdminApi() {
        if (!Profile.isFeatureEnabled(Profile.Feature.ADMIN_API) || KeycloakApi.UNSUPPORTED.isPresent()) {
            throw failure(
                    Response.Status.NOT_FOUND,
                    "not_found",
                    KeycloakApi.UNSUPPORTED.orElse("the admin API is disabled on this server"));
        }
    }

    /** Every answer of the API: JSON, never cached, never framed. */
    private Response json(Response.ResponseBuilder builder) {
        return secured(builder).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * This page's own security headers, in place of the realm's (whose CSP allows framing by the realm's own pages and
     * does not limit scripts): the realm's HSTS is kept.
     */
    private Response.ResponseBuilder secured(Response.ResponseBuilder builder) {
        SecurityHeadersProvider realmHeaders = session.getProvider(SecurityHeadersProvider.class);
        if (realmHeaders != null) {
            realmHeaders.options().skipHeaders();
        }
        String hsts =
                adminRealm.getBrowserSecurityHeaders().get(BrowserSecurityHeaders.STRICT_TRANSPORT_SECURITY.getKey());
        if (hsts != null && !hsts.isEmpty()) {
            builder.header(BrowserSecurityHeaders.STRICT_TRANSPORT_SECURITY.getHeaderName(), hsts);
        }
        return builder.header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }

    private WebApplicationException failure(Response.Status status, String error, String description) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("error", error);
        entity.put("error_description", description);
        return new WebApplicationException(json(Response.status(status).entity(entity)));
    }

    /** An error of the shared API as JSON: Keycloak's permission refusals come without a body. */
    private WebApplicationException asJson(WebApplicationException e) {
        Response response = e.getResponse();
        if (response != null && response.hasEntity() && !(response.getEntity() instanceof String)) {
            return new WebApplicationException(e, json(Response.fromResponse(response)));
        }
        int status = response == null ? 500 : response.getStatus();
        if (status == 403) {
            return failure(
                    Response.Status.FORBIDDEN,
                    "forbidden",
                    "your account may not do this: reading a skill needs the roles view-realm and view-clients of"
                            + " realm-management, saving one manage-realm and manage-clients");
        }
        if (status == 401) {
            return failure(Response.Status.UNAUTHORIZED, "not_signed_in", "sign in to the admin console");
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return failure(
                known == null ? Response.Status.INTERNAL_SERVER_ERROR : known,
                "error",
                Objects.requireNonNullElse(e.getMessage(), "HTTP " + status));
    }

    private static String text(String name) {
        try (InputStream in = AlexaAdminPageResource.class.getResourceAsStream(STATIC + name)) {
            if (in == null) {
                throw new IllegalStateException("the Alexa admin page's " + name + " is missing from the JAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&#39;");
    }
}
