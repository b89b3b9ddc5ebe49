package dev.alexalink.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alexalink.kubernetes.Manifests.Manifest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The Keycloak CR runs our image as Alexa needs it, and the manifests agree with each other on names. */
class KeycloakManifestTest {

    private final List<Manifest> handWritten = Manifests.handWritten();
    private final JsonNode keycloak = Manifests.only(handWritten, "Keycloak").node();
    private final JsonNode spec = keycloak.path("spec");

    @Test
    void runsOurOptimizedImageOnTwoOrMoreInstances() {
        // The image built from docker/Dockerfile, under a registry of the user's.
        assertThat(spec.path("image").asText())
                .matches("[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)*/alexa-keycloak:[A-Za-z0-9._-]+");
        assertThat(spec.path("startOptimized").isBoolean()
                        && spec.path("startOptimized").asBoolean())
                .as("startOptimized")
                .isTrue();
        assertThat(spec.path("instances").isInt()).as("instances is an integer").isTrue();
        assertThat(spec.path("instances").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void usesPostgresWithCredentialsFromTheExampleSecret() {
        JsonNode db = spec.path("db");
        assertThat(db.path("vendor").asText()).isEqualTo("postgres");
        JsonNode dbSecret = secret(db.path("usernameSecret").path("name").asText());
        assertThat(db.path("passwordSecret").path("name").asText())
                .isEqualTo(dbSecret.path("metadata").path("name").asText());
        assertThat(dbSecret.path("stringData")
                        .has(db.path("usernameSecret").path("key").asText()))
                .isTrue();
        assertThat(dbSecret.path("stringData")
                        .has(db.path("passwordSecret").path("key").asText()))
                .isTrue();

        // The PostgreSQL example is what spec.db points at, with the same credentials.
        Manifest postgresService = Manifests.only(handWritten, "Service");
        assertThat(db.path("host").asText()).isEqualTo(postgresService.name());
        assertThat(db.path("port").asInt())
                .isEqualTo(postgresService
                        .node()
                        .path("spec")
                        .path("ports")
                        .get(0)
                        .path("port")
                        .asInt());
        JsonNode postgres = Manifests.only(handWritten, "StatefulSet")
                .node()
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
        assertThat(env(postgres, "POSTGRES_DB").path("value").asText())
                .isEqualTo(db.path("database").asText());
        assertThat(env(postgres, "POSTGRES_USER").path("valueFrom").path("secretKeyRef"))
                .isEqualTo(db.path("usernameSecret"));
        assertThat(env(postgres, "POSTGRES_PASSWORD").path("valueFrom").path("secretKeyRef"))
                .isEqualTo(db.path("passwordSecret"));
    }

    @Test
    void servesHttpsOnItsPublicHostnameThroughTheIngress() {
        URI hostname = URI.create(spec.path("hostname").path("hostname").asText());
        assertThat(hostname.getScheme()).isEqualTo("https");
        assertThat(hostname.getPort()).as("Alexa links only on port 443").isIn(-1, 443);
        assertThat(hostname.getPath()).isEmpty();
        String tlsSecret = spec.path("http").path("tlsSecret").asText();
        assertThat(tlsSecret).isNotEmpty();
        assertThat(spec.path("http").path("httpEnabled").asBoolean(false))
                .as("plain HTTP listener")
                .isFalse();
        assertThat(spec.path("ingress").path("enabled").asBoolean(true))
                .as("the operator's own Ingress")
                .isFalse();

        JsonNode ingress = Manifests.only(handWritten, "Ingress").node().path("spec");
        assertThat(ingress.path("tls")).hasSize(1);
        assertThat(ingress.path("tls").get(0).path("secretName").asText()).isEqualTo(tlsSecret);
        assertThat(ingress.path("tls").get(0).path("hosts"))
                .extracting(JsonNode::asText)
                .containsExactly(hostname.getHost());
        assertThat(ingress.path("rules")).hasSize(1);
        assertThat(ingress.path("rules").get(0).path("host").asText()).isEqualTo(hostname.getHost());
        JsonNode backend = ingress.path("rules")
                .get(0)
                .path("http")
                .path("paths")
                .get(0)
                .path("backend")
                .path("service");
        // The operator names the Service after the Keycloak CR; its TLS port is 'https'.
        assertThat(backend.path("name").asText())
                .isEqualTo(keycloak.path("metadata").path("name").asText() + "-service");
        assertThat(backend.path("port").path("name").asText()).isEqualTo("https");
    }

    @Test
    void enablesHealthAndMetricsOnTheManagementPort() {
        assertThat(spec.path("httpManagement").path("port").asInt()).isEqualTo(9000);
        assertThat(spec.path("additionalOptions")).anySatisfy(option -> {
            assertThat(option.path("name").asText()).isEqualTo("metrics-enabled");
            assertThat(option.path("value").asText()).isEqualTo("true");
        });
    }

    @Test
    void setsOnlyThemeVariablesTheThemeReads() {
        String themeProperties = Manifests.text(Manifests.path("theme.properties"));
        Set<String> read = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{env\\.(ALEXA_THEME_[A-Z_]+)").matcher(themeProperties);
        while (m.find()) {
            read.add(m.group(1));
        }
        assertThat(read).as("variables the theme reads").isNotEmpty();

        JsonNode containers =
                spec.path("unsupported").path("podTemplate").path("spec").path("containers");
        assertThat(containers).hasSize(1);
        List<String> set = new ArrayList<>();
        containers.get(0).path("env").forEach(e -> set.add(e.path("name").asText()));
        assertThat(set)
                .isNotEmpty()
                .allSatisfy(
                        name -> assertThat(read).as("the theme reads " + name).contains(name));
    }

    @Test
    void theRealmImportTargetsThisKeycloakWithSecretsThatExist() {
        JsonNode realmImport = Manifests.only(Manifests.generated(), "KeycloakRealmImport")
                .node()
                .path("spec");
        assertThat(realmImport.path("keycloakCRName").asText())
                .isEqualTo(keycloak.path("metadata").path("name").asText());
        assertThat(realmImport.path("placeholders").size()).isPositive();
        realmImport.path("placeholders").properties().forEach(placeholder -> {
            JsonNode ref = placeholder.getValue().path("secret");
            assertThat(secret(ref.path("name").asText())
                            .path("stringData")
                            .has(ref.path("key").asText()))
                    .as("Secret " + ref.path("name").asText() + " has key "
                            + ref.path("key").asText())
                    .isTrue();
        });
    }

    private JsonNode secret(String name) {
        return handWritten.stream()
                .filter(m -> m.kind().equals("Secret") && m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Secret '" + name + "' in the example Secrets"))
                .node();
    }

    private static JsonNode env(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> e.path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no environment variable " + name));
    }
}
