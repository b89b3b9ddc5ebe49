package dev.alexalink.keycloak.compat;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.Version;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.exportimport.ExportImportConfig;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.protocol.oidc.utils.OIDCResponseType;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.context.TokenRefreshContext;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one place where this provider meets the Keycloak APIs that differ between the versions it supports (26.0 to
 * 26.7). The provider compiles against the oldest of them (Keycloak 26.0.8, {@code keycloak.api.version} in the root
 * POM), so the compiler refuses any newer API; what a newer version changed or added is reached here, resolved once
 * when this class loads. The compatibility matrix ({@code .ci/compatibility-matrix}) runs every supported minor, which
 * also catches an API that a newer version removed.
 *
 * <table>
 * <caption>What differs, and how it is bridged</caption>
 * <tr><th>Keycloak API</th><th>versions</th><th>bridge</th></tr>
 * <tr><td>the running version</td><td>all</td><td>{@link #UNSUPPORTED}: {@code Version.VERSION} checked by
 *     {@link KeycloakVersion}; on another version the provider refuses Alexa clients instead of half-checking them</td></tr>
 * <tr><td>{@code ClientModelContext}: the client of a client-policy context</td><td>26.6+</td><td>{@link #clientOf}:
 *     the context's client where it names one, else the client of Keycloak's session context, which the endpoints set
 *     once the client is known (what Keycloak 26.0's own conditions read)</td></tr>
 * <tr><td>{@code getScopeParameter()} of the request contexts</td><td>26.6+</td><td>{@link #scopeOf}: the request's
 *     {@code scope} parameter, read where every version has it</td></tr>
 * <tr><td>{@code AuthorizationRequestContext.getParsedResponseType()}</td><td>26.7 ({@code getparsedResponseType()}
 *     before)</td><td>{@link #isImplicitOrHybridFlow}: parses the request's {@code response_type} itself</td></tr>
 * <tr><td>the client that Keycloak's own conditions judge on a client update</td><td>the session's client up to
 *     26.6, the changed client from 26.7</td><td>{@link #triggerOnClientChange}: the changed client is the session's
 *     client while the policies run</td></tr>
 * <tr><td>{@code ClientPolicyEvent.PRE_TOKEN_REQUEST}</td><td>26.7+</td><td>{@link #isPreTokenRequest}: by name</td></tr>
 * <tr><td>{@code ClientAuthenticatorFactory.getAdapterConfiguration}</td><td>{@code (ClientModel)} up to 26.5,
 *     {@code (KeycloakSession, ClientModel)} from 26.6</td><td>the client authenticator implements both</td></tr>
 * <tr><td>{@code AdminPermissionEvaluator}, {@code AdminPermissions}, and {@code AdminRealmResourceProvider.getResource}
 *     which takes the evaluator</td><td>package {@code services.resources.admin.permissions} up to 26.2,
 *     {@code ….fgap} from 26.3</td><td>{@link #adminResourceProvider} and {@link #adminChecks}: a proxy of the
 *     provider interface, and {@link AdminChecks} over whichever evaluator the server has</td></tr>
 * <tr><td>{@code KeycloakContext.getBearerToken()}</td><td>26.1+</td><td>{@link #bearerToken}; on 26.0 the admin
 *     console's Alexa skills page, which needs it, is absent (one log line); the admin REST API serves there</td></tr>
 * <tr><td>{@code KeycloakContext.getUser()}: the admin a bearer token names</td><td>in some 26.x, not in 26.0 and
 *     26.1</td><td>{@link #adminUser}: Keycloak's answer where it has one, else the same lookup by subject or user
 *     session</td></tr>
 * <tr><td>{@code ExportImportConfig.getDir()}</td><td>{@code String} in 26.0, {@code Optional<String>} from 26.1</td>
 *     <td>{@link #importDirectory}</td></tr>
 * <tr><td>{@code Details.CLIENT_POLICY_ERROR_DETAIL}</td><td>26.2+</td><td>{@link #CLIENT_POLICY_ERROR_DETAIL}: the
 *     detail's name; older versions do not record it, and the reason is read from {@code reason}</td></tr>
 * <tr><td>the LOGIN_ERROR event of a client-policy refusal at the authorization endpoint</td><td>recorded by
 *     Keycloak from 26.2</td><td>{@link #recordAuthorizationRefusal}: recorded by the provider before 26.2</td></tr>
 * <tr><td>the longest {@code state} the authorization endpoint keeps ({@code OIDCProviderConfig
 *     .getMaxLengthForTheParameter})</td><td>26.3+ (4,000 characters unless configured; the method takes
 *     {@code (String)} up to 26.5, {@code (String, boolean)} from 26.6); no limit before</td>
 *     <td>{@link #stateLengthLimit}</td></tr>
 * <tr><td>{@code AuthenticationManager.AuthResult}: the admin of the identity cookie</td><td>a class with
 *     {@code getUser()}, {@code getToken()} up to 26.4; a record from 26.5, whose getters are deprecated for removal
 *     </td><td>{@link #identityCookieAdmin}: the record's accessors where present, else the getters.
 *     {@code authenticateIdentityCookie(KeycloakSession, RealmModel, boolean)} itself is the same in 26.0 and 26.7</td></tr>
 * <tr><td>the admin a permission evaluator judges ({@code AdminPermissions.evaluator(session, realm, AdminAuth)})
 *     </td><td>26.0 to 26.7.0: the token's {@code issuedFor} client, and the roles of its user session or the token; 26.7.3:
 *     the user's roles
 *     </td><td>{@link CookieAdmin#asAdminConsole}: the identity cookie's admin as the console's token</td></tr>
 * <tr><td>{@code ProviderConfigProperty.INTEGER_TYPE}</td><td>26.1+</td><td>{@link #integerType}: a text field on
 *     26.0</td></tr>
 * </table>
 */
public final class KeycloakApi {

    private static final Logger LOG = Logger.getLogger("dev.alexalink");

    /** The Keycloak version this server runs. */
    public static final String RUNNING_VERSION = Version.VERSION;
    /** Why this provider does not serve on the running Keycloak; empty on a supported version. */
    public static final Optional<String> UNSUPPORTED = KeycloakVersion.refusal(RUNNING_VERSION);

    private static final AtomicBoolean UNSUPPORTED_REPORTED = new AtomicBoolean();

    /** {@code org.keycloak.events.Details.CLIENT_POLICY_ERROR_DETAIL} (26.2+). */
    public static final String CLIENT_POLICY_ERROR_DETAIL = "client_policy_error_detail";

    private static final String CLIENT_POLICY_CONTEXTS = "org.keycloak.services.clientpolicy.context.";
    private static final Class<?> CLIENT_MODEL_CONTEXT = classOrNull(CLIENT_POLICY_CONTEXTS + "ClientModelContext");
    private static final MethodHandle CONTEXT_CLIENT = CLIENT_MODEL_CONTEXT == null
            ? null
            : virtual(CLIENT_MODEL_CONTEXT, "getClient", MethodType.methodType(ClientModel.class));
    private static final MethodHandle BEARER_TOKEN = method(KeycloakContext.class, "getBearerToken");
    private static final MethodHandle CONTEXT_USER = method(KeycloakContext.class, "getUser");
    private static final MethodHandle IMPORT_DIR = staticMethod(ExportImportConfig.class, "getDir");
    private static final MethodHandle AUTH_RESULT_USER =
            accessor(AuthenticationManager.AuthResult.class, "user", "getUser");
    private static final MethodHandle AUTH_RESULT_TOKEN =
            accessor(AuthenticationManager.AuthResult.class, "token", "getToken");
    private static final boolean HAS_INTEGER_TYPE = hasField(ProviderConfigProperty.class, "INTEGER_TYPE");
    private static final boolean RECORDS_AUTHORIZATION_REFUSALS = hasField(Details.class, "CLIENT_POLICY_ERROR");

    private KeycloakApi() {}

    /**
     * Logs the one ERROR line of an unsupported Keycloak version, at most once however often Keycloak initializes the
     * condition's factory (25.0.6 logged it twice: at startup and again at the first authorization request).
     */
    public static void reportUnsupportedVersion() {
        if (UNSUPPORTED.isPresent() && UNSUPPORTED_REPORTED.compareAndSet(false, true)) {
            LOG.error(UNSUPPORTED.get());
        }
    }

    /**
     * The client a client-policy context is about: the context's own where it names one (26.6+), else the client of
     * the session's context, which the authorization, token, userinfo and revocation endpoints set once they know it.
     */
    public static ClientModel clientOf(KeycloakSession session, ClientPolicyContext context) {
        if (CONTEXT_CLIENT != null && CLIENT_MODEL_CONTEXT.isInstance(context)) {
            return (ClientModel) invoke(CONTEXT_CLIENT, context);
        }
        return session.getContext().getClient();
    }

    /**
     * Hands a change of an existing client to the realm's client policies. Up to 26.6, Keycloak's own conditions
     * (client-access-type, client-attributes, client-roles, protocol) judge an update by the session's client, which
     * at the admin API is the admin's own client ({@code admin-cli}, a public client): a realm whose policy requires
     * PKCE of public clients then refused every update of a confidential Alexa client. Here they judge the client
     * being changed, as they do from 26.7 on.
     */
    public static void triggerOnClientChange(KeycloakSession session, ClientPolicyContext change, ClientModel changed)
            throws ClientPolicyException {
        KeycloakContext context = session.getContext();
        ClientModel sessionClient = context.getClient();
        context.setClient(changed);
        try {
            session.clientPolicy().triggerOnEvent(change);
        } finally {
            context.setClient(sessionClient);
        }
    }

    /** The {@code scope} parameter of an authorization request. */
    public static String scopeOf(AuthorizationRequestContext request) {
        return request.getAuthorizationEndpointRequest().getScope();
    }

    /** The {@code scope} parameter of a refresh-token request (absent: the scope of the grant is kept). */
    public static String scopeOf(TokenRefreshContext refresh) {
        return refresh.getParams() == null ? null : refresh.getParams().getFirst("scope");
    }

    /** Whether an authorization request asks for tokens from the authorization endpoint (implicit or hybrid flow). */
    public static boolean isImplicitOrHybridFlow(AuthorizationRequestContext request) {
        String responseType = request.getAuthorizationEndpointRequest().getResponseType();
        return responseType != null && OIDCResponseType.parse(responseType).isImplicitOrHybridFlow();
    }

    /**
     * Records a client-policy refusal at the authorization endpoint as the LOGIN_ERROR event that Keycloak 26.2+
     * records itself, so that the event log, the Alexa event listener and its metrics see it on every version.
     */
    public static void recordAuthorizationRefusal(
            KeycloakSession session, String clientId, String error, String detail) {
        RealmModel realm = session.getContext().getRealm();
        if (RECORDS_AUTHORIZATION_REFUSALS || realm == null) {
            return;
        }
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.LOGIN)
                .client(clientId)
                .detail(Details.REASON, "client_policy_error")
                .detail("client_policy_error", error)
                .detail(CLIENT_POLICY_ERROR_DETAIL, detail)
                .error(error);
    }

    /** Keycloak 26.7's PRE_TOKEN_REQUEST: a token request before its client has authenticated. */
    public static boolean isPreTokenRequest(ClientPolicyEvent event) {
        return "PRE_TOKEN_REQUEST".equals(event.name());
    }

    /** The access token of the admin REST call being served, or null; always null on Keycloak 26.0. */
    public static Object bearerToken(KeycloakSession session) {
        return BEARER_TOKEN == null ? null : invoke(BEARER_TOKEN, session.getContext());
    }

    /**
     * The admin that the access token of an admin REST call names: Keycloak's own answer where it has one
     * ({@code KeycloakContext.getUser()}), else by the token's subject, else, for a token without one (a lightweight
     * access token), by its user session.
     */
    public static UserModel adminUser(KeycloakSession session, RealmModel adminRealm, AccessToken token) {
        if (CONTEXT_USER != null) {
            return (UserModel) invoke(CONTEXT_USER, session.getContext());
        }
        if (adminRealm == null) {
            return null;
        }
        if (token.getSubject() != null) {
            return session.users().getUserById(adminRealm, token.getSubject());
        }
        UserSessionModel userSession = token.getSessionId() == null
                ? null
                : session.sessions().getUserSession(adminRealm, token.getSessionId());
        return userSession == null ? null : userSession.getUser();
    }

    /** The user and identity token of a browser's SSO session, read from Keycloak's identity cookie. */
    public record CookieAdmin(UserModel user, AccessToken token) {

        /**
         * This admin's authentication as the admin console's own bearer token would carry it: issued for
         * {@code console} (with its issue time and session), with the admin's roles that the console's scope admits.
         * The identity cookie's token names neither client nor roles. Keycloak 26.0 to 26.7.0 looks the client up by
         * {@code issuedFor} ({@code MgmtPermissions.initIdentity}), then resolves the roles of the console's lightweight
         * tokens from the user session, checking the token's issue time against it, or takes them from the token when
         * an admin turned lightweight tokens off; 26.7.3 asks the user.
         */
        public AdminAuth asAdminConsole(RealmModel realm, ClientModel console) {
            AccessToken asConsole = new AccessToken();
            asConsole.id(token.getId());
            asConsole.issuer(token.getIssuer());
            asConsole.subject(user.getId());
            asConsole.iat(token.getIat());
            asConsole.exp(token.getExp());
            asConsole.setSessionId(token.getSessionId());
            asConsole.issuedFor(console.getClientId());
            asConsole.setRealmAccess(new AccessToken.Access());
            RoleUtils.getDeepUserRoleMappings(user).stream()
                    .filter(console::hasScope)
                    .forEach(role -> (role.isClientRole()
                                    ? asConsole.addAccess(((ClientModel) role.getContainer()).getClientId())
                                    : asConsole.getRealmAccess())
                            .addRole(role.getName()));
            return new AdminAuth(realm, asConsole, user, console);
        }
    }

    /**
     * The user whose SSO session in {@code realm} the request's identity cookie ({@code KEYCLOAK_IDENTITY}) names, as
     * Keycloak's own account console and login pages check it: signed by the realm, its user session active. Null when
     * the request has no such cookie or its session has ended (Keycloak then expires the cookie).
     */
    public static CookieAdmin identityCookieAdmin(KeycloakSession session, RealmModel realm) {
        AuthenticationManager.AuthResult result =
                AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (result == null) {
            return null;
        }
        UserModel user = (UserModel) invoke(AUTH_RESULT_USER, result);
        AccessToken token = (AccessToken) invoke(AUTH_RESULT_TOKEN, result);
        return user == null || token == null ? null : new CookieAdmin(user, token);
    }

    /** The first of these public no-argument methods that the type has. */
    private static MethodHandle accessor(Class<?> type, String... names) {
        for (String name : names) {
            MethodHandle handle = method(type, name);
            if (handle != null) {
                return handle;
            }
        }
        throw new IllegalStateException(
                "Keycloak " + RUNNING_VERSION + ": " + type.getName() + " has none of " + String.join(", ", names));
    }

    /**
     * The longest {@code state} Keycloak's authorization endpoint keeps (it drops a longer one with a log line), as
     * the server is configured; empty on versions that keep any. Read once: the option is fixed at startup.
     */
    public static OptionalInt stateLengthLimit() {
        OptionalInt limit = stateLengthLimit;
        if (limit == null) {
            limit = readStateLengthLimit();
            stateLengthLimit = limit;
        }
        return limit;
    }

    private static volatile OptionalInt stateLengthLimit;

    private static OptionalInt readStateLengthLimit() {
        Class<?> providerConfig = classOrNull("org.keycloak.protocol.oidc.OIDCProviderConfig");
        if (providerConfig == null) {
            return OptionalInt.empty();
        }
        try {
            Object config = providerConfig
                    .getConstructor(Config.Scope.class)
                    .newInstance(Config.scope("login-protocol", "openid-connect"));
            for (Method method : providerConfig.getMethods()) {
                if (method.getName().equals("getMaxLengthForTheParameter")) {
                    Object[] arguments =
                            method.getParameterCount() == 2 ? new Object[] {"state", false} : new Object[] {"state"};
                    return OptionalInt.of((Integer) method.invoke(config, arguments));
                }
            }
            return OptionalInt.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "Keycloak " + RUNNING_VERSION + ": cannot read the state parameter's limit", e);
        }
    }

    /** Whether {@link #bearerToken} can name the admin of a call (Keycloak 26.1+). */
    public static boolean hasBearerToken() {
        return BEARER_TOKEN != null;
    }

    /** The directory Keycloak imports realm files from at startup ({@code --import-realm}), if any. */
    public static Optional<String> importDirectory() {
        Object dir = IMPORT_DIR == null ? null : invoke(IMPORT_DIR);
        if (dir instanceof Optional<?> optional) {
            return optional.map(String::valueOf);
        }
        return Optional.ofNullable((String) dir);
    }

    /** The type of a whole-number setting in the admin console. */
    public static String integerType() {
        return HAS_INTEGER_TYPE ? "Integer" : ProviderConfigProperty.STRING_TYPE;
    }

    /** What the Alexa admin resource is made from, with the admin's permissions bridged ({@link AdminChecks}). */
    @FunctionalInterface
    public interface AdminResourceFactory {
        Object create(KeycloakSession session, RealmModel realm, AdminChecks auth, AdminEventBuilder adminEvent);
    }

    /**
     * An {@link AdminRealmResourceProvider} whatever the package of the permission evaluator its {@code getResource}
     * takes: a proxy, since a class compiled against one package does not implement the other's method.
     */
    public static AdminRealmResourceProvider adminResourceProvider(AdminResourceFactory resources) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "getResource" ->
                resources.create(
                        (KeycloakSession) args[0], (RealmModel) args[1], adminChecks(args[2]), (AdminEventBuilder)
                                args[3]);
            case "close" -> null;
            case "toString" -> "Alexa admin resource provider";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args) : unknown(method);
        };
        return (AdminRealmResourceProvider) Proxy.newProxyInstance(
                KeycloakApi.class.getClassLoader(), new Class<?>[] {AdminRealmResourceProvider.class}, handler);
    }

    /** The permission checks of an admin, from the {@code AdminPermissionEvaluator} Keycloak made for the call. */
    public static AdminChecks adminChecks(Object evaluator) {
        return new AdminChecks(evaluator);
    }

    /** The permission checks of the admin that {@code adminAuth} authenticated, in {@code realm}. */
    public static AdminChecks adminChecks(KeycloakSession session, RealmModel realm, AdminAuth adminAuth) {
        return new AdminChecks(invoke(AdminChecks.EVALUATOR_OF_ADMIN, session, realm, adminAuth));
    }

    private static Object unknown(Method method) {
        throw new UnsupportedOperationException("AdminRealmResourceProvider." + method.getName()
                + " is new in Keycloak " + RUNNING_VERSION + "; KeycloakApi does not bridge it yet");
    }

    static Class<?> classOrNull(String name) {
        try {
            return Class.forName(name, false, KeycloakApi.class.getClassLoader());
        } catch (ClassNotFoundException absent) {
            return null;
        }
    }

    static Class<?> firstClass(String... names) {
        for (String name : names) {
            Class<?> found = classOrNull(name);
            if (found != null) {
                return found;
            }
        }
        throw new IllegalStateException("Keycloak " + RUNNING_VERSION + " has none of " + String.join(", ", names));
    }

    static MethodHandle virtual(Class<?> type, String name, MethodType methodType) {
        try {
            return MethodHandles.publicLookup().findVirtual(type, name, methodType);
        } catch (ReflectiveOperationException absent) {
            return null;
        }
    }

    /** A public no-argument instance method, whatever it returns; null where this version lacks it. */
    private static MethodHandle method(Class<?> type, String name) {
        try {
            return MethodHandles.publicLookup().unreflect(type.getMethod(name));
        } catch (ReflectiveOperationException absent) {
            return null;
        }
    }

    static MethodHandle staticMethod(Class<?> type, String name, Class<?>... parameters) {
        try {
            return MethodHandles.publicLookup().unreflect(type.getMethod(name, parameters));
        } catch (ReflectiveOperationException absent) {
            return null;
        }
    }

    private static boolean hasField(Class<?> type, String name) {
        try {
            type.getField(name);
            return true;
        } catch (NoSuchFieldException absent) {
            return false;
        }
    }

    /** Calls a bridged method; what it throws (Keycloak's ForbiddenException, for one) passes through unchanged. */
    static Object invoke(MethodHandle handle, Object... arguments) {
        try {
            return handle.invokeWithArguments(arguments);
        } catch (RuntimeException | Error passThrough) {
            throw passThrough;
        } catch (Throwable checked) {
            throw new IllegalStateException(checked);
        }
    }
}
