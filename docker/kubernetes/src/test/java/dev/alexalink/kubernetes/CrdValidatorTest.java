package dev.alexalink.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.alexalink.kubernetes.ManifestSchemaTest.KEYCLOAK;
import static dev.alexalink.kubernetes.ManifestSchemaTest.REALM_IMPORT;
import static org.assertj.core.api.Assertions.assertThat;

/** The validation is not vacuous: broken copies of the real manifests are refused, for the right reason. */
class CrdValidatorTest {

    private static ObjectNode keycloak() {
        return (ObjectNode)
                Manifests.only(Manifests.handWritten(), "Keycloak").node().deepCopy();
    }

    private static ObjectNode realmImport() {
        return (ObjectNode) Manifests.only(Manifests.generated(), "KeycloakRealmImport")
                .node()
                .deepCopy();
    }

    private static ObjectNode spec(ObjectNode manifest) {
        return (ObjectNode) manifest.get("spec");
    }

    @Test
    void theUnchangedManifestsAreValid() {
        assertThat(KEYCLOAK.problems(keycloak())).isEmpty();
        assertThat(REALM_IMPORT.problems(realmImport())).isEmpty();
    }

    @Test
    void refusesInstancesAsAString() {
        ObjectNode keycloak = keycloak();
        spec(keycloak).put("instances", "two");
        assertThat(KEYCLOAK.problems(keycloak))
                .singleElement()
                .asString()
                .contains("$.spec.instances")
                .contains("integer");
    }

    @Test
    void refusesAFieldTheCrdDoesNotHave() {
        ObjectNode keycloak = keycloak();
        spec(keycloak).put("replicas", 2);
        assertThat(KEYCLOAK.problems(keycloak))
                .singleElement()
                .asString()
                .contains("$.spec")
                .contains("replicas");

        ObjectNode nested = keycloak();
        ((ObjectNode) spec(nested).get("db")).put("passwordd", "x");
        assertThat(KEYCLOAK.problems(nested))
                .singleElement()
                .asString()
                .contains("$.spec.db")
                .contains("passwordd");
    }

    @Test
    void refusesAWrongApiVersionKindOrName() {
        ObjectNode keycloak = keycloak();
        keycloak.put("apiVersion", "k8s.keycloak.org/v1alpha1");
        assertThat(KEYCLOAK.problems(keycloak)).singleElement().asString().contains("$.apiVersion");

        ObjectNode wrongKind = keycloak();
        wrongKind.put("kind", "KeycloakRealmImport");
        assertThat(KEYCLOAK.problems(wrongKind)).singleElement().asString().contains("$.kind");

        ObjectNode badName = keycloak();
        ((ObjectNode) badName.get("metadata")).put("name", "Alexa_Keycloak");
        assertThat(KEYCLOAK.problems(badName)).singleElement().asString().contains("$.metadata.name");

        ObjectNode noMetadata = keycloak();
        noMetadata.remove("metadata");
        assertThat(KEYCLOAK.problems(noMetadata)).singleElement().asString().contains("metadata");
    }

    @Test
    void refusesARealmImportWithoutItsRequiredFields() {
        ObjectNode realmImport = realmImport();
        spec(realmImport).remove("keycloakCRName");
        assertThat(REALM_IMPORT.problems(realmImport))
                .singleElement()
                .asString()
                .contains("keycloakCRName");
    }

    @Test
    void refusesAFieldTheRealmRepresentationDoesNotHave() {
        ObjectNode realmImport = realmImport();
        ((ObjectNode) spec(realmImport).get("realm")).put("accessTokenLifeSpan", 300);
        assertThat(REALM_IMPORT.problems(realmImport))
                .singleElement()
                .asString()
                .contains("$.spec.realm")
                .contains("accessTokenLifeSpan");
    }

    @Test
    void refusesAClientAttributeThatIsNotAString() {
        // What a YAML writer that dropped the quotes of "3600" would produce.
        ObjectNode realmImport = realmImport();
        ((ObjectNode) spec(realmImport).get("realm").get("clients").get(0).get("attributes"))
                .put("access.token.lifespan", 3600);
        assertThat(REALM_IMPORT.problems(realmImport))
                .singleElement()
                .asString()
                .contains("$.spec.realm.clients[0].attributes.access.token.lifespan")
                .contains("string");
    }

    @Test
    void keepsWhatTheCrdPreservesUnknown() {
        ObjectNode realmImport = realmImport();
        ((ObjectNode) spec(realmImport).get("realm").get("clientProfiles"))
                .putObject("anything")
                .put("goes", 1);
        assertThat(REALM_IMPORT.problems(realmImport)).isEmpty();
    }

    @Test
    void acceptsIntegerOrStringWhereTheCrdSaysIntOrString() {
        ObjectNode integer = keycloak();
        ((ObjectNode) spec(integer).get("resources").get("limits")).put("cpu", 2);
        assertThat(KEYCLOAK.problems(integer)).isEmpty();

        ObjectNode bool = keycloak();
        ((ObjectNode) spec(bool).get("resources").get("limits")).put("cpu", true);
        assertThat(KEYCLOAK.problems(bool))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m).contains("$.spec.resources.limits.cpu"));
    }

    @Test
    void refusesATypoInAPodTemplate() {
        JsonNode template = Manifests.handWritten().stream()
                .filter(m -> m.kind().equals("StatefulSet"))
                .findFirst()
                .orElseThrow()
                .node()
                .path("spec")
                .path("template")
                .deepCopy();
        ((ObjectNode) template.path("spec").path("containers").get(0)).put("imagee", "postgres");
        assertThat(KEYCLOAK.problemsAt(template, "spec", "unsupported", "podTemplate"))
                .singleElement()
                .asString()
                .contains("$.spec.containers[0]")
                .contains("imagee");
    }

    @Test
    void nullableAcceptsNullAndIntOrStringWithoutAnyOfIsAdded() throws Exception {
        JsonNode openApi = Manifests.YAML.readTree("""
                type: object
                properties:
                  name: {type: string, nullable: true}
                  port: {x-kubernetes-int-or-string: true}
                  free: {type: object, x-kubernetes-preserve-unknown-fields: true}
                """);
        var schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(CrdValidator.toJsonSchema(openApi));

        assertThat(schema.validate(Manifests.YAML.readTree("{name: null, port: 8080, free: {a: {b: 1}}}")))
                .isEmpty();
        assertThat(schema.validate(Manifests.YAML.readTree("{name: x, port: https}")))
                .isEmpty();
        assertThat(schema.validate(Manifests.YAML.readTree("{name: 1}"))).isNotEmpty();
        assertThat(schema.validate(Manifests.YAML.readTree("{port: [1]}"))).isNotEmpty();
        assertThat(schema.validate(Manifests.YAML.readTree("{other: 1}"))).isNotEmpty();
        assertThat(CrdValidator.toJsonSchema(openApi).toString()).doesNotContain("x-kubernetes-", "nullable");
    }

    @Test
    void reportsEveryProblemNotJustTheFirst() {
        ObjectNode keycloak = keycloak();
        spec(keycloak).put("instances", "two").put("startOptimized", "yes");
        List<String> problems = KEYCLOAK.problems(keycloak);
        assertThat(problems).hasSize(2);
        assertThat(String.join("\n", problems)).contains("$.spec.instances", "$.spec.startOptimized");
    }
}
