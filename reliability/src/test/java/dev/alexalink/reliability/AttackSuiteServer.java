package dev.alexalink.reliability;

import dev.alexalink.testkit.server.KeycloakServer;
import dev.alexalink.testkit.server.Secrets;
import dev.alexalink.testkit.server.Users;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * One real Keycloak (the assembly, started like the run command, with the alexa realm imported) for the attack
 * suites: RedirectAttackIT, ProtocolAbuseIT and BadConfigurationIT share it. The vendor ID is the one the forged
 * corpus assumes.
 */
public final class AttackSuiteServer implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    public static final String REALM = "alexa";
    public static final String CLIENT_ID = "alexa-skill";
    public static final String VENDOR_ID = "M2AAAAAAAAAAAA";
    public static final String CLIENT_SECRET = Secrets.random(40);
    public static final String USER_PASSWORD = "Correct-Horse-7";
    public static final List<String> REDIRECT_URIS = List.of(
            "https://pitangui.amazon.com/api/skill/link/" + VENDOR_ID,
            "https://layla.amazon.com/api/skill/link/" + VENDOR_ID,
            "https://alexa.amazon.co.jp/api/skill/link/" + VENDOR_ID);

    private static KeycloakServer server;
    private static Keycloak admin;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(AttackSuiteServer.class, key -> {
            Path work = Path.of(System.getProperty("test.work.dir", "target/it-work"), "attacks-" + UUID.randomUUID());
            server = KeycloakServer.builder()
                    .home(KeycloakServer.assemblyHome())
                    .httpPort(KeycloakServer.freePort())
                    .managementPort(KeycloakServer.freePort())
                    .importRealm()
                    .databaseIn(work.resolve("db"))
                    .log(work.resolve("keycloak.log"))
                    .env("ALEXA_VENDOR_ID", VENDOR_ID)
                    .env("ALEXA_CLIENT_SECRET", CLIENT_SECRET)
                    .build().start(Duration.ofMinutes(5));
            admin = Keycloak.getInstance(server.baseUrl(), "master", KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD, "admin-cli");
            return this;
        }, AttackSuiteServer.class);
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

    public static KeycloakServer server() {
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

    public static String adminToken() {
        return admin.tokenManager().getAccessTokenString();
    }

    public static String createUser(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Users.create(realm(), username, USER_PASSWORD, "Test", prefix);
        return username;
    }
}
