package dev.alexalink.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alexalink.kubernetes.Manifests.Manifest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No manifest holds a secret. The only Secrets are dev-only examples with marked placeholder values, and everything
 * else refers to Secrets by name.
 */
class NoLiteralSecretsTest {

    static final String EXAMPLE_ANNOTATION = "alexalink.dev/dev-only-example";
    static final String DEV_ONLY_MARKER = "DEVONLY";
    // Names of settings whose values are secret: environment variables, Keycloak options, Secret keys.
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|private|credential).*");

    @Test
    void secretsAreOnlyMarkedDevOnlyExamples() {
        List<Manifest> secrets =
                Manifests.all().stream().filter(m -> m.kind().equals("Secret")).toList();
        assertThat(secrets).isNotEmpty().allSatisfy(secret -> {
            assertThat(secret.file().getFileName().toString())
                    .as(secret + ": file name")
                    .endsWith(".example.yaml");
            assertThat(Manifests.text(secret.file()))
                    .as(secret + ": file header")
                    .startsWith("# DEV-ONLY EXAMPLE.");
            assertThat(secret.node()
                            .path("metadata")
                            .path("annotations")
                            .path(EXAMPLE_ANNOTATION)
                            .asText())
                    .as(secret + ": annotation " + EXAMPLE_ANNOTATION)
                    .isEqualTo("true");
            assertThat(secret.node().has("data"))
                    .as(secret + ": base64 'data' hides what it holds; use stringData")
                    .isFalse();
            secret.node().path("stringData").properties().forEach(entry -> {
                if (SECRET_NAME.matcher(entry.getKey()).matches()) {
                    assertThat(entry.getValue().asText())
                            .as(secret + ": value of " + entry.getKey())
                            .contains(DEV_ONLY_MARKER);
                }
            });
        });
    }

    @Test
    void noOtherFileRepeatsAnExampleSecretValue() {
        List<String> values = new ArrayList<>();
        Manifests.all().stream()
                .filter(m -> m.kind().equals("Secret"))
                .forEach(secret -> secret.node().path("stringData").properties().forEach(entry -> {
                    if (SECRET_NAME.matcher(entry.getKey()).matches()) {
                        values.add(entry.getValue().asText());
                    }
                }));
        assertThat(values).isNotEmpty();
        for (Path file : Manifests.allFiles()) {
            if (!file.getFileName().toString().equals("secrets.example.yaml")) {
                assertThat(Manifests.text(file))
                        .as(file.getFileName().toString())
                        .doesNotContain(values);
            }
        }
    }

    @Test
    void secretSettingsComeFromSecretsNotValues() {
        for (Manifest manifest : Manifests.all()) {
            if (!manifest.kind().equals("Secret")) {
                List<String> literal = new ArrayList<>();
                findLiteralSecretSettings(manifest.node(), "$", literal);
                assertThat(literal)
                        .as(manifest + ": name/value pairs with a secret's name and a literal value")
                        .isEmpty();
            }
        }
    }

    @Test
    void noManifestHoldsAPrivateKey() {
        assertThat(Manifests.allFiles())
                .allSatisfy(file -> assertThat(Manifests.text(file))
                        .as(file.getFileName().toString())
                        .doesNotContain("PRIVATE KEY"));
    }

    @Test
    void theRealmImportsClientSecretsArePlaceholders() {
        JsonNode clients = Manifests.only(Manifests.generated(), "KeycloakRealmImport")
                .node()
                .path("spec")
                .path("realm")
                .path("clients");
        assertThat(clients).isNotEmpty().allSatisfy(client -> {
            if (client.has("secret")) {
                assertThat(client.path("secret").asText())
                        .as("secret of client " + client.path("clientId").asText())
                        .matches("\\$\\{[A-Z0-9_]+}");
            }
        });
    }

    /** Env entries and Keycloak options are {name, value} or {name, valueFrom/secret}: the value form is refused for secrets. */
    private static void findLiteralSecretSettings(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            if (node.has("name")
                    && node.has("value")
                    && SECRET_NAME.matcher(node.path("name").asText()).matches()) {
                found.add(path + " " + node.path("name").asText());
            }
            node.properties()
                    .forEach(field -> findLiteralSecretSettings(field.getValue(), path + "." + field.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findLiteralSecretSettings(node.get(i), path + "[" + i + "]", found);
            }
        }
    }
}
