package dev.alexalink.keycloak.compat;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminAuth;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * The admin permission checks the Alexa admin API and page make, over Keycloak's {@code AdminPermissionEvaluator},
 * whose package is {@code services.resources.admin.permissions} up to Keycloak 26.2 and {@code ….fgap} from 26.3
 * (see {@link KeycloakApi}). Each check throws Keycloak's own {@code ForbiddenException}, as the evaluator does.
 */
public final class AdminChecks {

    private static final String ADMIN = "org.keycloak.services.resources.admin.";
    private static final Class<?> EVALUATOR = KeycloakApi.firstClass(
            ADMIN + "fgap.AdminPermissionEvaluator", ADMIN + "permissions.AdminPermissionEvaluator");
    private static final String PACKAGE = EVALUATOR.getPackageName() + ".";
    private static final Class<?> REALM_CHECKS = KeycloakApi.firstClass(PACKAGE + "RealmPermissionEvaluator");
    private static final Class<?> CLIENT_CHECKS = KeycloakApi.firstClass(PACKAGE + "ClientPermissionEvaluator");

    static final MethodHandle EVALUATOR_OF_ADMIN = KeycloakApi.staticMethod(
            KeycloakApi.firstClass(PACKAGE + "AdminPermissions"),
            "evaluator",
            KeycloakSession.class,
            RealmModel.class,
            AdminAuth.class);
    private static final MethodHandle REALM = returning(EVALUATOR, "realm", REALM_CHECKS);
    private static final MethodHandle CLIENTS = returning(EVALUATOR, "clients", CLIENT_CHECKS);
    private static final MethodHandle ADMIN_AUTH = returning(EVALUATOR, "adminAuth", AdminAuth.class);
    private static final MethodHandle VIEW_REALM = returning(REALM_CHECKS, "requireViewRealm", void.class);
    private static final MethodHandle MANAGE_REALM = returning(REALM_CHECKS, "requireManageRealm", void.class);
    private static final MethodHandle VIEW_CLIENTS = returning(CLIENT_CHECKS, "requireView", void.class);
    private static final MethodHandle MANAGE_CLIENTS = returning(CLIENT_CHECKS, "requireManage", void.class);
    private static final MethodHandle VIEW_CLIENT =
            returning(CLIENT_CHECKS, "requireView", void.class, ClientModel.class);
    private static final MethodHandle MANAGE_CLIENT =
            returning(CLIENT_CHECKS, "requireManage", void.class, ClientModel.class);

    private final Object evaluator;

    AdminChecks(Object evaluator) {
        if (!EVALUATOR.isInstance(evaluator)) {
            throw new IllegalArgumentException("not a " + EVALUATOR.getName() + ": " + evaluator);
        }
        this.evaluator = evaluator;
    }

    public void requireViewRealm() {
        KeycloakApi.invoke(VIEW_REALM, realm());
    }

    public void requireManageRealm() {
        KeycloakApi.invoke(MANAGE_REALM, realm());
    }

    public void requireViewClients() {
        KeycloakApi.invoke(VIEW_CLIENTS, clients());
    }

    public void requireManageClients() {
        KeycloakApi.invoke(MANAGE_CLIENTS, clients());
    }

    public void requireView(ClientModel client) {
        KeycloakApi.invoke(VIEW_CLIENT, clients(), client);
    }

    public void requireManage(ClientModel client) {
        KeycloakApi.invoke(MANAGE_CLIENT, clients(), client);
    }

    public AdminAuth adminAuth() {
        return (AdminAuth) KeycloakApi.invoke(ADMIN_AUTH, evaluator);
    }

    private Object realm() {
        return KeycloakApi.invoke(REALM, evaluator);
    }

    private Object clients() {
        return KeycloakApi.invoke(CLIENTS, evaluator);
    }

    private static MethodHandle returning(Class<?> type, String name, Class<?> result, Class<?>... parameters) {
        MethodHandle handle = KeycloakApi.virtual(type, name, MethodType.methodType(result, parameters));
        if (handle == null) {
            throw new IllegalStateException(
                    type.getName() + "." + name + " is missing in Keycloak " + KeycloakApi.RUNNING_VERSION);
        }
        return handle;
    }
}
