package dev.alexalink.keycloak.authentication;

import dev.alexalink.keycloak.clientpolicy.AlexaClientCondition;
import dev.alexalink.keycloak.clientpolicy.AlexaClientSecretGuardExecutor;
import dev.alexalink.keycloak.clientpolicy.AlexaClientSecretGuardExecutorFactory;
import dev.alexalink.keycloak.clientpolicy.AlexaPolicy;
import dev.alexalink.rules.ClientSecretGuessingRule;
import dev.alexalink.rules.SafeText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.FlowStatus;
import org.keycloak.authentication.authenticators.client.AbstractClientAuthenticator;
import org.keycloak.authentication.authenticators.client.ClientIdAndSecretAuthenticator;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.util.JsonSerialization;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client authenticator {@value #PROVIDER_ID}, first in the realm's client authentication flow: it applies
 * {@link ClientSecretGuessingRule} to Alexa clients. It never refuses anything: Keycloak runs every execution of that
 * flow but takes only the result of the client's own authenticator ({@code client-secret}), and this one throws
 * nothing, so the right secret is always accepted and a wrong one gets Keycloak's own {@code 401}. To see the outcome,
 * it runs Keycloak's {@link ClientIdAndSecretAuthenticator} on its own step of the flow; a wrong secret of an Alexa
 * client is counted ({@code alexa_client_secret_guard_total}) and reported in at most a bounded number of log lines
 * per client and window. Other clients, and realms without the {@code alexa-client-secret-guard} executor in an
 * enabled client policy, are left alone.
 * <p>
 * The counts are in memory, per server node (one rule object per realm and settings); a restart forgets them.
 */
public class AlexaClientSecretGuard extends AbstractClientAuthenticator {

    public static final String PROVIDER_ID = "alexa-client-secret-guard";
    /** Micrometer's name; Prometheus shows it as {@code alexa_client_secret_guard_total}. */
    public static final String METRIC = "alexa.client.secret.guard";
    /** Micrometer's name of the tracked (client, source) pairs; Prometheus: {@code alexa_client_secret_guard_sources}. */
    public static final String SOURCES_METRIC = "alexa.client.secret.guard.sources";

    private static final Logger LOG = Logger.getLogger("dev.alexalink");
    private static final ClientIdAndSecretAuthenticator CLIENT_SECRET = new ClientIdAndSecretAuthenticator();

    private record Guard(String configuration, ClientSecretGuessingRule rule) {}

    /** What {@link #settings} found in a realm, for the client-policy JSON it read it from. */
    private record RealmSettings(String policies, String profiles, Optional<String> configuration) {}

    private static final Map<String, Guard> GUARDS = new ConcurrentHashMap<>();
    private static final Map<String, RealmSettings> REALM_SETTINGS = new ConcurrentHashMap<>();
    private Meter.MeterProvider<Counter> counters;

    @Override
    public void init(org.keycloak.Config.Scope config) {
        counters = Counter.builder(METRIC)
                .description(
                        "Wrong client secrets of Alexa clients seen by the secret guard (it never refuses a right secret)")
                .withRegistry(Metrics.globalRegistry);
        Gauge.builder(
                        SOURCES_METRIC,
                        GUARDS,
                        guards -> guards.values().stream()
                                .mapToInt(g -> g.rule().trackedSources())
                                .sum())
                .description("(client, source) pairs the secret guard tracks now, at most "
                        + ClientSecretGuessingRule.MAX_TRACKED_SOURCES + " per realm")
                .register(Metrics.globalRegistry);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    /**
     * A realm file (startup import, POST /admin/realms) bypasses Keycloak's flow set-up of ours, so an imported
     * realm that asks for the guard in its client profiles gets it in its client authentication flow.
     */
    public static void realmImported(KeycloakSession session, RealmModel realm) {
        if (settings(session, realm).isPresent() && install(realm)) {
            LOG.infof(
                    "Alexa rule %s: client authenticator %s added to the client authentication flow of imported realm '%s'",
                    ClientSecretGuessingRule.NAME, PROVIDER_ID, realm.getName());
        }
    }

    /** Drops what the guard knows of a removed realm. */
    public static void forget(RealmModel realm) {
        REALM_SETTINGS.remove(realm.getId());
        GUARDS.remove(realm.getId());
    }

    @Override
    public void authenticateClient(ClientAuthenticationFlowContext context) {
        RealmModel realm = context.getRealm();
        Optional<String> configuration = settings(context.getSession(), realm);
        if (configuration.isEmpty()) {
            return;
        }
        CLIENT_SECRET.authenticateClient(context);
        ClientModel client = context.getClient();
        if (client == null
                || context.getStatus() != FlowStatus.FAILED
                || context.getError() != AuthenticationFlowError.INVALID_CLIENT_CREDENTIALS
                || !AlexaClientCondition.isAlexaClient(client)) {
            return;
        }
        count(realm, client, "failure");
        ClientSecretGuessingRule rule = rule(realm, configuration.get());
        String source =
                ClientSecretGuessingRule.sourceKey(context.getConnection().getRemoteAddr());
        ClientSecretGuessingRule.Failure failure =
                rule.recordFailure(client.getClientId(), source, System.currentTimeMillis());
        int window = rule.settings().windowSeconds();
        if (failure.reportClient()) {
            LOG.warnf(
                    "Alexa rule %s: %d wrong client secrets for client '%s' in realm '%s' within %d s, from %d source(s) so far;"
                            + " the right secret is still accepted from every source. Further failures in this window are counted"
                            + " (alexa_client_secret_guard_total), not logged. A skill of someone else (or a stale secret in your"
                            + " Alexa console) may be sending them",
                    ClientSecretGuessingRule.NAME,
                    failure.clientFailures(),
                    client.getClientId(),
                    realm.getName(),
                    window,
                    failure.clientSources());
        }
        if (failure.reportSource()) {
            LOG.warnf(
                    "Alexa rule %s: source %s sent %d wrong client secrets for client '%s' in realm '%s' within %d s; its right"
                            + " secret is still accepted (at most %d sources of a client are logged per window)",
                    ClientSecretGuessingRule.NAME,
                    SafeText.of(source),
                    failure.sourceFailures(),
                    client.getClientId(),
                    realm.getName(),
                    window,
                    ClientSecretGuessingRule.MAX_SOURCE_REPORTS_PER_WINDOW);
        }
    }

    private void count(RealmModel realm, ClientModel client, String outcome) {
        counters.withTags(Tags.of("realm", realm.getName(), "skill", client.getClientId(), "outcome", outcome))
                .increment();
    }

    /** One rule (and its counts) per realm; new settings start a new rule with fresh counts. */
    private ClientSecretGuessingRule rule(RealmModel realm, String configuration) {
        Guard guard = GUARDS.compute(
                realm.getId(),
                (id, current) -> current != null && current.configuration().equals(configuration)
                        ? current
                        : new Guard(configuration, parse(realm, configuration)));
        return guard.rule();
    }

    private static ClientSecretGuessingRule parse(RealmModel realm, String configuration) {
        try {
            AlexaClientSecretGuardExecutor.Configuration config =
                    JsonSerialization.readValue(configuration, AlexaClientSecretGuardExecutor.Configuration.class);
            if (config.lockoutSeconds != null) {
                LOG.warnf(
                        "Alexa rule %s: option %s ('%s') of realm '%s' has no effect: the guard no longer locks a source out,"
                                + " because that refused Amazon's servers the right secret. Remove it from the %s executor",
                        ClientSecretGuessingRule.NAME,
                        AlexaClientSecretGuardExecutorFactory.OBSOLETE_LOCKOUT_SECONDS,
                        SafeText.of(config.lockoutSeconds),
                        realm.getName(),
                        AlexaClientSecretGuardExecutorFactory.PROVIDER_ID);
            }
            return new ClientSecretGuessingRule(config.toRule());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(
                    "unreadable configuration of " + AlexaClientSecretGuardExecutorFactory.PROVIDER_ID, e);
        }
    }

    /**
     * The configuration (JSON) of the first {@code alexa-client-secret-guard} executor in a profile of an enabled
     * client policy of the realm; empty when the realm does not ask for the guard.
     * <p>
     * Every client authentication of every client of the realm asks, and Keycloak parses the realm's client policies
     * and profiles from JSON each time it is asked for them, so the answer is kept per realm for as long as the
     * realm's two JSON attributes stay the same.
     */
    static Optional<String> settings(KeycloakSession session, RealmModel realm) {
        String policiesJson = realm.getAttribute(Constants.CLIENT_POLICIES);
        String profilesJson = realm.getAttribute(Constants.CLIENT_PROFILES);
        RealmSettings known = REALM_SETTINGS.get(realm.getId());
        if (known != null
                && Objects.equals(known.policies(), policiesJson)
                && Objects.equals(known.profiles(), profilesJson)) {
            return known.configuration();
        }
        Optional<String> configuration = AlexaPolicy.guardConfiguration(session, realm);
        REALM_SETTINGS.put(realm.getId(), new RealmSettings(policiesJson, profilesJson, configuration));
        return configuration;
    }

    /**
     * Adds this authenticator first (ALTERNATIVE) to the realm's client authentication flow, unless it is there.
     * Returns whether it was added.
     */
    public static boolean install(RealmModel realm) {
        AuthenticationFlowModel flow = realm.getClientAuthenticationFlow();
        if (flow == null) {
            return false;
        }
        List<AuthenticationExecutionModel> executions =
                realm.getAuthenticationExecutionsStream(flow.getId()).toList();
        if (executions.stream().anyMatch(e -> PROVIDER_ID.equals(e.getAuthenticator()))) {
            return false;
        }
        int first = executions.stream()
                .mapToInt(AuthenticationExecutionModel::getPriority)
                .min()
                .orElse(10);
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setParentFlow(flow.getId());
        execution.setAuthenticator(PROVIDER_ID);
        execution.setAuthenticatorFlow(false);
        execution.setRequirement(AuthenticationExecutionModel.Requirement.ALTERNATIVE);
        execution.setPriority(first - 10);
        realm.addAuthenticatorExecution(execution);
        return true;
    }

    /** The name of the realm's client authentication flow, for messages. */
    public static String flowName(RealmModel realm) {
        AuthenticationFlowModel flow = realm.getClientAuthenticationFlow();
        return flow == null ? "(none)" : Objects.toString(flow.getAlias());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Alexa client secret guard";
    }

    @Override
    public String getHelpText() {
        return "Counts and reports wrong secrets of Alexa clients; never refuses a right secret. Put it first; its settings"
                + " are the alexa-client-secret-guard executor's in the realm's client profiles.";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
            AuthenticationExecutionModel.Requirement.ALTERNATIVE, AuthenticationExecutionModel.Requirement.DISABLED
        };
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public List<ProviderConfigProperty> getConfigPropertiesPerClient() {
        return List.of();
    }

    /** Keycloak 26.6+ (see KeycloakApi); no {@code @Override}, since the provider compiles against 26.0. */
    public Map<String, Object> getAdapterConfiguration(KeycloakSession session, ClientModel client) {
        return Map.of();
    }

    /** Keycloak up to 26.5. */
    public Map<String, Object> getAdapterConfiguration(ClientModel client) {
        return Map.of();
    }

    @Override
    public Set<String> getProtocolAuthenticatorMethods(String loginProtocol) {
        return Set.of();
    }
}
