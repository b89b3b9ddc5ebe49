package dev.alexalink.rules;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The diagnostics report: every Alexa rule for a realm and each of its Alexa clients, whether it passes, and the
 * exact fix when it does not. It reads plain snapshots of the settings, so that it judges clients from a realm
 * import exactly like clients an admin created.
 */
public final class AlexaDiagnostics {

    public enum Status { PASS, WARN, FAIL }

    /** One rule applied to one realm or client; {@code fix} is null when it passes. */
    public record Check(String id, Status status, String finding, String fix) {

        static Check pass(String id, String finding) {
            return new Check(id, Status.PASS, finding, null);
        }

        static Check fail(String id, String finding, String fix) {
            return new Check(id, Status.FAIL, finding, fix);
        }

        static Check warn(String id, String finding, String fix) {
            return new Check(id, Status.WARN, finding, fix);
        }
    }

    public record ClientReport(String clientId, List<Check> checks) {
        public long failures() {
            return checks.stream().filter(check -> check.status() == Status.FAIL).count();
        }
    }

    public record Report(String realm, List<Check> realmChecks, List<ClientReport> clients) {
        public long failures() {
            return realmChecks.stream().filter(check -> check.status() == Status.FAIL).count()
                    + clients.stream().mapToLong(ClientReport::failures).sum();
        }
    }

    /**
     * The realm settings that decide whether Alexa links work and last.
     *
     * @param frontendUrl            the base URL Alexa and the phone will call (the realm's frontend URL)
     * @param alexaPolicyEnabled     an enabled client policy with the alexa-client condition exists
     */
    public record RealmSettings(String name, int accessTokenLifespan, int ssoSessionIdleTimeout, int ssoSessionMaxLifespan,
                                boolean revokeRefreshToken, int refreshTokenMaxReuse, int offlineSessionIdleTimeout,
                                boolean offlineSessionMaxLifespanEnabled, int offlineSessionMaxLifespan,
                                boolean defaultRolesGrantOfflineAccess, boolean offlineAccessScopeExists, String sslRequired,
                                URI frontendUrl, boolean alexaPolicyEnabled) {
    }

    /**
     * An Alexa client's settings.
     *
     * @param loginTheme the theme its pages use: its own login_theme, else the realm's (null: Keycloak's default)
     */
    public record ClientSettings(String clientId, Collection<String> redirectUris, boolean publicClient, boolean bearerOnly,
                                 String clientAuthenticatorType, String secret, boolean standardFlowEnabled,
                                 boolean implicitFlowEnabled, boolean directAccessGrantsEnabled, boolean consentRequired,
                                 Set<String> defaultScopes, Set<String> optionalScopes, Map<String, String> attributes,
                                 String loginTheme, List<TokenAudienceRule.AudienceMapper> audienceMappers) {
    }

    /** The rules the realm's Alexa policy configures; a null member means its profile lacks that executor. */
    public record Rules(RedirectUriRule redirectUris, ScopeRule scopes, TokenLifetimeRule tokens, ClientShapeRule shape) {
    }

    /** Every check a realm's part of a report can hold, in report order. */
    public static final List<String> REALM_CHECK_IDS = List.of("alexa-policy", "offline-session-idle", "offline-session-max",
            "refresh-token-reuse", "sso-session", "offline-access-role", "offline-access-scope", "frontend-url", "ssl-required");
    /**
     * Every check a client's part of a report can hold, in report order. {@code policy-coverage} only appears when no
     * Alexa policy covers the client, {@code client-secret} only for confidential clients.
     */
    public static final List<String> CLIENT_CHECK_IDS = List.of("policy-coverage", "redirect-uris", "scopes",
            "access-token-lifespan", "offline-access", "refresh-tokens", "client-offline-session", "client-authentication",
            "client-secret", "standard-flow", "implicit-flow", "direct-grants", "consent", "token-audience", "pkce", "theme");

    public static final String ALEXA_THEME = "alexa";
    public static final int MINIMUM_SSO_SECONDS = 300;
    static final String ACCESS_TOKEN_LIFESPAN = "access.token.lifespan";
    static final String USE_REFRESH_TOKENS = "use.refresh.tokens";
    static final String CLIENT_OFFLINE_IDLE = "client.offline.session.idle.timeout";
    static final String CLIENT_OFFLINE_MAX = "client.offline.session.max.lifespan";
    private static final String ENABLE_SKILL = "PUT /admin/realms/{realm}/alexa/skills/{clientId} sets this";

    private AlexaDiagnostics() {
    }

    /** Diagnoses a realm and its Alexa clients; {@code rules} is null when no enabled Alexa policy covers them. */
    public static Report diagnose(RealmSettings realm, Rules rules, List<ClientSettings> clients) {
        List<ClientReport> clientReports = new ArrayList<>();
        for (ClientSettings client : clients) {
            clientReports.add(new ClientReport(client.clientId(), checkClient(realm, rules, client)));
        }
        return new Report(realm.name(), checkRealm(realm, rules), clientReports);
    }

    static List<Check> checkRealm(RealmSettings realm, Rules rules) {
        List<Check> checks = new ArrayList<>();
        checks.add(realm.alexaPolicyEnabled() && rules != null
                ? Check.pass("alexa-policy", "an enabled client policy applies the Alexa rules to Alexa clients")
                : Check.fail("alexa-policy", "no enabled client policy with the 'alexa-client' condition: none of the Alexa rules apply",
                "Realm settings > Client policies > Policies: add policy 'alexa-account-linking' with condition 'alexa-client'"
                        + " and profile 'alexa-account-linking' (" + ENABLE_SKILL + ")"));
        checks.addAll(checkOfflineSessions(realm));
        checks.add(checkRefreshTokenReuse(realm));
        checks.add(checkSsoSession(realm));
        checks.add(realm.defaultRolesGrantOfflineAccess()
                ? Check.pass("offline-access-role", "new users get the 'offline_access' role through the realm's default roles")
                : Check.fail("offline-access-role", "the realm's default roles do not include 'offline_access': users get no"
                        + " offline token, and their link dies with the SSO session",
                "Realm settings > User registration > Default roles: assign 'offline_access'"));
        checks.add(realm.offlineAccessScopeExists()
                ? Check.pass("offline-access-scope", "the realm has the 'offline_access' client scope")
                : Check.fail("offline-access-scope", "the realm has no 'offline_access' client scope: no refresh token can be offline",
                "Client scopes > Create client scope: name 'offline_access', type None, with the realm role 'offline_access' in its scope"));
        checks.add(checkFrontendUrl(realm.frontendUrl()));
        checks.add("none".equalsIgnoreCase(realm.sslRequired())
                ? Check.fail("ssl-required", "'Require SSL' is none: the realm accepts logins over plain HTTP",
                "Realm settings > General > Require SSL: 'external requests' (sslRequired=external) or 'all requests'")
                : Check.pass("ssl-required", "'Require SSL' is " + realm.sslRequired()));
        return checks;
    }

    private static List<Check> checkOfflineSessions(RealmSettings realm) {
        List<Check> checks = new ArrayList<>();
        int idle = realm.offlineSessionIdleTimeout();
        checks.add(idle >= RefreshTokenRule.MINIMUM_OFFLINE_IDLE_SECONDS
                ? Check.pass("offline-session-idle", "'Offline Session Idle' is " + days(idle) + ": links of users who rarely use a skill survive")
                : Check.fail("offline-session-idle", "'Offline Session Idle' is " + days(idle) + ": users who do not use the skill for that long are unlinked",
                "Realm settings > Sessions > Offline Session Idle: 730 days (offlineSessionIdleTimeout=63072000)"));
        checks.add(!realm.offlineSessionMaxLifespanEnabled() || realm.offlineSessionMaxLifespan() <= 0
                ? Check.pass("offline-session-max", "'Offline Session Max Limited' is off: active links never expire")
                : Check.fail("offline-session-max", "'Offline Session Max Limited' is on: every link ends after "
                        + days(realm.offlineSessionMaxLifespan()) + ", however active",
                "Realm settings > Sessions > Offline Session Max Limited: off (offlineSessionMaxLifespanEnabled=false)"));
        return checks;
    }

    private static Check checkRefreshTokenReuse(RealmSettings realm) {
        if (!realm.revokeRefreshToken()) {
            return Check.pass("refresh-token-reuse", "'Revoke Refresh Token' is off: a refresh Alexa retries after a lost answer still works");
        }
        if (realm.refreshTokenMaxReuse() >= 1) {
            return Check.pass("refresh-token-reuse", "refresh tokens rotate, and each may be reused "
                    + realm.refreshTokenMaxReuse() + " time(s): a retried refresh still works");
        }
        return Check.fail("refresh-token-reuse", "'Revoke Refresh Token' is on with max reuse 0: when Alexa retries a refresh"
                        + " whose answer was lost, the link ends",
                "Realm settings > Tokens > Revoke Refresh Token: off (revokeRefreshToken=false), or Refresh Token Max Reuse: 1 or more");
    }

    private static Check checkSsoSession(RealmSettings realm) {
        int shortest = Math.min(realm.ssoSessionIdleTimeout(), realm.ssoSessionMaxLifespan());
        if (shortest < MINIMUM_SSO_SECONDS) {
            return Check.fail("sso-session", "the SSO session ends after " + shortest + " s: a user reading the consent page"
                            + " in the Alexa app can be sent back to the login page",
                    "Realm settings > Sessions > SSO Session Idle and SSO Session Max: at least " + MINIMUM_SSO_SECONDS
                            + " s (30 minutes and 10 hours are Keycloak's defaults)");
        }
        return Check.pass("sso-session", "SSO sessions last " + realm.ssoSessionIdleTimeout() + " s idle and "
                + realm.ssoSessionMaxLifespan() + " s at most: long enough to sign in and consent; links use offline"
                + " sessions and do not depend on them");
    }

    static Check checkFrontendUrl(URI url) {
        String fix = "serve Keycloak at a public https URL on port 443 with a publicly trusted certificate and its full chain,"
                + " and set it as the hostname (KC_HOSTNAME=https://auth.example.com) or the realm's Frontend URL";
        if (url == null || url.getHost() == null) {
            return Check.fail("frontend-url", "the realm's frontend URL is unknown", fix);
        }
        List<String> problems = new ArrayList<>();
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            problems.add("it is not https");
        }
        if (url.getPort() != -1 && url.getPort() != 443) {
            problems.add("it uses port " + url.getPort() + ", not 443");
        }
        String host = url.getHost().toLowerCase();
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local") || host.matches("[0-9.]+")
                || host.startsWith("[")) {
            problems.add("its host '" + SafeText.of(url.getHost()) + "' is not a public DNS name");
        }
        if (problems.isEmpty()) {
            return Check.pass("frontend-url", "Alexa reaches the realm at " + SafeText.of(url.toString()));
        }
        return Check.fail("frontend-url", "Alexa cannot use " + SafeText.of(url.toString()) + ": " + String.join(", ", problems), fix);
    }

    static List<Check> checkClient(RealmSettings realm, Rules rules, ClientSettings client) {
        List<Check> checks = new ArrayList<>();
        if (rules == null) {
            checks.add(Check.fail("policy-coverage", "no enabled Alexa client policy covers this client: nothing enforces the Alexa rules",
                    "Realm settings > Client policies: enable policy 'alexa-account-linking' (" + ENABLE_SKILL + ")"));
        }
        checks.add(checkRedirectUris(rules, client));
        checks.add(checkScopes(rules, client));
        checks.add(checkAccessTokenLifespan(realm, rules, client));
        checks.add(checkOfflineAccess(realm, client));
        checks.add(checkRefreshTokens(client));
        checks.add(checkClientOfflineSessions(client));
        checks.add(checkClientAuthentication(client));
        if (!client.publicClient()) {
            checks.add(ClientSecretRule.check(client.secret())
                    .map(v -> Check.fail("client-secret", v.message(), "Clients > " + client.clientId()
                            + " > Credentials > Regenerate (Keycloak makes 32 letters and digits), then paste it into the Alexa console"))
                    .orElseGet(() -> Check.pass("client-secret", "the secret is long enough and URL-safe")));
        }
        checks.add(client.standardFlowEnabled()
                ? Check.pass("standard-flow", "the authorization code flow is on")
                : Check.fail("standard-flow", "the authorization code flow ('Standard flow') is off: Alexa cannot link",
                settings(client) + "Standard flow: on (standardFlowEnabled=true)"));
        checks.add(grantCheck("implicit-flow", "the implicit flow", client.implicitFlowEnabled(),
                rules != null && rules.shape() != null && rules.shape().allowsImplicitFlow(),
                settings(client) + "Implicit flow: off (implicitFlowEnabled=false)"));
        checks.add(grantCheck("direct-grants", "the password grant (direct access grants)",
                client.directAccessGrantsEnabled(),
                rules != null && rules.shape() != null && rules.shape().allowsDirectAccessGrants(),
                settings(client) + "Direct access grants: off (directAccessGrantsEnabled=false)"));
        checks.add(client.consentRequired()
                ? Check.pass("consent", "users see the consent page before linking")
                : Check.fail("consent", "consent is not required: users link without seeing what Alexa may do",
                "Clients > " + client.clientId() + " > Settings > Login settings > Consent required: on (consentRequired=true)"));
        checks.add(TokenAudienceRule.check(client.clientId(), client.audienceMappers())
                .map(v -> Check.fail("token-audience", TokenAudienceRule.finding(client.clientId()),
                        "Clients > " + client.clientId() + " > Client scopes > " + client.clientId() + "-dedicated: "
                                + TokenAudienceRule.fix(client.clientId())))
                .orElseGet(() -> Check.pass("token-audience", "access tokens carry '" + client.clientId() + "' as audience")));
        String pkce = client.attributes().get(PkceRule.CLIENT_ATTRIBUTE);
        checks.add(PkceRule.checkClientSetting(pkce)
                .map(v -> Check.fail("pkce", v.message(), "Clients > " + client.clientId()
                        + " > Advanced > Proof Key for Code Exchange Code Challenge Method: S256 or empty"))
                .orElseGet(() -> Check.pass("pkce", PkceRule.isRequired(pkce) ? "PKCE is required, with S256"
                        : "PKCE is accepted with S256 when the skill sends it")));
        checks.add(ALEXA_THEME.equals(client.loginTheme())
                ? Check.pass("theme", "the sign-in and consent pages use the 'alexa' theme, made for the Alexa app")
                : Check.warn("theme", "the sign-in and consent pages use theme '" + (client.loginTheme() == null ? "keycloak.v2" : SafeText.of(client.loginTheme()))
                        + "', not the 'alexa' theme made for the Alexa app's web view",
                "Clients > " + client.clientId() + " > Settings > Login settings > Login theme: alexa (attribute login_theme=alexa)"));
        return checks;
    }

    private static Check checkRedirectUris(Rules rules, ClientSettings client) {
        if (rules == null || rules.redirectUris() == null) {
            return Check.fail("redirect-uris", "no 'alexa-redirect-uris' executor checks this client's redirect URIs",
                    "add executor 'alexa-redirect-uris' with your vendor IDs to profile 'alexa-account-linking' (" + ENABLE_SKILL + ")");
        }
        List<String> refused = new ArrayList<>();
        rules.redirectUris().checkRegistered(client.redirectUris()).forEach(v -> refused.add(v.message()));
        // Only the vendors this client links for: a realm with several skills allows every skill's vendor.
        List<String> vendors = client.redirectUris().stream().filter(rules.redirectUris()::isAllowed)
                .filter(uri -> uri.contains(AlexaRegion.LINK_PATH))
                .map(uri -> uri.substring(uri.indexOf(AlexaRegion.LINK_PATH) + AlexaRegion.LINK_PATH.length()))
                .distinct().toList();
        List<String> missing = rules.redirectUris().missingRegionalUris(client.redirectUris()).stream()
                .filter(uri -> vendors.stream().anyMatch(vendor -> uri.endsWith(AlexaRegion.LINK_PATH + vendor))).toList();
        List<String> unreachable = new ArrayList<>();
        for (String uri : missing) {
            AlexaRegion region = AlexaRegion.fromHost(URI.create(uri).getHost());
            unreachable.add("users of region " + region.id() + " cannot link: " + uri + " is not registered");
        }
        if (refused.isEmpty() && unreachable.isEmpty()) {
            return Check.pass("redirect-uris", "registers " + client.redirectUris().size() + " redirect URL(s), all Alexa's: "
                    + String.join(" ", client.redirectUris()));
        }
        List<String> keep = new ArrayList<>();
        client.redirectUris().stream().filter(rules.redirectUris()::isAllowed).forEach(keep::add);
        missing.stream().filter(uri -> !keep.contains(uri)).forEach(keep::add);
        String fix = settings(client) + "Valid redirect URIs: exactly " + String.join(" ", keep);
        if (refused.isEmpty()) {
            // A skill may be meant for some regions only; the policy allows more.
            return Check.warn("redirect-uris", InputLimits.listed(unreachable), fix
                    + " (or leave them out if the skill is not offered there)");
        }
        List<String> problems = new ArrayList<>(refused);
        problems.addAll(unreachable);
        return Check.fail("redirect-uris", InputLimits.listed(problems), fix);
    }

    private static Check checkScopes(Rules rules, ClientSettings client) {
        if (rules == null || rules.scopes() == null) {
            return Check.fail("scopes", "no 'alexa-scopes' executor limits the scopes Alexa may request",
                    "add executor 'alexa-scopes' with the console's scopes to profile 'alexa-account-linking' (" + ENABLE_SKILL + ")");
        }
        List<Violation> violations = rules.scopes().checkClientScopes(client.defaultScopes(), client.optionalScopes());
        if (violations.isEmpty()) {
            return Check.pass("scopes", "client scopes stay within the allowed scopes " + sorted(rules.scopes().allowedScopes()));
        }
        return Check.fail("scopes", InputLimits.listed(violations.stream().map(Violation::message).toList()),
                "Clients > " + client.clientId() + " > Client scopes: keep 'offline_access' as Default, and only "
                        + sorted(rules.scopes().allowedScopes()) + " besides basic, acr and web-origins");
    }

    private static Check checkAccessTokenLifespan(RealmSettings realm, Rules rules, ClientSettings client) {
        String fix = "Clients > " + client.clientId() + " > Advanced > Access Token Lifespan: 1 hour (attribute "
                + ACCESS_TOKEN_LIFESPAN + "=3600); Alexa needs at least " + TokenLifetimeRule.ALEXA_MINIMUM_SECONDS + " s";
        String configured = client.attributes().get(ACCESS_TOKEN_LIFESPAN);
        Optional<Integer> own = parsePositive(configured);
        int minimum = rules != null && rules.tokens() != null ? rules.tokens().minimumSeconds() : TokenLifetimeRule.ALEXA_MINIMUM_SECONDS;
        if (own.isPresent()) {
            return own.get() >= minimum
                    ? Check.pass("access-token-lifespan", "access tokens live " + own.get() + " s")
                    : Check.fail("access-token-lifespan", "access tokens live " + own.get() + " s, less than Alexa's " + minimum + " s", fix);
        }
        if (realm.accessTokenLifespan() >= minimum) {
            return Check.pass("access-token-lifespan", "access tokens live the realm's " + realm.accessTokenLifespan() + " s");
        }
        if (rules != null && rules.tokens() != null) {
            return Check.warn("access-token-lifespan", "the realm's " + realm.accessTokenLifespan() + " s are raised to "
                    + minimum + " s for this client by the 'alexa-tokens' executor", fix);
        }
        return Check.fail("access-token-lifespan", "access tokens live the realm's " + realm.accessTokenLifespan()
                + " s, less than Alexa's " + minimum + " s", fix);
    }

    private static Check checkOfflineAccess(RealmSettings realm, ClientSettings client) {
        List<String> problems = new ArrayList<>();
        if (!client.defaultScopes().contains(ScopeRule.OFFLINE_ACCESS)) {
            problems.add("'offline_access' is not a default client scope of the client");
        }
        if (!realm.defaultRolesGrantOfflineAccess()) {
            problems.add("users do not get the 'offline_access' role by default");
        }
        if (!realm.offlineAccessScopeExists()) {
            problems.add("the realm has no 'offline_access' client scope");
        }
        if (problems.isEmpty()) {
            return Check.pass("offline-access", "refresh tokens are offline tokens: the link outlives SSO sessions");
        }
        return Check.fail("offline-access", String.join("; ", problems) + ": refresh tokens die with the SSO session and users are unlinked",
                "Clients > " + client.clientId() + " > Client scopes > Add client scope: 'offline_access' as Default;"
                        + " Realm settings > User registration > Default roles: 'offline_access'");
    }

    private static Check checkRefreshTokens(ClientSettings client) {
        return new RefreshTokenRule().checkUseRefreshTokens(client.attributes().get(USE_REFRESH_TOKENS))
                .map(v -> Check.fail("refresh-tokens", v.message(), "Clients > " + client.clientId()
                        + " > Advanced > Use refresh tokens: on (attribute " + USE_REFRESH_TOKENS + "=true)"))
                .orElseGet(() -> Check.pass("refresh-tokens", "refresh tokens are issued"));
    }

    private static Check checkClientOfflineSessions(ClientSettings client) {
        List<String> problems = new ArrayList<>();
        parsePositive(client.attributes().get(CLIENT_OFFLINE_IDLE))
                .filter(idle -> idle < RefreshTokenRule.MINIMUM_OFFLINE_IDLE_SECONDS)
                .ifPresent(idle -> problems.add("its own 'Client Offline Session Idle' of " + days(idle)
                        + " unlinks users who do not use the skill for that long"));
        parsePositive(client.attributes().get(CLIENT_OFFLINE_MAX))
                .ifPresent(max -> problems.add("its own 'Client Offline Session Max' of " + days(max) + " ends every link after that time"));
        if (problems.isEmpty()) {
            return Check.pass("client-offline-session", "the client does not shorten the realm's offline sessions");
        }
        return Check.fail("client-offline-session", String.join("; ", problems), "Clients > " + client.clientId()
                + " > Advanced > Advanced settings: clear Client Offline Session Idle and Max (attributes "
                + CLIENT_OFFLINE_IDLE + ", " + CLIENT_OFFLINE_MAX + ")");
    }

    private static Check checkClientAuthentication(ClientSettings client) {
        List<String> problems = new ArrayList<>();
        if (client.publicClient()) {
            problems.add("the client is public");
        }
        if (client.bearerOnly()) {
            problems.add("the client is bearer-only");
        }
        if (client.clientAuthenticatorType() != null && !ClientShapeRule.CLIENT_SECRET_AUTHENTICATOR.equals(client.clientAuthenticatorType())) {
            problems.add("it authenticates with '" + SafeText.of(client.clientAuthenticatorType()) + "'");
        }
        if (problems.isEmpty()) {
            return Check.pass("client-authentication", "Alexa authenticates with the client ID and secret (HTTP Basic or in the body)");
        }
        return Check.fail("client-authentication", String.join("; ", problems) + ": Alexa authenticates with a client ID and secret",
                "Clients > " + client.clientId() + " > Settings > Capability config: Client authentication on;"
                        + " Credentials > Client Authenticator: Client Id and Secret");
    }

    private static Check grantCheck(String id, String what, boolean enabled, boolean allowed, String fix) {
        if (!enabled) {
            return Check.pass(id, what + " is off");
        }
        if (allowed) {
            return Check.warn(id, what + " is on, as the policy allows; Alexa does not use it", fix);
        }
        return Check.fail(id, what + " is on: Alexa does not use it, and it weakens the client", fix);
    }

    private static String settings(ClientSettings client) {
        return "Clients > " + client.clientId() + " > Settings > ";
    }

    private static Optional<Integer> parsePositive(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            return parsed > 0 ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().toList();
    }

    private static String days(int seconds) {
        return seconds / 86400 + " days (" + seconds + " s)";
    }
}
