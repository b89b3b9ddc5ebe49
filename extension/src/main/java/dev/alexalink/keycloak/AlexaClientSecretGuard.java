package dev.alexalink.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.rules.ClientSecretGuessingRule;
import dev.alexalink.rules.SafeText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
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
import org.keycloak.representations.idm.ClientPoliciesRepresentation;
import org.keycloak.representations.idm.ClientPolicyExecutorRepresentation;
import org.keycloak.representations.idm.ClientPolicyRepresentation;
import org.keycloak.representations.idm.ClientProfileRepresentation;
import org.keycloak.representations.idm.ClientProfilesRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.util.JsonSerialization;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client authenticator {@value #PROVIDER_ID}, first in the realm's client authentication flow: it applies
 * {@link ClientSecretGuessingRule} to Alexa clients. Keycloak runs every execution of that flow but only takes the
 * result of the client's own authenticator ({@code client-secret}), so this one acts in the only way open to it: a
 * locked-out source gets an exception, which Keycloak answers 401 {@code invalid_client} ("Invalid client or Invalid
 * client credentials") without the secret being checked; a checked wrong secret gets 401 {@code unauthorized_client}.
 * To count failures, it runs Keycloak's own
 * {@link ClientIdAndSecretAuthenticator} on its own step of the flow and looks at the outcome; {@code client-secret}
 * then decides the request as before. Other clients, and realms without the {@code alexa-client-secret-guard}
 * executor in an enabled client policy, are left alone.
 * <p>
 * The counts are in memory, per server node (one rule object per realm and settings): a cluster of N nodes lets a
 * source make up to N times the failures before all nodes have locked it out, and a restart forgets them.
 */
public class AlexaClientSecretGuard extends AbstractClientAuthenticator {

    public static final String PROVIDER_ID = "alexa-client-secret-guard";
    /** Micrometer's name; Prometheus shows it as {@code alexa_client_secret_guard_total}. */
    public static final String METRIC = "alexa.client.secret.guard";

    private static final Logger LOG = Logger.getLogger("dev.alexalink");
    private static final ClientIdAndSecretAuthenticator CLIENT_SECRET = new ClientIdAndSecretAuthenticator();

    private record Guard(String configuration, ClientSecretGuessingRule rule) {
    }

    /** What {@link #settings} found in a realm, for the client-policy JSON it read it from. */
    private record RealmSettings(String policies, String profiles, Optional<String> configuration) {
    }

    private final Map<String, Guard> guards = new ConcurrentHashMap<>();
    private static final Map<String, RealmSettings> REALM_SETTINGS = new ConcurrentHashMap<>();
    private Meter.MeterProvider<Counter> counters;

    @Override
    public void init(org.keycloak.Config.Scope config) {
        counters = Counter.builder(METRIC)
                .description("Client authentications of Alexa clients seen by the secret-guessing guard: failure, lockout, refused")
                .withRegistry(Metrics.globalRegistry);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (KeycloakApi.UNSUPPORTED.isPresent()) {
            return;
        }
        // A realm file (startup import, POST /admin/realms) bypasses Keycloak's flow set-up of ours, so an imported
        // realm that asks for the guard in its client profiles gets it in its client authentication flow.
        factory.register(event -> {
            if (event instanceof RealmModel.RealmRemovedEvent removed) {
                REALM_SETTINGS.remove(removed.getRealm().getId());
                guards.remove(removed.getRealm().getId());
            }
            if (event instanceof RealmModel.RealmPostCreateEvent created
                    && settings(created.getKeycloakSession(), created.getCreatedRealm()).isPresent()
                    && install(created.getCreatedRealm())) {
                LOG.infof("Alexa rule %s: client authenticator %s added to the client authentication flow of imported realm '%s'",
                        ClientSecretGuessingRule.NAME, PROVIDER_ID, created.getCreatedRealm().getName());
            }
        });
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
        if (client == null || !AlexaClientCondition.isAlexaClient(client)) {
            return;
        }
        ClientSecretGuessingRule rule = rule(realm, configuration.get());
        String source = String.valueOf(context.getConnection().getRemoteAddr());
        long now = System.currentTimeMillis();
        OptionalLong lockedUntil = rule.lockedUntil(client.getClientId(), source, now);
        if (lockedUntil.isPresent()) {
            count(realm, client, "refused");
            throw new AuthenticationFlowException("Alexa rule " + ClientSecretGuessingRule.NAME + ": source " + SafeText.of(source)
                    + " is locked out of client '" + client.getClientId() + "' for " + ((lockedUntil.getAsLong() - now + 999) / 1000)
                    + " s after repeated failed client authentications", AuthenticationFlowError.INVALID_CLIENT_CREDENTIALS);
        }
        if (context.getStatus() == FlowStatus.FAILED && context.getError() == AuthenticationFlowError.INVALID_CLIENT_CREDENTIALS) {
            count(realm, client, "failure");
            ClientSecretGuessingRule.Failure failure = rule.recordFailure(client.getClientId(), source, now);
            if (failure.lockoutStarted()) {
                count(realm, client, "lockout");
                ClientSecretGuessingRule.Settings settings = rule.settings();
                LOG.warnf("Alexa rule %s locked source %s out of client '%s' in realm '%s' for %d s after %d failed client"
                                + " authentications within %d s (other sources are not affected)", ClientSecretGuessingRule.NAME,
                        SafeText.of(source), client.getClientId(), realm.getName(), settings.lockoutSeconds(),
                        settings.maxFailures(), settings.windowSeconds());
            }
        }
    }

    private void count(RealmModel realm, ClientModel client, String outcome) {
        counters.withTags(Tags.of("realm", realm.getName(), "skill", client.getClientId(), "outcome", outcome)).increment();
    }

    /** One rule (and its counts) per realm; new settings start a new rule with fresh counts. */
    private ClientSecretGuessingRule rule(RealmModel realm, String configuration) {
        Guard guard = guards.compute(realm.getId(), (id, current) -> current != null && current.configuration().equals(configuration)
                ? current : new Guard(configuration, parse(configuration)));
        return guard.rule();
    }

    private static ClientSecretGuessingRule parse(String configuration) {
        try {
            AlexaClientSecretGuardExecutor.Configuration config = JsonSerialization.readValue(configuration,
                    AlexaClientSecretGuardExecutor.Configuration.class);
            return new ClientSecretGuessingRule(config.toRule());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable configuration of " + AlexaClientSecretGuardExecutorFactory.PROVIDER_ID, e);
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
        if (known != null && Objects.equals(known.policies(), policiesJson) && Objects.equals(known.profiles(), profilesJson)) {
            return known.configuration();
        }
        Optional<String> configuration = readSettings(session, realm);
        REALM_SETTINGS.put(realm.getId(), new RealmSettings(policiesJson, profilesJson, configuration));
        return configuration;
    }

    private static Optional<String> readSettings(KeycloakSession session, RealmModel realm) {
        ClientPoliciesRepresentation policies;
        ClientProfilesRepresentation profiles;
        try {
            policies = session.clientPolicy().getClientPolicies(realm, false);
            profiles = session.clientPolicy().getClientProfiles(realm, false);
        } catch (ClientPolicyException e) {
            return Optional.empty();
        }
        if (policies == null || policies.getPolicies() == null || profiles == null || profiles.getProfiles() == null) {
            return Optional.empty();
        }
        Set<String> activeProfiles = new java.util.HashSet<>();
        for (ClientPolicyRepresentation policy : policies.getPolicies()) {
            if (Boolean.TRUE.equals(policy.isEnabled()) && policy.getProfiles() != null) {
                activeProfiles.addAll(policy.getProfiles());
            }
        }
        for (ClientProfileRepresentation profile : profiles.getProfiles()) {
            if (!activeProfiles.contains(profile.getName()) || profile.getExecutors() == null) {
                continue;
            }
            for (ClientPolicyExecutorRepresentation executor : profile.getExecutors()) {
                if (AlexaClientSecretGuardExecutorFactory.PROVIDER_ID.equals(executor.getExecutorProviderId())) {
                    JsonNode config = executor.getConfiguration();
                    return Optional.of(config == null || config.isNull() ? "{}" : config.toString());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Adds this authenticator first (ALTERNATIVE) to the realm's client authentication flow, unless it is there.
     * Returns whether it was added.
     */
    static boolean install(RealmModel realm) {
        AuthenticationFlowModel flow = realm.getClientAuthenticationFlow();
        if (flow == null) {
            return false;
        }
        List<AuthenticationExecutionModel> executions = realm.getAuthenticationExecutionsStream(flow.getId()).toList();
        if (executions.stream().anyMatch(e -> PROVIDER_ID.equals(e.getAuthenticator()))) {
            return false;
        }
        int first = executions.stream().mapToInt(AuthenticationExecutionModel::getPriority).min().orElse(10);
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
    static String flowName(RealmModel realm) {
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
        return "Locks a source address out of an Alexa client after repeated failed client authentications. Put it first;"
                + " its settings are the alexa-client-secret-guard executor's in the realm's client profiles.";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[]{
                AuthenticationExecutionModel.Requirement.ALTERNATIVE, AuthenticationExecutionModel.Requirement.DISABLED};
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
