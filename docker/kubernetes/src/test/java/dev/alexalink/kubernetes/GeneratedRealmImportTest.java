package dev.alexalink.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.alexalink.kubernetes.Manifests.Manifest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The KeycloakRealmImport that the build wrote to target/manifests is the realm file, unchanged and current. */
class GeneratedRealmImportTest {

    private final Path realmFile = Manifests.path("realm.file");
    private final Manifest realmImport = Manifests.only(Manifests.generated(), "KeycloakRealmImport");

    @Test
    void itsRealmIsTheRealmFile() throws Exception {
        JsonNode realm = JsonMapper.builder().build().readTree(realmFile.toFile());
        assertThat(realmImport.node().path("spec").path("realm")).isEqualTo(realm);
    }

    @Test
    void isWhatTheGeneratorMakesOfTheRealmFileNow() {
        String source = realmFile.getFileName().toString();
        String expected = RealmImportGenerator.toYaml(
                RealmImportGenerator.realmImport(
                        RealmImportGenerator.readRealmFile(realmFile), source, "alexa-keycloak"),
                source);
        assertThat(Manifests.text(realmImport.file())).isEqualTo(expected);
    }

    @Test
    void takesTheRequiredPlaceholdersFromTheSecretAndLeavesDefaultsToKeycloak() {
        JsonNode placeholders = realmImport.node().path("spec").path("placeholders");
        List<String> names = new ArrayList<>();
        placeholders.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("ALEXA_CLIENT_SECRET", "ALEXA_VENDOR_ID");
        placeholders.properties().forEach(p -> {
            assertThat(p.getValue().path("secret").path("name").asText())
                    .isEqualTo(RealmImportGenerator.PLACEHOLDER_SECRET);
            assertThat(p.getValue().path("secret").path("key").asText()).isEqualTo(p.getKey());
        });
        String text = Manifests.text(realmImport.file());
        assertThat(text).startsWith("# Generated from alexa-realm.json");
        assertThat(text)
                .contains(
                        "# ALEXA_REALM_DISPLAY_NAME, ALEXA_SKILL_NAME, ALEXA_TOKEN_AUDIENCE: the realm file's defaults");
    }

    @Test
    void isNamedAfterTheRealm() {
        assertThat(realmImport.name())
                .isEqualTo(realmImport
                                .node()
                                .path("spec")
                                .path("realm")
                                .path("realm")
                                .asText() + "-realm-import");
    }
}
