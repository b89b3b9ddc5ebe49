package dev.alexalink.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alexalink.testkit.server.Http;
import dev.alexalink.testkit.server.KeycloakServer;
import dev.alexalink.testkit.server.Secrets;
import dev.alexalink.testkit.server.Users;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The run command ({@code mvn -Prun package}): starts the assembly in dev mode on http://localhost:8080 with the realm
 * imported, then prints what an admin pastes into the Alexa developer console.
 */
public final class RunKeycloak {

    static final String REALM = "alexa";
    static final String DEV_VENDOR_ID = "M2AAAAAAAAAAAA";
    static final String DEMO_USER = "alexa-demo";

    private RunKeycloak() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(setting("port", "KC_HTTP_PORT", "8080"));
        int managementPort = Integer.parseInt(setting("management.port", "KC_HTTP_MANAGEMENT_PORT", "9000"));
        String adminUser = setting("admin.user", "KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakServer.ADMIN_USER);
        String adminPassword = setting("admin.password", "KC_BOOTSTRAP_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD);
        List<String> devDefaults = new ArrayList<>();
        String vendorId = System.getenv("ALEXA_VENDOR_ID");
        if (vendorId == null) {
            vendorId = DEV_VENDOR_ID;
            devDefaults.add("ALEXA_VENDOR_ID=" + vendorId + " (a placeholder vendor ID: set yours)");
        }
        String secret = System.getenv("ALEXA_CLIENT_SECRET");
        if (secret == null) {
            secret = Secrets.random(40);
            devDefaults.add("ALEXA_CLIENT_SECRET (generated at the first start; set it to choose one)");
        }

        KeycloakServer server = KeycloakServer.builder()
                .home(KeycloakServer.assemblyHome())
                .httpPort(port)
                .managementPort(managementPort)
                .env("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser)
                .env("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword)
                .env("ALEXA_VENDOR_ID", vendorId)
                .env("ALEXA_CLIENT_SECRET", secret)
                .importRealm()
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("Starting Keycloak " + server.command());
        server.start(Duration.ofMinutes(5));

        try (Keycloak admin = Keycloak.getInstance(server.baseUrl(), "master", adminUser, adminPassword, "admin-cli")) {
            RealmResource realm = admin.realm(REALM);
            String demoPassword = ensureDemoUser(realm);
            String token = admin.tokenManager().getAccessTokenString();
            System.out.println(consoleValues(server, token, adminUser, adminPassword, devDefaults, demoPassword));
        }
        System.exit(server.waitFor());
    }

    /** The values of every Alexa skill of the realm, as the Alexa admin API computes them for the console. */
    static String consoleValues(
            KeycloakServer server,
            String token,
            String adminUser,
            String adminPassword,
            List<String> devDefaults,
            String demoPassword)
            throws Exception {
        String skillsUrl = server.baseUrl() + "/admin/realms/" + REALM + "/alexa/skills";
        StringBuilder out = new StringBuilder("\n");
        String rule = "=".repeat(100);
        out.append(rule)
                .append("\n Alexa developer console > your skill > Account Linking (Auth Code Grant)\n")
                .append(rule)
                .append('\n');
        for (JsonNode skill : adminGet(skillsUrl, token)) {
            JsonNode details = adminGet(skillsUrl + "/" + skill.get("clientId").asText(), token);
            JsonNode console = details.get("alexaConsole");
            List<String> scopes = new ArrayList<>();
            console.get("scopes").forEach(scope -> scopes.add(scope.asText()));
            row(out, "Authorization URI", console.get("authorizationUri").asText());
            row(out, "Access Token URI", console.get("accessTokenUri").asText());
            row(out, "Your Client ID", console.get("clientId").asText());
            row(out, "Your Secret", console.get("clientSecret").asText());
            row(
                    out,
                    "Your Authentication Scheme",
                    console.get("authenticationScheme").asText()
                            + " (Recommended); Credentials in request body also works");
            row(
                    out,
                    "Scope",
                    scopes.isEmpty() ? "(none)" : String.join(", ", scopes) + "   (enter each as its own scope)");
            row(
                    out,
                    "Domain List",
                    console.get("domainList").get(0).asText() + "   (the login page loads nothing from elsewhere)");
            row(
                    out,
                    "Default Access Token Expiration Time",
                    console.get("defaultAccessTokenExpirationTime").asText()
                            + "   (unused: every token response carries expires_in)");
            out.append(" Alexa Redirect URLs honoured (copy the console's into the client if they differ):\n");
            console.get("alexaRedirectUrls")
                    .forEach(uri -> out.append("     ").append(uri.asText()).append('\n'));
            JsonNode backend = details.get("skillBackend");
            List<String> audiences = new ArrayList<>();
            backend.get("audiences").forEach(audience -> audiences.add(audience.asText()));
            out.append(
                    " Your skill's backend reads the user from the access token (README, \"Use the token in your skill\"):\n");
            row(out, "Issuer (iss)", backend.get("issuer").asText());
            row(out, "Audience (aud)", String.join(", ", audiences));
            row(out, "Keys (JWKS)", backend.get("jwksUri").asText());
            row(out, "Userinfo", backend.get("userinfoUri").asText());
            row(
                    out,
                    "Revocation (on SkillDisabled)",
                    backend.get("revocationUri").asText());
            out.append(rule).append('\n');
        }
        row(out, "Admin console", server.baseUrl() + "/admin/   (" + adminUser + " / " + adminPassword + ")");
        row(
                out,
                "Alexa admin page",
                server.baseUrl() + "/realms/master/alexa-admin/#/" + REALM
                        + "   (sign in to the admin console first; no experimental feature needed)");
        row(
                out,
                "Alexa skills in the admin console",
                server.baseUrl() + "/admin/master/console/#/" + REALM
                        + "/page-section/alexa-skills   (needs the experimental feature declarative-ui)");
        row(out, "Demo user (DEV ONLY)", DEMO_USER + " / " + demoPassword);
        for (String devDefault : devDefaults) {
            row(out, "DEV-ONLY default", devDefault);
        }
        out.append(" This is a dev server on plain HTTP. Alexa only links against HTTPS on port 443 with a publicly\n")
                .append(
                        " trusted certificate (full chain): put it behind such a host before you test in the Alexa app.\n");
        out.append(rule).append('\n');
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append(String.format(" %-38s %s%n", name, value));
    }

    /** A dev-only user to try the link with; returns its password. */
    private static String ensureDemoUser(RealmResource realm) {
        if (!realm.users().searchByUsername(DEMO_USER, true).isEmpty()) {
            return "(the password it was created with; default " + DEMO_USER + ")";
        }
        String password = setting("demo.password", "ALEXA_DEMO_PASSWORD", DEMO_USER);
        Users.create(realm, DEMO_USER, password, "Alexa", "Demo");
        return password;
    }

    private static JsonNode adminGet(String url, String token) throws Exception {
        HttpResponse<String> response = Http.client()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body());
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(environment);
        }
        return value == null ? fallback : value;
    }
}
