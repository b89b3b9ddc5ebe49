package dev.alexalink.testkit.server;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;

/**
 * One real Keycloak for all integration tests: by default the assembly started like the run command starts it
 * (start-dev, --import-realm of realm-config's alexa realm), on free ports and with its own database. When a
 * {@link KeycloakLauncher} is on the test classpath (the Docker module provides one), the same tests run against what
 * it starts instead. The integration tests, the reliability suites and the example's tests each share one.
 */
public final class AlexaServer implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    public static final String REALM = "alexa";
    public static final String CLIENT_ID = "alexa-skill";
    /** The vendor ID the realm is started with; the reliability suites set {@code alexa.vendor.id} to their corpus' one. */
    public static final String VENDOR_ID = System.getProperty("alexa.vendor.id", "M2TESTVENDOR01");

    public static final String CLIENT_SECRET = Secrets.random(40);
    public static final String USER_PASSWORD = "Correct-Horse-7";
    /** Branding through the environment, as an operator sets it; the theme's default is #0b5cab. */
    public static final String PRIMARY_COLOR = "#005f73";

    private static RunningKeycloak server;
    private static Keycloak admin;

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        store.getOrComputeIfAbsent(
                AlexaServer.class,
                key -> {
                    Path work = Path.of(
                            System.getProperty("test.work.dir", "target/it-work"), "shared-" + UUID.randomUUID());
                    Map<String, String> environment = Map.of(
                            "ALEXA_VENDOR_ID", VENDOR_ID,
                            "ALEXA_CLIENT_SECRET", CLIENT_SECRET,
                            "ALEXA_THEME_PRIMARY_COLOR", PRIMARY_COLOR);
                    server = ServiceLoader.load(KeycloakLauncher.class)
                            .findFirst()
                            .orElseGet(AlexaServer::assemblyLauncher)
                            .start(environment, work);
                    admin = Keycloak.getInstance(
                            server.baseUrl(),
                            "master",
                            KeycloakServer.ADMIN_USER,
                            KeycloakServer.ADMIN_PASSWORD,
                            "admin-cli");
                    return this;
                },
                AlexaServer.class);
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The assembly started as a process: start-dev, the realm imported, free ports, its own database and log. */
    public static KeycloakLauncher assemblyLauncher() {
        return (environment, work) -> {
            KeycloakServer.Builder builder = KeycloakServer.testServer(work).importRealm();
            environment.forEach(builder::env);
            return builder.build().start(Duration.ofMinutes(5));
        };
    }

    /**
     * Asserts that the server has logged every fragment. A container's log reaches the tests a moment after the
     * request that caused it, so this waits up to ten seconds for them.
     */
    public static void assertLogContains(String... fragments) {
        String log = server.logText();
        for (int attempt = 0;
                attempt < 40 && !java.util.Arrays.stream(fragments).allMatch(log::contains);
                attempt++) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            log = server.logText();
        }
        org.assertj.core.api.Assertions.assertThat(log).contains(fragments);
    }

    public static RunningKeycloak server() {
        return server;
    }

    public static Keycloak admin() {
        return admin;
    }

    public static RealmResource realm() {
        return admin.realm(REALM);
    }

    public static String realmUrl() {
        return server.realmUrl(REALM);
    }

    /** A current access token of the master realm's admin, for the admin REST API. */
    public static String adminToken() {
        return admin.tokenManager().getAccessTokenString();
    }

    /** Creates an end user with a complete profile (no required actions at login); returns its username. */
    public static String createUser(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Users.create(realm(), username, USER_PASSWORD, "Test", prefix);
        return username;
    }

    /**
     * Ends the user's SSO (online) sessions, as the session expiring or the user logging out does. Unlike the admin
     * "sign out" of a user, this does not revoke tokens issued before now (Keycloak's not-before), offline ones included.
     */
    public static void endSsoSessions(String username) {
        realm().users()
                .get(userId(username))
                .getUserSessions()
                .forEach(session -> realm().deleteSession(session.getId(), false));
    }

    public static String userId(String username) {
        return realm().users().searchByUsername(username, true).get(0).getId();
    }
}
