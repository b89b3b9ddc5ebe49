package dev.alexalink.keycloak.clientpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alexalink.rules.AlexaSkill;
import dev.alexalink.rules.ClientSecretGuessingRule;
import dev.alexalink.rules.ClientShapeRule;
import dev.alexalink.rules.PolicyRules;
import dev.alexalink.rules.RedirectUriRule;
import dev.alexalink.rules.ScopeRule;
import dev.alexalink.rules.TokenLifetimeRule;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientPoliciesRepresentation;
import org.keycloak.representations.idm.ClientPolicyConditionRepresentation;
import org.keycloak.representations.idm.ClientPolicyExecutorRepresentation;
import org.keycloak.representations.idm.ClientPolicyRepresentation;
import org.keycloak.representations.idm.ClientProfileRepresentation;
import org.keycloak.representations.idm.ClientProfilesRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.util.JsonSerialization;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The realm's Alexa client profile and policy, read and written through the executors' configuration classes: what
 * the admin API and the console page write, what the realm file holds, and what the audit and the secret guard read.
 */
public final class AlexaPolicy {

    static final String PROFILE = "alexa-account-linking";
    static final String POLICY = "alexa-account-linking";
    static final String PROFILE_DESCRIPTION = "Alexa's rules for redirect URLs, scopes, tokens and client shape.";
    static final String POLICY_DESCRIPTION = "Applies the Alexa rules to every Alexa skill client of the realm.";

    private AlexaPolicy() {}

    // Reading

    /**
     * The rules of the realm's enabled policies that use the alexa-client condition, or null when there are none.
     * Executor configurations that cannot be read are added to {@code unreadable}.
     */
    public static PolicyRules rules(KeycloakSession session, RealmModel realm, List<String> unreadable)
            throws ClientPolicyException {
        List<ClientPolicyExecutorRepresentation> executors = executors(session, realm, AlexaPolicy::hasAlexaCondition);
        if (executors == null) {
            return null;
        }
        RedirectUriRule redirectUris = null;
        ScopeRule scopes = null;
        TokenLifetimeRule tokens = null;
        ClientShapeRule shape = null;
        for (ClientPolicyExecutorRepresentation executor : executors) {
            try {
                switch (executor.getExecutorProviderId()) {
                    case AlexaRedirectUriExecutorFactory.PROVIDER_ID ->
                        redirectUris = configuration(executor, AlexaRedirectUriExecutor.Configuration.class)
                                .toRule();
                    case AlexaScopeExecutorFactory.PROVIDER_ID ->
                        scopes = configuration(executor, AlexaScopeExecutor.Configuration.class)
                                .toRule();
                    case AlexaTokenExecutorFactory.PROVIDER_ID ->
                        tokens = configuration(executor, AlexaTokenExecutor.Configuration.class)
                                .toRule();
                    case AlexaClientShapeExecutorFactory.PROVIDER_ID ->
                        shape = configuration(executor, AlexaClientShapeExecutor.Configuration.class)
                                .toRule();
                    default -> {}
                }
            } catch (RuntimeException e) {
                unreadable.add("realm '" + realm.getName() + "', executor " + executor.getExecutorProviderId() + ": "
                        + e.getMessage());
            }
        }
        return new PolicyRules(redirectUris, scopes, tokens, shape);
    }

    /**
     * The configuration (JSON) of the first {@value AlexaClientSecretGuardExecutorFactory#PROVIDER_ID} executor in a
     * profile of an enabled client policy of the realm (whatever its conditions); empty when there is none.
     */
    public static Optional<String> guardConfiguration(KeycloakSession session, RealmModel realm) {
        List<ClientPolicyExecutorRepresentation> executors;
        try {
            executors = executors(session, realm, policy -> true);
        } catch (ClientPolicyException e) {
            return Optional.empty();
        }
        return executors == null
                ? Optional.empty()
                : executors.stream()
                        .filter(e ->
                                AlexaClientSecretGuardExecutorFactory.PROVIDER_ID.equals(e.getExecutorProviderId()))
                        .findFirst()
                        .map(e -> {
                            JsonNode config = e.getConfiguration();
                            return config == null || config.isNull() ? "{}" : config.toString();
                        });
    }

    /** The executors of the realm's profiles named by its enabled policies that match; null when no policy matches. */
    private static List<ClientPolicyExecutorRepresentation> executors(
            KeycloakSession session, RealmModel realm, Predicate<ClientPolicyRepresentation> matches)
            throws ClientPolicyException {
        List<ClientPolicyRepresentation> policies =
                session.clientPolicy().getClientPolicies(realm, false).getPolicies();
        Set<String> profileNames = new LinkedHashSet<>();
        if (policies != null) {
            policies.stream()
                    .filter(p -> Boolean.TRUE.equals(p.isEnabled()))
                    .filter(matches)
                    .flatMap(p -> p.getProfiles() == null ? Stream.<String>empty() : p.getProfiles().stream())
                    .forEach(profileNames::add);
        }
        if (profileNames.isEmpty()) {
            return null;
        }
        List<ClientProfileRepresentation> profiles =
                session.clientPolicy().getClientProfiles(realm, true).getProfiles();
        List<ClientPolicyExecutorRepresentation> executors = new ArrayList<>();
        if (profiles != null) {
            profiles.stream()
                    .filter(p -> profileNames.contains(p.getName()) && p.getExecutors() != null)
                    .forEach(p -> executors.addAll(p.getExecutors()));
        }
        return executors;
    }

    private static boolean hasAlexaCondition(ClientPolicyRepresentation policy) {
        return policy.getConditions() != null
                && policy.getConditions().stream()
                        .anyMatch(c -> AlexaClientConditionFactory.PROVIDER_ID.equals(c.getConditionProviderId()));
    }

    static <T> T configuration(ClientPolicyExecutorRepresentation executor, Class<T> type) {
        return JsonSerialization.mapper.convertValue(configurationNode(executor), type);
    }

    // Writing

    /**
     * Merges the skill into the realm's Alexa profile and makes sure the enabled Alexa policy applies it, leaving every
     * other profile and policy as it was. Adds a line to {@code changes} for each of the two it changed.
     */
    public static void enable(KeycloakSession session, RealmModel realm, AlexaSkill skill, List<String> changes)
            throws ClientPolicyException {
        ClientProfilesRepresentation profiles = session.clientPolicy().getClientProfiles(realm, false);
        List<ClientProfileRepresentation> profileList =
                profiles.getProfiles() == null ? new ArrayList<>() : new ArrayList<>(profiles.getProfiles());
        ClientProfileRepresentation current = profileList.stream()
                .filter(p -> PROFILE.equals(p.getName()))
                .findFirst()
                .orElse(null);
        ClientProfileRepresentation merged = mergeProfile(current, skill);
        String after = JsonSerialization.mapper.valueToTree(merged).toString();
        if (current == null
                || !JsonSerialization.mapper.valueToTree(current).toString().equals(after)) {
            replace(profileList, current, merged);
            profiles.setProfiles(profileList);
            session.clientPolicy().updateClientProfiles(realm, profiles);
            changes.addAll(executorChanges(current, merged));
        }

        ClientPoliciesRepresentation policies = session.clientPolicy().getClientPolicies(realm, false);
        List<ClientPolicyRepresentation> policyList =
                policies.getPolicies() == null ? new ArrayList<>() : new ArrayList<>(policies.getPolicies());
        ClientPolicyRepresentation policy = policyList.stream()
                .filter(p -> POLICY.equals(p.getName()))
                .findFirst()
                .orElse(null);
        List<String> policyChanges = new ArrayList<>();
        replace(policyList, policy, mergePolicy(policy, policyChanges));
        if (!policyChanges.isEmpty()) {
            policies.setPolicies(policyList);
            session.clientPolicy().updateClientPolicies(realm, policies);
            changes.add("client policy '" + POLICY + "': " + String.join(", ", policyChanges));
        }
    }

    /**
     * One line per executor the merge added or changed, naming only the settings that differ, e.g. {@code client
     * profile 'alexa-account-linking', executor alexa-redirect-uris: vendor-ids: ["M2A"] -> ["M2A","M2B"]}.
     */
    private static List<String> executorChanges(
            ClientProfileRepresentation current, ClientProfileRepresentation merged) {
        List<String> lines = new ArrayList<>();
        String prefix = "client profile '" + PROFILE + "'";
        if (current == null) {
            lines.add(prefix + " created");
        }
        for (ClientPolicyExecutorRepresentation executor : merged.getExecutors()) {
            String name = prefix + ", executor " + executor.getExecutorProviderId();
            JsonNode after = configurationNode(executor);
            Optional<JsonNode> before = current == null || current.getExecutors() == null
                    ? Optional.empty()
                    : current.getExecutors().stream()
                            .filter(e -> executor.getExecutorProviderId().equals(e.getExecutorProviderId()))
                            .findFirst()
                            .map(AlexaPolicy::configurationNode);
            if (before.isEmpty()) {
                lines.add(name + " added: " + after);
                continue;
            }
            List<String> settings = new ArrayList<>();
            after.fieldNames().forEachRemaining(field -> {
                JsonNode old = before.get().get(field);
                if (!after.get(field).equals(old)) {
                    settings.add(field + ": " + (old == null ? "none" : old) + " -> " + after.get(field));
                }
            });
            if (!settings.isEmpty()) {
                lines.add(name + ": " + String.join(", ", settings));
            }
        }
        if (lines.isEmpty()) {
            lines.add(prefix + " rewritten in Alexa's form (same settings)");
        }
        return lines;
    }

    private static JsonNode configurationNode(ClientPolicyExecutorRepresentation executor) {
        JsonNode config = executor.getConfiguration();
        return config == null || config.isNull() ? JsonSerialization.mapper.createObjectNode() : config;
    }

    /** Puts {@code merged} in the place of {@code current}, or at the end when there is no current one. */
    private static <T> void replace(List<T> list, T current, T merged) {
        if (current == null) {
            list.add(merged);
        } else {
            list.set(list.indexOf(current), merged);
        }
    }

    /**
     * The Alexa profile with the skill's vendor IDs, regions, app-to-app URLs and scopes added to what it allows, and
     * every missing executor added with Alexa's defaults; {@code current} (null when the realm has none) is unchanged.
     * An executor the skill adds nothing to keeps its configuration exactly as it was written.
     */
    static ClientProfileRepresentation mergeProfile(ClientProfileRepresentation current, AlexaSkill skill) {
        ClientProfileRepresentation profile = new ClientProfileRepresentation();
        profile.setName(PROFILE);
        profile.setDescription(current == null ? PROFILE_DESCRIPTION : current.getDescription());
        List<ClientPolicyExecutorRepresentation> executors = new ArrayList<>();
        if (current != null && current.getExecutors() != null) {
            current.getExecutors().forEach(e -> executors.add(copy(e)));
        }
        profile.setExecutors(executors);

        merge(
                executors,
                AlexaRedirectUriExecutorFactory.PROVIDER_ID,
                AlexaRedirectUriExecutor.Configuration.class,
                (config, added) -> {
                    // No regions means every region: adding the skill's would narrow it.
                    boolean allRegions = !added && config.regions.isEmpty();
                    union(config.vendorIds, skill.vendorIds());
                    if (!allRegions) {
                        union(config.regions, skill.regions());
                    }
                    union(config.appRedirectUris, skill.appRedirectUris());
                });
        merge(
                executors,
                AlexaScopeExecutorFactory.PROVIDER_ID,
                AlexaScopeExecutor.Configuration.class,
                (config, added) -> union(config.allowedScopes, skill.scopes()));
        merge(
                executors,
                AlexaTokenExecutorFactory.PROVIDER_ID,
                AlexaTokenExecutor.Configuration.class,
                (config, added) -> {
                    if (config.minimumAccessTokenLifespan == null) {
                        config.minimumAccessTokenLifespan = TokenLifetimeRule.ALEXA_MINIMUM_SECONDS;
                    }
                });
        // The configuration class's defaults: auto-configure on, no implicit flow, no direct access grants.
        merge(
                executors,
                AlexaClientShapeExecutorFactory.PROVIDER_ID,
                AlexaClientShapeExecutor.Configuration.class,
                (config, added) -> {});
        merge(
                executors,
                AlexaClientSecretGuardExecutorFactory.PROVIDER_ID,
                AlexaClientSecretGuardExecutor.Configuration.class,
                (config, added) -> {
                    if (config.maxFailures == null
                            && config.failureWindowSeconds == null
                            && config.getConfigAsMap().isEmpty()
                            && config.lockoutSeconds == null) {
                        config.maxFailures = String.valueOf(ClientSecretGuessingRule.DEFAULT_MAX_FAILURES);
                        config.failureWindowSeconds = String.valueOf(ClientSecretGuessingRule.DEFAULT_WINDOW_SECONDS);
                    }
                    config.lockoutSeconds = null;
                });
        return profile;
    }

    private interface Merge<C> {
        void into(C configuration, boolean added);
    }

    /**
     * Applies {@code merge} to the typed configuration of the profile's executor of this id, added when the profile
     * lacks it. The executor's JSON is replaced only when the merge changed a value.
     */
    private static <C> void merge(
            List<ClientPolicyExecutorRepresentation> executors, String providerId, Class<C> type, Merge<C> merge) {
        ClientPolicyExecutorRepresentation executor = executors.stream()
                .filter(e -> providerId.equals(e.getExecutorProviderId()))
                .findFirst()
                .orElse(null);
        boolean added = executor == null;
        if (added) {
            executor = new ClientPolicyExecutorRepresentation();
            executor.setExecutorProviderId(providerId);
            executors.add(executor);
        }
        C config = configuration(executor, type);
        JsonNode before = JsonSerialization.mapper.valueToTree(config);
        merge.into(config, added);
        JsonNode after = JsonSerialization.mapper.valueToTree(config);
        if (added || !before.equals(after)) {
            executor.setConfiguration(after);
        }
    }

    /** The Alexa policy: enabled, with the alexa-client condition and the Alexa profile; what it changed goes to {@code changes}. */
    static ClientPolicyRepresentation mergePolicy(ClientPolicyRepresentation current, List<String> changes) {
        ClientPolicyRepresentation policy = new ClientPolicyRepresentation();
        policy.setName(POLICY);
        if (current == null) {
            policy.setDescription(POLICY_DESCRIPTION);
            changes.add("created");
        } else {
            policy.setDescription(current.getDescription());
        }
        if (current == null || !Boolean.TRUE.equals(current.isEnabled())) {
            changes.add("enabled");
        }
        policy.setEnabled(true);
        List<ClientPolicyConditionRepresentation> conditions = current == null || current.getConditions() == null
                ? new ArrayList<>()
                : new ArrayList<>(current.getConditions());
        if (conditions.stream()
                .noneMatch(c -> AlexaClientConditionFactory.PROVIDER_ID.equals(c.getConditionProviderId()))) {
            ClientPolicyConditionRepresentation condition = new ClientPolicyConditionRepresentation();
            condition.setConditionProviderId(AlexaClientConditionFactory.PROVIDER_ID);
            condition.setConfiguration(JsonSerialization.mapper.createObjectNode());
            conditions.add(condition);
            changes.add("condition '" + AlexaClientConditionFactory.PROVIDER_ID + "' added");
        }
        policy.setConditions(conditions);
        List<String> profiles = current == null || current.getProfiles() == null
                ? new ArrayList<>()
                : new ArrayList<>(current.getProfiles());
        if (!profiles.contains(PROFILE)) {
            profiles.add(PROFILE);
            changes.add("profile '" + PROFILE + "' added");
        }
        policy.setProfiles(profiles);
        return policy;
    }

    private static ClientPolicyExecutorRepresentation copy(ClientPolicyExecutorRepresentation executor) {
        ClientPolicyExecutorRepresentation copy = new ClientPolicyExecutorRepresentation();
        copy.setExecutorProviderId(executor.getExecutorProviderId());
        copy.setConfiguration(
                executor.getConfiguration() == null
                        ? null
                        : executor.getConfiguration().deepCopy());
        return copy;
    }

    /** Adds the values missing from the list, keeping what is there and its order. */
    private static void union(List<String> list, List<String> values) {
        Set<String> present = new LinkedHashSet<>(list);
        values.stream().filter(present::add).forEach(list::add);
    }
}
