package dev.alexalink.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RealmImportGeneratorTest {

    private static final String REALM = """
            {
              "realm": "alexa",
              "displayName": "${ALEXA_REALM_DISPLAY_NAME:Alexa account linking}",
              "clients": [{
                "clientId": "alexa-skill",
                "secret": "${ALEXA_CLIENT_SECRET}",
                "redirectUris": ["https://pitangui.amazon.com/api/skill/link/${env.ALEXA_VENDOR_ID}"],
                "attributes": {"access.token.lifespan": "3600", "use.refresh.tokens": "true", "empty": "", "null": "null"}
              }]
            }
            """;

    private static ObjectNode generate(String realmJson) {
        return RealmImportGenerator.realmImport(realmJson, "test-realm.json", "alexa-keycloak");
    }

    private static List<String> placeholderNames(JsonNode realmImport) {
        List<String> names = new ArrayList<>();
        realmImport.path("spec").path("placeholders").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void wrapsTheRealmUnchangedAndMapsItsRequiredPlaceholdersToTheSecret() throws Exception {
        ObjectNode realmImport = generate(REALM);

        assertThat(realmImport.path("apiVersion").asText()).isEqualTo("k8s.keycloak.org/v2alpha1");
        assertThat(realmImport.path("kind").asText()).isEqualTo("KeycloakRealmImport");
        assertThat(realmImport.path("metadata").path("name").asText()).isEqualTo("alexa-realm-import");
        assertThat(realmImport.path("spec").path("keycloakCRName").asText()).isEqualTo("alexa-keycloak");
        assertThat(realmImport.path("spec").path("realm"))
                .isEqualTo(JsonMapper.builder().build().readTree(REALM));
        // ${env.NAME} is the variable NAME; a placeholder with a default gets no Secret key.
        assertThat(placeholderNames(realmImport)).containsExactly("ALEXA_CLIENT_SECRET", "ALEXA_VENDOR_ID");
        assertThat(realmImport
                        .at("/spec/placeholders/ALEXA_VENDOR_ID/secret/name")
                        .asText())
                .isEqualTo("alexa-realm-placeholders");
        assertThat(realmImport
                        .at("/spec/placeholders/ALEXA_VENDOR_ID/secret/key")
                        .asText())
                .isEqualTo("ALEXA_VENDOR_ID");
    }

    @Test
    void yamlKeepsEveryValueAndNamesWhereThePlaceholdersComeFrom() throws Exception {
        ObjectNode realmImport = generate(REALM);
        String yaml = RealmImportGenerator.toYaml(realmImport, "test-realm.json");

        // Strings that look like numbers, booleans or null stay strings.
        assertThat(Manifests.YAML.readTree(yaml)).isEqualTo(realmImport);
        assertThat(yaml)
                .startsWith("# Generated from test-realm.json by RealmImportGenerator at build time. Do not edit");
        assertThat(yaml).contains("# ALEXA_CLIENT_SECRET, ALEXA_VENDOR_ID: from the Secret alexa-realm-placeholders,");
        assertThat(yaml).contains("# ALEXA_REALM_DISPLAY_NAME: the realm file's defaults");
    }

    @Test
    void aRealmWithoutPlaceholdersHasNoPlaceholderSection() {
        ObjectNode realmImport = generate("{\"realm\": \"plain\"}");
        assertThat(realmImport.path("spec").has("placeholders")).isFalse();
        assertThat(RealmImportGenerator.toYaml(realmImport, "plain.json")).doesNotContain("Secret");
    }

    @Test
    void refusesARequiredPlaceholderWithoutASecretKey() {
        String realm = REALM.replace(
                "\"clientId\"", "\"description\": \"${ALEXA_SMTP_PASSWORD} ${ALEXA_OTHER:fine}\", \"clientId\"");
        assertThatThrownBy(() -> generate(realm))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test-realm.json")
                .hasMessageContaining("${ALEXA_SMTP_PASSWORD} has no default and no Secret key")
                .hasMessageContaining("ALEXA_CLIENT_SECRET, ALEXA_VENDOR_ID")
                .hasMessageNotContaining("ALEXA_OTHER");
    }

    @Test
    void namesEveryUnmappedPlaceholderAtOnce() {
        assertThatThrownBy(() -> generate("{\"realm\": \"r\", \"a\": \"${FIRST}\", \"b\": \"${env.SECOND}\"}"))
                .hasMessageContaining("${FIRST}")
                .hasMessageContaining("${SECOND}");
    }

    @Test
    void refusesAPlaceholderWithoutAName() {
        assertThatThrownBy(() -> generate("{\"realm\": \"r\", \"a\": \"${:default}\"}"))
                .hasMessageContaining("'${:default}'")
                .hasMessageContaining("names no variable");
    }

    @Test
    void refusesARealmFileWithoutARealmName() {
        assertThatThrownBy(() -> generate("{\"enabled\": true}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "the realm file test-realm.json has no \"realm\" (the realm's name): a KeycloakRealmImport needs it");
        assertThatThrownBy(() -> generate("{\"realm\": 42}"))
                .hasMessageContaining("has \"realm\": 42, but the realm's name must be a non-empty string");
        assertThatThrownBy(() -> generate("{\"realm\": \" \"}")).hasMessageContaining("must be a non-empty string");
    }

    @Test
    void refusesARealmNameThatCannotNameKubernetesResources() {
        assertThatThrownBy(() -> generate("{\"realm\": \"Alexa_Realm\"}"))
                .hasMessageContaining("'Alexa_Realm-realm-import'")
                .hasMessageContaining("lowercase letters, digits and '-'");
    }

    @Test
    void refusesABadKeycloakCrName() {
        assertThatThrownBy(() -> RealmImportGenerator.realmImport("{\"realm\": \"r\"}", "x.json", "Alexa Keycloak"))
                .hasMessageContaining("the Keycloak CR name is 'Alexa Keycloak'");
    }

    @Test
    void refusesSomethingThatIsNotARealmObject() {
        assertThatThrownBy(() -> generate("{\"realm\": \"alexa\","))
                .hasMessageStartingWith("the realm file test-realm.json is not valid JSON: ")
                .hasMessageContaining("line ");
        assertThatThrownBy(() -> generate("[{\"realm\": \"alexa\"}]"))
                .hasMessage(
                        "the realm file test-realm.json must hold one JSON object (a realm representation), but holds array");
        assertThatThrownBy(() -> generate("")).hasMessageContaining("must hold one JSON object");
    }

    @Test
    void refusesAMissingRealmFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> RealmImportGenerator.readRealmFile(missing))
                .hasMessage("cannot read the realm file " + missing + ": it does not exist");
        assertThatThrownBy(() -> RealmImportGenerator.readRealmFile(dir))
                .hasMessageStartingWith("cannot read the realm file " + dir + ": ");
    }

    @Test
    void mainWritesTheManifestAndChecksItsArguments(@TempDir Path dir) throws Exception {
        Path realm = Files.writeString(dir.resolve("alexa-realm.json"), REALM, StandardCharsets.UTF_8);
        Path output = dir.resolve("out/alexa-realm-import.yaml");

        RealmImportGenerator.main(new String[] {realm.toString(), output.toString(), "alexa-keycloak"});

        assertThat(Manifests.YAML.readTree(output.toFile())).isEqualTo(generate(REALM));
        assertThatThrownBy(() -> RealmImportGenerator.main(new String[] {realm.toString()}))
                .hasMessageContaining("expected 3 arguments: <realm.json> <output.yaml> <Keycloak CR name>, got 1");
    }
}
