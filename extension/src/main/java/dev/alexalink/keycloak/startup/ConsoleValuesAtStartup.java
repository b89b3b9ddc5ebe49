package dev.alexalink.keycloak.startup;

import dev.alexalink.keycloak.admin.ConsoleValues;
import dev.alexalink.keycloak.clientpolicy.RealmAudit;
import dev.alexalink.rules.SafeText;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Once the server has started, logs what an admin pastes into the Alexa developer console for each Alexa client, so
 * that a container's log says it without an admin call. The secret is masked unless {@value #PRINT_SECRET} is
 * {@code true}; {@value #AT_STARTUP}{@code =false} turns the lines off. At startup no request tells the public URL:
 * it is the realm's Frontend URL, else the server's {@code hostname} option, else unknown and said so.
 */
final class ConsoleValuesAtStartup {

    static final String AT_STARTUP = "ALEXA_CONSOLE_VALUES_AT_STARTUP";
    static final String PRINT_SECRET = "ALEXA_PRINT_CLIENT_SECRET";
    /** Logged in full for at most this many clients of all realms; the rest are counted. */
    static final int MOST_CLIENTS = 10;

    static final URI UNKNOWN_HOST = URI.create("https://your-keycloak-host");

    private static final Logger LOG = Logger.getLogger("dev.alexalink.startup");

    private final boolean enabled;
    private final boolean printSecret;
    private int logged;
    private int left;

    ConsoleValuesAtStartup(Function<String, String> environment) {
        this.enabled = flag(environment, AT_STARTUP, true);
        this.printSecret = flag(environment, PRINT_SECRET, false);
    }

    static ConsoleValuesAtStartup fromEnvironment() {
        return new ConsoleValuesAtStartup(System::getenv);
    }

    boolean enabled() {
        return enabled;
    }

    void log(KeycloakSession session, RealmModel realm) {
        List<ClientModel> clients = RealmAudit.alexaClients(realm);
        if (clients.isEmpty()) {
            return;
        }
        Optional<URI> base = publicUrl(realm.getAttribute("frontendUrl"), hostnameOption());
        for (ClientModel client : clients) {
            if (logged == MOST_CLIENTS) {
                left++;
                continue;
            }
            logged++;
            LOG.info(text(
                    realm.getName(),
                    ConsoleValues.of(base.orElse(UNKNOWN_HOST), realm, client),
                    base.isPresent(),
                    printSecret));
        }
    }

    /** The closing line when more clients than {@link #MOST_CLIENTS} were found. */
    void finish() {
        if (left > 0) {
            LOG.infof(
                    "%d more Alexa client(s) not shown; GET /admin/realms/{realm}/alexa/skills/{clientId} gives their"
                            + " Alexa console values",
                    left);
        }
    }

    static String text(String realm, ConsoleValues console, boolean hostKnown, boolean printSecret) {
        StringBuilder out = new StringBuilder()
                .append("Alexa developer console values of client '")
                .append(console.clientId())
                .append("' in realm '")
                .append(realm)
                .append("' (your skill > Build > Account Linking, Auth Code Grant):");
        row(out, "Your Web Authorization URI", console.authorizationUri());
        row(out, "Access Token URI", console.accessTokenUri());
        row(out, "Your Client ID", console.clientId());
        row(out, "Your Secret", secret(console.clientSecret(), printSecret));
        row(out, "Your Authentication Scheme", console.authenticationScheme());
        row(out, "Scope (one entry each)", String.join(" ", console.scopes()));
        row(out, "Domain List", String.join(" ", console.domainList()));
        row(out, "Default Access Token Expiration Time", String.valueOf(console.defaultAccessTokenExpirationTime()));
        row(
                out,
                "Alexa Redirect URLs accepted",
                console.alexaRedirectUrls().isEmpty() ? "none yet" : String.join(" ", console.alexaRedirectUrls()));
        if (!hostKnown) {
            out.append("\n  The public URL is unknown at startup: set the hostname option (KC_HOSTNAME) or the realm's")
                    .append(" Frontend URL; until then replace ")
                    .append(UNKNOWN_HOST.getHost())
                    .append(" with the host name Alexa reaches.");
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append("\n  ").append(String.format("%-38s", label)).append(value);
    }

    private static String secret(String secret, boolean print) {
        if (secret == null || secret.isEmpty()) {
            return "none: the client has no secret";
        }
        if (print) {
            return secret;
        }
        return "******** (masked; " + PRINT_SECRET + "=true prints it, Clients > the client > Credentials shows it)";
    }

    /**
     * The public URL from the realm's Frontend URL, else from the hostname option (a URL, or a host name that Alexa
     * reaches over HTTPS on port 443).
     */
    static Optional<URI> publicUrl(String frontendUrl, String hostnameOption) {
        for (String value : new String[] {frontendUrl, hostnameOption}) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String url = value.strip();
            try {
                URI uri = URI.create(url.contains("://") ? url : "https://" + url);
                if (uri.getHost() != null) {
                    return Optional.of(uri);
                }
            } catch (IllegalArgumentException e) {
                // Keycloak refuses an invalid hostname before providers start; a bad Frontend URL shows as unknown.
            }
        }
        return Optional.empty();
    }

    private static String hostnameOption() {
        Config.Scope hostname = Config.scope("hostname", "v2");
        return hostname == null ? null : hostname.get("hostname");
    }

    private static boolean flag(Function<String, String> environment, String name, boolean otherwise) {
        String value = environment.apply(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        Boolean flag = Map.of("true", true, "false", false).get(value.strip().toLowerCase(Locale.ROOT));
        if (flag == null) {
            LOG.errorf(
                    "The environment variable %s is '%s', which is neither true nor false; taken as %s",
                    name, SafeText.of(value), otherwise);
            return otherwise;
        }
        return flag;
    }
}
