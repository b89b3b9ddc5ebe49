package dev.alexalink.keycloak.clientpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.rules.AlexaSkill;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientPolicyExecutorRepresentation;
import org.keycloak.representations.idm.ClientProfileRepresentation;
import org.keycloak.util.JsonSerialization;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AlexaPolicyTest {

    private static final String VENDOR_ID = "M2SAMPLEVENDOR";
    private static final AlexaSkill SKILL = AlexaSkill.of(
            "alexa-skill",
            "Alexa skill",
            List.of(VENDOR_ID),
            Arrays.stream(AlexaRegion.values()).map(AlexaRegion::id).toList(),
            List.of("profile"),
            List.of());

    @Test
    void theRealmFileHoldsExactlyTheProfileAndPolicyThatEnablingItsSkillWrites() throws Exception {
        JsonNode realm = realmFile();

        JsonNode profile = JsonSerialization.mapper.valueToTree(AlexaPolicy.mergeProfile(null, SKILL));
        JsonNode policy = JsonSerialization.mapper.valueToTree(AlexaPolicy.mergePolicy(null, new ArrayList<>()));

        assertThat(realm.at("/clientProfiles/profiles")).containsExactly(profile);
        assertThat(realm.at("/clientPolicies/policies")).containsExactly(policy);
    }

    @Test
    void enablingTheSameSkillAgainChangesNothing() {
        ClientProfileRepresentation once = AlexaPolicy.mergeProfile(null, SKILL);
        List<String> changes = new ArrayList<>();

        assertThat(tree(AlexaPolicy.mergeProfile(once, SKILL))).isEqualTo(tree(once));
        AlexaPolicy.mergePolicy(AlexaPolicy.mergePolicy(null, new ArrayList<>()), changes);
        assertThat(changes).isEmpty();
    }

    @Test
    void anotherSkillAddsItsValuesAndKeepsWhatTheAdminWroteAsItWas() throws Exception {
        ClientProfileRepresentation current = AlexaPolicy.mergeProfile(null, SKILL);
        JsonNode guard = JsonSerialization.mapper.readTree("{\"max-failures\": 25}");
        executor(current, AlexaClientSecretGuardExecutorFactory.PROVIDER_ID).setConfiguration(guard);
        JsonNode allRegions = JsonSerialization.mapper.readTree("{\"vendor-ids\": [\"" + VENDOR_ID + "\"]}");
        executor(current, AlexaRedirectUriExecutorFactory.PROVIDER_ID).setConfiguration(allRegions);

        ClientProfileRepresentation merged = AlexaPolicy.mergeProfile(
                current,
                AlexaSkill.of(
                        "second", null, List.of("M2OTHERVENDOR"), List.of("europe"), List.of("email"), List.of()));

        assertThat(executor(merged, AlexaClientSecretGuardExecutorFactory.PROVIDER_ID)
                        .getConfiguration())
                .isEqualTo(guard);
        AlexaRedirectUriExecutor.Configuration redirects = AlexaPolicy.configuration(
                executor(merged, AlexaRedirectUriExecutorFactory.PROVIDER_ID),
                AlexaRedirectUriExecutor.Configuration.class);
        assertThat(redirects.vendorIds).containsExactly(VENDOR_ID, "M2OTHERVENDOR");
        assertThat(redirects.regions)
                .as("no regions: every region, not narrowed")
                .isEmpty();
        assertThat(AlexaPolicy.configuration(
                                executor(merged, AlexaScopeExecutorFactory.PROVIDER_ID),
                                AlexaScopeExecutor.Configuration.class)
                        .allowedScopes)
                .containsExactly("profile", "email");
        assertThat(executor(current, AlexaScopeExecutorFactory.PROVIDER_ID)
                        .getConfiguration()
                        .toString())
                .as("the current profile is left as it was")
                .doesNotContain("email");
    }

    @Test
    void theObsoleteLockoutOptionIsRemoved() throws Exception {
        ClientProfileRepresentation current = AlexaPolicy.mergeProfile(null, SKILL);
        executor(current, AlexaClientSecretGuardExecutorFactory.PROVIDER_ID)
                .setConfiguration(
                        JsonSerialization.mapper.readTree("{\"max-failures\": \"5\", \"lockout-seconds\": \"60\"}"));

        assertThat(executor(AlexaPolicy.mergeProfile(current, SKILL), AlexaClientSecretGuardExecutorFactory.PROVIDER_ID)
                        .getConfiguration()
                        .toString())
                .isEqualTo("{\"max-failures\":\"5\"}");
    }

    private static ClientPolicyExecutorRepresentation executor(ClientProfileRepresentation profile, String id) {
        return profile.getExecutors().stream()
                .filter(e -> id.equals(e.getExecutorProviderId()))
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode tree(Object value) {
        return JsonSerialization.mapper.valueToTree(value);
    }

    /** The realm file as Keycloak imports it: each placeholder replaced by a sample value, or its default. */
    private static JsonNode realmFile() throws Exception {
        String text =
                Files.readString(Path.of("../realm-config/src/main/realm/alexa-realm.json"), StandardCharsets.UTF_8);
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z_]+)(?::([^}]*))?}").matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = switch (placeholder.group(1)) {
                case "ALEXA_VENDOR_ID" -> VENDOR_ID;
                case "ALEXA_CLIENT_SECRET" -> "s3cretS3cretS3cretS3cretS3cret12";
                default -> placeholder.group(2);
            };
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(filled);
        return JsonSerialization.mapper.readTree(filled.toString());
    }
}
